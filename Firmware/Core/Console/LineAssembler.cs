using System;

namespace SensorNode.Core.Console
{
    /// <summary>
    /// Turns the console's raw bytes into bounded command lines. Printable ASCII (0x20-0x7E) is kept; CR, LF and CRLF
    /// each end one line (an LF right after a CR is swallowed), and an empty line is ignored; tab reads as a space;
    /// backspace (0x08) and DEL (0x7F) erase the last character. Anything else (other control characters, ESC
    /// sequences, bytes from 0x80: binary noise, or non-ASCII text, which no setting accepts) makes the line bad, as
    /// does a line longer than <see cref="MaxLineChars"/>.
    /// </summary>
    /// <remarks>
    /// A bad line is reported once, by the byte that made it bad (<see cref="LineEvent.Error"/>), and the rest of it, up
    /// to the next CR or LF, is discarded: one error per line however long the noise. The line buffer is allocated once;
    /// each completed line allocates its string. Not thread-safe.
    /// </remarks>
    public sealed class LineAssembler
    {
        /// <summary>Default longest line, characters.</summary>
        public const int DefaultMaxLineChars = 128;

        private const byte CarriageReturn = 0x0D;
        private const byte LineFeed = 0x0A;
        private const byte Tab = 0x09;
        private const byte Backspace = 0x08;
        private const byte Delete = 0x7F;

        private readonly char[] buffer;
        private int length;
        private bool discarding;
        private bool afterCarriageReturn;

        /// <summary>Creates an assembler for lines of at most <paramref name="maxLineChars"/> characters (1 or more).</summary>
        public LineAssembler(int maxLineChars)
        {
            if (maxLineChars < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxLineChars));
            }

            buffer = new char[maxLineChars];
        }

        /// <summary>Longest line accepted, characters.</summary>
        public int MaxLineChars => buffer.Length;

        /// <summary>The last completed line (after <see cref="LineEvent.Line"/>), without its terminator; "" before.</summary>
        public string Line { get; private set; } = "";

        /// <summary>Why the last bad line was rejected (after <see cref="LineEvent.Error"/>).</summary>
        public LineError Error { get; private set; }

        /// <summary>The byte that made the last line bad (after <see cref="LineEvent.Error"/> for a bad character).</summary>
        public byte BadByte { get; private set; }

        /// <summary>Characters of the line being typed.</summary>
        public int PendingLength => length;

        /// <summary>Feeds one byte; see the class summary for what each byte does.</summary>
        public LineEvent Push(byte value)
        {
            bool wasAfterCarriageReturn = afterCarriageReturn;
            afterCarriageReturn = value == CarriageReturn;
            if (value == CarriageReturn || value == LineFeed)
            {
                if (value == LineFeed && wasAfterCarriageReturn)
                {
                    return LineEvent.None;
                }

                return EndLine();
            }

            if (discarding)
            {
                return LineEvent.None;
            }

            if (value == Backspace || value == Delete)
            {
                if (length > 0)
                {
                    length--;
                }

                return LineEvent.None;
            }

            if (value == Tab)
            {
                value = (byte)' ';
            }

            if (value < 0x20 || value > 0x7E)
            {
                return Reject(LineError.BadCharacter, value);
            }

            if (length == buffer.Length)
            {
                return Reject(LineError.TooLong, value);
            }

            buffer[length] = (char)value;
            length++;
            return LineEvent.None;
        }

        /// <summary>Forgets the line being typed (for example when the console restarts).</summary>
        public void Clear()
        {
            length = 0;
            discarding = false;
            afterCarriageReturn = false;
        }

        private LineEvent EndLine()
        {
            bool hadLine = length > 0 && !discarding;
            string line = hadLine ? new string(buffer, 0, length) : null;
            length = 0;
            discarding = false;
            if (!hadLine)
            {
                return LineEvent.None;
            }

            Line = line;
            return LineEvent.Line;
        }

        private LineEvent Reject(LineError error, byte value)
        {
            Error = error;
            BadByte = value;
            discarding = true;
            length = 0;
            return LineEvent.Error;
        }
    }
}
