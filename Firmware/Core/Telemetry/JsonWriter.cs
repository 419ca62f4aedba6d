using System;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Allocation-free JSON writer into a caller-owned, reused UTF-8 byte buffer.
    /// <para>
    /// Capacity: the buffer given at construction. A write that does not fit sets the sticky
    /// <see cref="Overflowed"/> flag and every later write is dropped until <see cref="Reset"/>; the writer
    /// never throws for lack of room and never writes past the buffer's end. Each char's UTF-8 sequence, escape or
    /// number is written whole or not at all, but an overflowed message is incomplete: do not send it.
    /// </para>
    /// <para>
    /// Structure: commas are inserted automatically. Inside an object every value needs a name (the named
    /// overloads, or <see cref="WriteName"/> then a *Value call); inside an array values have no name. Breaking
    /// those rules, closing the wrong container, a second top-level value or nesting deeper than
    /// <see cref="MaxDepth"/> are programming errors and throw <see cref="InvalidOperationException"/>.
    /// Structure is still tracked after an overflow, so a correct caller never sees an exception.
    /// </para>
    /// <para>
    /// Strings: '"' and '\' are escaped, \b \f \n \r \t use their short escapes, the other control chars
    /// U+0000-U+001F become \u00XX (upper-case hex). Everything else is written as UTF-8; a surrogate pair becomes
    /// one 4-byte sequence, a lone surrogate becomes U+FFFD. A null string is written as JSON null.
    /// </para>
    /// <para>
    /// Numbers: integers in plain decimal, no exponent, no leading '+' or zeros. Fixed-point values are a scaled
    /// integer and a decimal count: the output has exactly that many fraction digits (no rounding, no trimming).
    /// </para>
    /// </summary>
    public sealed class JsonWriter
    {
        /// <summary>Deepest nesting of objects and arrays accepted.</summary>
        public const int MaxDepth = 16;

        /// <summary>Largest decimal count <see cref="WriteFixedValue"/> accepts (a long has 19 digits).</summary>
        public const int MaxDecimals = 18;

        private const int ContainerObject = 1;
        private const int ContainerArray = 2;

        private readonly byte[] _buffer;
        private readonly int[] _containerKind = new int[MaxDepth + 1];
        private readonly bool[] _containerHasItem = new bool[MaxDepth + 1];
        private int _length;
        private int _depth;
        private bool _nameWritten;
        private bool _rootWritten;
        private bool _overflowed;

        /// <summary>Writes into <paramref name="buffer"/>; its length is the capacity, and it is reused for every message.</summary>
        public JsonWriter(byte[] buffer)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            _buffer = buffer;
        }

        /// <summary>The buffer the message is written into; bytes [0, <see cref="Length"/>) are valid.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Bytes written so far.</summary>
        public int Length => _length;

        /// <summary>Buffer size in bytes.</summary>
        public int Capacity => _buffer.Length;

        /// <summary>True once a write did not fit; stays set until <see cref="Reset"/>.</summary>
        public bool Overflowed => _overflowed;

        /// <summary>True when one whole top-level value is written, every container is closed and nothing overflowed.</summary>
        public bool IsComplete => _rootWritten && _depth == 0 && !_overflowed;

        /// <summary>Starts a new message: length 0, overflow cleared, no open containers.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _nameWritten = false;
            _rootWritten = false;
            _overflowed = false;
        }

        /// <summary>Opens an object as a value (top level or array element).</summary>
        public void BeginObject()
        {
            CheckDepthLeft();
            BeforeValue();
            AppendByte((byte)'{');
            Push(ContainerObject);
        }

        /// <summary>Opens an object as the member <paramref name="name"/> of the current object.</summary>
        public void BeginObject(string name)
        {
            WriteName(name);
            BeginObject();
        }

        /// <summary>Closes the innermost container, which must be an object.</summary>
        public void EndObject()
        {
            Pop(ContainerObject);
            AppendByte((byte)'}');
        }

        /// <summary>Opens an array as a value (top level or array element).</summary>
        public void BeginArray()
        {
            CheckDepthLeft();
            BeforeValue();
            AppendByte((byte)'[');
            Push(ContainerArray);
        }

        /// <summary>Opens an array as the member <paramref name="name"/> of the current object.</summary>
        public void BeginArray(string name)
        {
            WriteName(name);
            BeginArray();
        }

        /// <summary>Closes the innermost container, which must be an array.</summary>
        public void EndArray()
        {
            Pop(ContainerArray);
            AppendByte((byte)']');
        }

        /// <summary>Writes a member name (escaped like a string) and the colon; the next call must write its value.</summary>
        public void WriteName(string name)
        {
            if (_depth == 0 || _containerKind[_depth] != ContainerObject || _nameWritten)
            {
                throw new InvalidOperationException("a name belongs directly inside an object, before its value");
            }

            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (_containerHasItem[_depth])
            {
                AppendByte((byte)',');
            }

            _containerHasItem[_depth] = true;
            AppendQuotedChars(name, 0, name.Length);
            AppendByte((byte)':');
            _nameWritten = true;
        }

        /// <summary>Writes <c>"name":"value"</c>; a null value is written as null.</summary>
        public void WriteString(string name, string value)
        {
            WriteName(name);
            WriteStringValue(value);
        }

        /// <summary>Writes a string value; a null value is written as null.</summary>
        public void WriteStringValue(string value)
        {
            if (value == null)
            {
                WriteNullValue();
                return;
            }

            BeforeValue();
            AppendQuotedChars(value, 0, value.Length);
        }

        /// <summary>Writes <c>"name":"..."</c> from chars [start, start + count) of a reused char buffer.</summary>
        public void WriteString(string name, char[] chars, int start, int count)
        {
            WriteName(name);
            WriteStringValue(chars, start, count);
        }

        /// <summary>Writes a string value from chars [start, start + count) of a reused char buffer.</summary>
        public void WriteStringValue(char[] chars, int start, int count)
        {
            if (chars == null)
            {
                throw new ArgumentNullException(nameof(chars));
            }

            if (start < 0 || count < 0 || start > chars.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            BeforeValue();
            AppendQuotedChars(chars, start, count);
        }

        /// <summary>Writes <c>"name":value</c> for a 32-bit integer.</summary>
        public void WriteInt(string name, int value)
        {
            WriteName(name);
            WriteLongValue(value);
        }

        /// <summary>Writes a 32-bit integer value.</summary>
        public void WriteIntValue(int value)
        {
            WriteLongValue(value);
        }

        /// <summary>Writes <c>"name":value</c> for a 64-bit integer (the full range, long.MinValue included).</summary>
        public void WriteLong(string name, long value)
        {
            WriteName(name);
            WriteLongValue(value);
        }

        /// <summary>Writes a 64-bit integer value (the full range, long.MinValue included).</summary>
        public void WriteLongValue(long value)
        {
            WriteFixedValue(value, 0);
        }

        /// <summary>
        /// Writes <c>"name":value</c> where value = <paramref name="scaledValue"/> / 10^<paramref name="decimals"/>,
        /// e.g. (1234, 2) → 12.34 and (-5, 2) → -0.05. See <see cref="WriteFixedValue"/>.
        /// </summary>
        public void WriteFixed(string name, long scaledValue, int decimals)
        {
            WriteName(name);
            WriteFixedValue(scaledValue, decimals);
        }

        /// <summary>
        /// Writes scaledValue / 10^decimals exactly, with exactly <paramref name="decimals"/> fraction digits and at
        /// least one integer digit: (1234, 2) → 12.34, (-5, 2) → -0.05, (0, 3) → 0.000, (7, 0) → 7. Exact for the
        /// whole long range. <paramref name="decimals"/> must be 0..<see cref="MaxDecimals"/>.
        /// </summary>
        public void WriteFixedValue(long scaledValue, int decimals)
        {
            if (decimals < 0 || decimals > MaxDecimals)
            {
                throw new ArgumentOutOfRangeException(nameof(decimals));
            }

            BeforeValue();

            // Digits are produced from a non-positive copy: -long.MinValue does not exist, -long.MaxValue does.
            long negative = scaledValue < 0 ? scaledValue : -scaledValue;
            int significantDigits = 1;
            for (long rest = negative / 10; rest != 0; rest /= 10)
            {
                significantDigits++;
            }

            int digits = significantDigits > decimals ? significantDigits : decimals + 1;
            int size = digits + (decimals > 0 ? 1 : 0) + (scaledValue < 0 ? 1 : 0);
            if (!Reserve(size))
            {
                return;
            }

            int position = _length + size - 1;
            for (int i = 0; i < digits; i++)
            {
                if (i == decimals && decimals > 0)
                {
                    _buffer[position--] = (byte)'.';
                }

                _buffer[position--] = (byte)('0' - (int)(negative % 10));
                negative /= 10;
            }

            if (scaledValue < 0)
            {
                _buffer[position] = (byte)'-';
            }

            _length += size;
        }

        /// <summary>Writes <c>"name":true</c> or <c>"name":false</c>.</summary>
        public void WriteBool(string name, bool value)
        {
            WriteName(name);
            WriteBoolValue(value);
        }

        /// <summary>Writes true or false.</summary>
        public void WriteBoolValue(bool value)
        {
            BeforeValue();
            AppendAscii(value ? "true" : "false");
        }

        /// <summary>Writes <c>"name":null</c>.</summary>
        public void WriteNull(string name)
        {
            WriteName(name);
            WriteNullValue();
        }

        /// <summary>Writes null.</summary>
        public void WriteNullValue()
        {
            BeforeValue();
            AppendAscii("null");
        }

        // Checks that a value may go here, writes the separating comma and records the value.
        private void BeforeValue()
        {
            if (_depth == 0)
            {
                if (_rootWritten)
                {
                    throw new InvalidOperationException("a JSON message has one top-level value; call Reset first");
                }

                _rootWritten = true;
                return;
            }

            if (_containerKind[_depth] == ContainerObject)
            {
                if (!_nameWritten)
                {
                    throw new InvalidOperationException("a value inside an object needs a name");
                }

                _nameWritten = false;
                return;
            }

            if (_containerHasItem[_depth])
            {
                AppendByte((byte)',');
            }

            _containerHasItem[_depth] = true;
        }

        // Checked before anything is written, so a refused container leaves the output unchanged.
        private void CheckDepthLeft()
        {
            if (_depth == MaxDepth)
            {
                throw new InvalidOperationException("JSON nesting deeper than MaxDepth");
            }
        }

        private void Push(int kind)
        {
            _depth++;
            _containerKind[_depth] = kind;
            _containerHasItem[_depth] = false;
        }

        private void Pop(int kind)
        {
            if (_depth == 0 || _containerKind[_depth] != kind || _nameWritten)
            {
                throw new InvalidOperationException("closing a container that is not open, or a name without a value");
            }

            _depth--;
        }

        // True if count more bytes fit; otherwise sets the sticky overflow. Nothing fits once overflowed.
        private bool Reserve(int count)
        {
            if (_overflowed)
            {
                return false;
            }

            if (count > _buffer.Length - _length)
            {
                _overflowed = true;
                return false;
            }

            return true;
        }

        private void AppendByte(byte value)
        {
            if (Reserve(1))
            {
                _buffer[_length++] = value;
            }
        }

        private void AppendAscii(string text)
        {
            if (!Reserve(text.Length))
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                _buffer[_length++] = (byte)text[i];
            }
        }

        private void AppendQuotedChars(string text, int start, int count)
        {
            AppendByte((byte)'"');
            int end = start + count;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < end && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    AppendSurrogatePair(c, text[i + 1]);
                    i++;
                }
                else
                {
                    AppendChar(c);
                }
            }

            AppendByte((byte)'"');
        }

        // Same as the string overload; nanoFramework has no common indexable type for string and char[] without a copy.
        private void AppendQuotedChars(char[] text, int start, int count)
        {
            AppendByte((byte)'"');
            int end = start + count;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < end && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    AppendSurrogatePair(c, text[i + 1]);
                    i++;
                }
                else
                {
                    AppendChar(c);
                }
            }

            AppendByte((byte)'"');
        }

        // One UTF-16 unit that is not half of a valid pair: escaped ASCII, 1-3 byte UTF-8, or U+FFFD for a lone surrogate.
        private void AppendChar(char c)
        {
            if (c < 0x80)
            {
                AppendAsciiChar(c);
                return;
            }

            if (c < 0x800)
            {
                if (Reserve(2))
                {
                    _buffer[_length++] = (byte)(0xC0 | (c >> 6));
                    _buffer[_length++] = (byte)(0x80 | (c & 0x3F));
                }

                return;
            }

            int codePoint = c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
            if (Reserve(3))
            {
                _buffer[_length++] = (byte)(0xE0 | (codePoint >> 12));
                _buffer[_length++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                _buffer[_length++] = (byte)(0x80 | (codePoint & 0x3F));
            }
        }

        private void AppendSurrogatePair(char high, char low)
        {
            int codePoint = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
            if (Reserve(4))
            {
                _buffer[_length++] = (byte)(0xF0 | (codePoint >> 18));
                _buffer[_length++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                _buffer[_length++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                _buffer[_length++] = (byte)(0x80 | (codePoint & 0x3F));
            }
        }

        private void AppendAsciiChar(char c)
        {
            char shortEscape = c switch
            {
                '"' => '"',
                '\\' => '\\',
                '\b' => 'b',
                '\f' => 'f',
                '\n' => 'n',
                '\r' => 'r',
                '\t' => 't',
                _ => '\0',
            };

            if (shortEscape != '\0')
            {
                if (Reserve(2))
                {
                    _buffer[_length++] = (byte)'\\';
                    _buffer[_length++] = (byte)shortEscape;
                }

                return;
            }

            if (c < 0x20)
            {
                if (Reserve(6))
                {
                    _buffer[_length++] = (byte)'\\';
                    _buffer[_length++] = (byte)'u';
                    _buffer[_length++] = (byte)'0';
                    _buffer[_length++] = (byte)'0';
                    _buffer[_length++] = (byte)(c < 0x10 ? '0' : '1');
                    _buffer[_length++] = HexDigit(c & 0xF);
                }

                return;
            }

            if (Reserve(1))
            {
                _buffer[_length++] = (byte)c;
            }
        }

        private static byte HexDigit(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
        }
    }
}
