namespace SensorNode.Core.Config
{
    /// <summary>
    /// Framing of the config file: ASCII lines, a header, key=value lines, and a trailer that seals the body.
    /// <code>
    /// #sensornode-config 1
    /// mqtt.port=1883
    /// ...
    /// #crc32=1A2B3C4D len=412
    /// </code>
    /// len is the byte count before the trailer line, and the CRC-32 covers exactly those bytes, so a truncated, padded
    /// or altered file fails the check. Every line ends with '\n'.
    /// </summary>
    internal static class ConfigFileFormat
    {
        /// <summary>First line; a different format would get a new header.</summary>
        public const string Header = "#sensornode-config 1";

        /// <summary>Longest trailer line including its '\n': "#crc32=" + 8 hex + " len=" + 9 digits + '\n'.</summary>
        public const int TrailerMaxLength = 30;

        private const string CrcTag = "#crc32=";
        private const string LengthTag = " len=";

        /// <summary>Writes the characters of <paramref name="text"/> (all ASCII) as bytes at <paramref name="position"/>; returns the next position.</summary>
        public static int PutAscii(byte[] buffer, int position, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                buffer[position++] = (byte)text[i];
            }

            return position;
        }

        /// <summary>Appends the trailer after <paramref name="bodyLength"/> bytes of body; returns the file length.</summary>
        public static int AppendTrailer(byte[] buffer, int bodyLength)
        {
            uint crc = Crc32.Compute(buffer, 0, bodyLength);
            int position = PutAscii(buffer, bodyLength, CrcTag);
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                int nibble = (int)((crc >> shift) & 0xF);
                buffer[position++] = (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
            }

            position = PutAscii(buffer, position, LengthTag);

            // bodyLength >= 1, written without leading zeros.
            int divisor = 1;
            while (bodyLength / divisor >= 10)
            {
                divisor *= 10;
            }

            for (; divisor > 0; divisor /= 10)
            {
                buffer[position++] = (byte)('0' + bodyLength / divisor % 10);
            }

            buffer[position++] = (byte)'\n';
            return position;
        }

        /// <summary>
        /// True if the <paramref name="length"/> bytes are a complete, intact file: header first, trailer last, length and
        /// CRC matching. <paramref name="bodyLength"/> is then the offset of the trailer (the body ends with '\n').
        /// </summary>
        public static bool TryVerify(byte[] buffer, int length, out int bodyLength)
        {
            bodyLength = 0;
            if (length < Header.Length + 2 || length > buffer.Length || buffer[length - 1] != '\n')
            {
                return false;
            }

            for (int i = 0; i < Header.Length; i++)
            {
                if (buffer[i] != Header[i])
                {
                    return false;
                }
            }

            if (buffer[Header.Length] != '\n')
            {
                return false;
            }

            int trailerStart = length - 1;
            while (trailerStart > 0 && buffer[trailerStart - 1] != '\n')
            {
                trailerStart--;
            }

            // The trailer line without its '\n' must have room for the tags, 8 hex digits and 1..9 length digits.
            int end = length - 1;
            int digits = end - trailerStart - CrcTag.Length - 8 - LengthTag.Length;
            if (trailerStart <= Header.Length || digits < 1 || digits > 9 || !Matches(buffer, trailerStart, CrcTag))
            {
                return false;
            }

            int position = trailerStart + CrcTag.Length;

            uint crc = 0;
            for (int i = 0; i < 8; i++)
            {
                int nibble = HexValue(buffer[position++]);
                if (nibble < 0)
                {
                    return false;
                }

                crc = (crc << 4) | (uint)nibble;
            }

            if (!Matches(buffer, position, LengthTag))
            {
                return false;
            }

            position += LengthTag.Length;
            int declaredLength = 0;
            for (; position < end; position++)
            {
                int digit = buffer[position] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                declaredLength = declaredLength * 10 + digit;
            }

            if (declaredLength != trailerStart || Crc32.Compute(buffer, 0, trailerStart) != crc)
            {
                return false;
            }

            bodyLength = trailerStart;
            return true;
        }

        private static bool Matches(byte[] buffer, int position, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (buffer[position + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static int HexValue(byte b)
        {
            if (b >= '0' && b <= '9')
            {
                return b - '0';
            }

            // Upper case only, as written: one spelling per CRC, so any altered digit fails.
            return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
        }
    }
}
