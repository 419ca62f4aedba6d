using System;

namespace SensorNode.Core.Console
{
    /// <summary>
    /// One command's answer: <see cref="Ok"/>, whether the text is JSON, and the text itself in a char buffer allocated
    /// once and reused for every command. Lines are separated by '\n' with no trailing newline; the serial console adds
    /// CR LF, and the MQTT reply puts the text into its JSON. An error is always exactly one line starting "error: ".
    /// </summary>
    /// <remarks>
    /// The Append methods allocate nothing. Text beyond the capacity is cut at a line boundary where possible and
    /// <see cref="Truncated"/> is set; the text then ends with <see cref="TruncatedMarker"/>.
    /// </remarks>
    public sealed class ConsoleReply
    {
        /// <summary>Last line of a reply that did not fit.</summary>
        public const string TruncatedMarker = "...(truncated)";

        private const string ErrorPrefix = "error: ";
        private const int LongestUserText = 40;

        private readonly char[] buffer;
        private readonly int limit;
        private int length;

        /// <summary>
        /// Creates a reply holding up to <paramref name="capacityChars"/> characters: at least 256, so that every error
        /// line fits whole.
        /// </summary>
        public ConsoleReply(int capacityChars)
        {
            if (capacityChars < 256)
            {
                throw new ArgumentOutOfRangeException(nameof(capacityChars));
            }

            buffer = new char[capacityChars];
            limit = capacityChars - TruncatedMarker.Length - 1;
        }

        /// <summary>False when the command failed; the text is then one error line.</summary>
        public bool Ok { get; private set; } = true;

        /// <summary>True when the text is one JSON value (a <c>json</c> reply).</summary>
        public bool IsJson { get; set; }

        /// <summary>True when the text did not fit and was cut.</summary>
        public bool Truncated { get; private set; }

        /// <summary>The text's characters; [0, <see cref="Length"/>) are valid.</summary>
        public char[] Buffer => buffer;

        /// <summary>Characters of text.</summary>
        public int Length => length;

        /// <summary>Largest text length, characters.</summary>
        public int Capacity => buffer.Length;

        /// <summary>Starts a new, successful, empty plain-text reply.</summary>
        public void Reset()
        {
            length = 0;
            Ok = true;
            IsJson = false;
            Truncated = false;
        }

        /// <summary>Replaces the reply by an error: "error: " and <paramref name="message"/>. Further appends extend the same line.</summary>
        public void Fail(string message)
        {
            Reset();
            Ok = false;
            Append(ErrorPrefix);
            Append(message);
        }

        /// <summary>
        /// Appends text that came from outside (a command word, a key): at most 40 characters, control characters and
        /// non-ASCII shown as '?', so an echo can neither break the one-line rule nor flood the reply.
        /// </summary>
        public void AppendUserText(string text)
        {
            int count = text.Length < LongestUserText ? text.Length : LongestUserText;
            for (int i = 0; i < count; i++)
            {
                char c = text[i];
                Append(c < ' ' || c > '~' ? '?' : c);
            }

            if (text.Length > LongestUserText)
            {
                Append("...");
            }
        }

        /// <summary>Appends one character.</summary>
        public void Append(char c)
        {
            if (Truncated)
            {
                return;
            }

            if (length >= limit)
            {
                Truncate();
                return;
            }

            buffer[length] = c;
            length++;
        }

        /// <summary>Appends a string; null appends nothing.</summary>
        public void Append(string text)
        {
            if (text == null)
            {
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                Append(text[i]);
            }
        }

        /// <summary>Appends a string padded with spaces to at least <paramref name="width"/> characters.</summary>
        public void AppendPadded(string text, int width)
        {
            Append(text);
            for (int i = text == null ? 0 : text.Length; i < width; i++)
            {
                Append(' ');
            }
        }

        /// <summary>Appends a line break ('\n').</summary>
        public void AppendLine()
        {
            Append('\n');
        }

        /// <summary>Appends a decimal integer (the full long range).</summary>
        public void AppendInt(long value)
        {
            AppendFixed(value, 0);
        }

        /// <summary>
        /// Appends <paramref name="scaledValue"/> / 10^<paramref name="decimals"/> exactly, with exactly
        /// <paramref name="decimals"/> fraction digits (0 to 18) and at least one integer digit: (1234, 2) gives 12.34,
        /// (-5, 3) gives -0.005. No rounding, no allocation.
        /// </summary>
        public void AppendFixed(long scaledValue, int decimals)
        {
            if (decimals < 0 || decimals > 18)
            {
                throw new ArgumentOutOfRangeException(nameof(decimals));
            }

            // Digits come from a non-positive copy: long.MinValue has no positive twin.
            long negative = scaledValue < 0 ? scaledValue : -scaledValue;
            int digits = 1;
            for (long rest = negative / 10; rest != 0; rest /= 10)
            {
                digits++;
            }

            if (digits <= decimals)
            {
                digits = decimals + 1;
            }

            if (scaledValue < 0)
            {
                Append('-');
            }

            for (int position = digits - 1; position >= 0; position--)
            {
                long divisor = 1;
                for (int p = 0; p < position; p++)
                {
                    divisor *= 10;
                }

                Append((char)('0' - (int)(negative / divisor % 10)));
                if (position == decimals && decimals > 0)
                {
                    Append('.');
                }
            }
        }

        /// <summary>Appends UTF-8 bytes (as a <c>JsonWriter</c> produces them) decoded to characters; a malformed sequence appends U+FFFD.</summary>
        public void AppendUtf8(byte[] bytes, int offset, int count)
        {
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int lead = bytes[i];
                int continuation = lead < 0x80 ? 0 : lead >= 0xF8 ? -1 : lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
                if (continuation < 0 || i + continuation >= end)
                {
                    Append('\uFFFD');
                    i++;
                    continue;
                }

                if (continuation == 0)
                {
                    Append((char)lead);
                    i++;
                    continue;
                }

                int codePoint = continuation == 3 ? lead & 0x07 : continuation == 2 ? lead & 0x0F : lead & 0x1F;
                bool valid = true;
                for (int k = 1; k <= continuation; k++)
                {
                    int next = bytes[i + k];
                    if ((next & 0xC0) != 0x80)
                    {
                        valid = false;
                        break;
                    }

                    codePoint = (codePoint << 6) | (next & 0x3F);
                }

                if (!valid)
                {
                    Append('\uFFFD');
                    i++;
                    continue;
                }

                i += continuation + 1;
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    Append((char)(0xD800 + (codePoint >> 10)));
                    Append((char)(0xDC00 + (codePoint & 0x3FF)));
                }
                else
                {
                    Append((char)codePoint);
                }
            }
        }

        /// <summary>Number of lines in the text: 0 when empty, else the '\n' count plus one.</summary>
        public int LineCount()
        {
            if (length == 0)
            {
                return 0;
            }

            int lines = 1;
            for (int i = 0; i < length; i++)
            {
                if (buffer[i] == '\n')
                {
                    lines++;
                }
            }

            return lines;
        }

        /// <summary>The text as a new string (allocates: for tests and host tools, not the device's reply path).</summary>
        public override string ToString()
        {
            return new string(buffer, 0, length);
        }

        private void Truncate()
        {
            // Cut back to the last complete line when there is one, so the marker stands on a line of its own.
            int cut = length;
            while (cut > 0 && buffer[cut - 1] != '\n')
            {
                cut--;
            }

            length = cut > 0 ? cut : length;
            if (length > 0 && buffer[length - 1] != '\n')
            {
                buffer[length] = '\n';
                length++;
            }

            for (int i = 0; i < TruncatedMarker.Length; i++)
            {
                buffer[length] = TruncatedMarker[i];
                length++;
            }

            Truncated = true;
        }
    }
}
