using System;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Checks a <c>{root}/cmd</c> payload and decodes it to characters without allocating: at most <see cref="MaxBytes"/>
    /// bytes of strict UTF-8 holding one line. One trailing line end (LF, CR or CR LF) is dropped, as a terminal or
    /// <c>mosquitto_pub -l</c> adds one. Anything else is refused with a <see cref="CommandPayloadStatus"/> and
    /// <see cref="ErrorText"/> gives the reply. The interpreter then applies its own rules (printable ASCII, 128 chars).
    /// </summary>
    public static class CommandPayload
    {
        /// <summary>Largest command payload accepted, bytes.</summary>
        public const int MaxBytes = 256;

        /// <summary>
        /// Validates bytes [0, <paramref name="count"/>) of <paramref name="payload"/> and, when they are acceptable,
        /// decodes them into <paramref name="chars"/> (at least <see cref="MaxBytes"/> long: UTF-8 never decodes to more
        /// UTF-16 units than it has bytes). <paramref name="charCount"/> is 0 unless the result is Ok.
        /// </summary>
        public static CommandPayloadStatus Decode(byte[] payload, int count, char[] chars, out int charCount)
        {
            if (chars == null || chars.Length < MaxBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(chars));
            }

            charCount = 0;
            if (count > MaxBytes)
            {
                return CommandPayloadStatus.TooLong;
            }

            int end = count;
            if (end > 0 && payload[end - 1] == '\n')
            {
                end--;
            }

            if (end > 0 && payload[end - 1] == '\r')
            {
                end--;
            }

            int n = 0;
            bool blank = true;
            int i = 0;
            while (i < end)
            {
                int lead = payload[i];
                if (lead < 0x80)
                {
                    if (lead == '\n' || lead == '\r')
                    {
                        return CommandPayloadStatus.MultipleLines;
                    }

                    blank = blank && (lead == ' ' || lead == '\t');
                    chars[n++] = (char)lead;
                    i++;
                    continue;
                }

                int length;
                int codePoint;
                int low = 0x80;
                int high = 0xBF;
                if (lead >= 0xC2 && lead <= 0xDF)
                {
                    length = 2;
                    codePoint = lead & 0x1F;
                }
                else if (lead >= 0xE0 && lead <= 0xEF)
                {
                    length = 3;
                    codePoint = lead & 0x0F;
                    low = lead == 0xE0 ? 0xA0 : 0x80;
                    high = lead == 0xED ? 0x9F : 0xBF;
                }
                else if (lead >= 0xF0 && lead <= 0xF4)
                {
                    length = 4;
                    codePoint = lead & 0x07;
                    low = lead == 0xF0 ? 0x90 : 0x80;
                    high = lead == 0xF4 ? 0x8F : 0xBF;
                }
                else
                {
                    return CommandPayloadStatus.NotUtf8;
                }

                if (i + length > end)
                {
                    return CommandPayloadStatus.NotUtf8;
                }

                for (int k = 1; k < length; k++)
                {
                    int next = payload[i + k];
                    int min = k == 1 ? low : 0x80;
                    int max = k == 1 ? high : 0xBF;
                    if (next < min || next > max)
                    {
                        return CommandPayloadStatus.NotUtf8;
                    }

                    codePoint = (codePoint << 6) | (next & 0x3F);
                }

                i += length;
                blank = false;
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    chars[n++] = (char)(0xD800 + (codePoint >> 10));
                    chars[n++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    chars[n++] = (char)codePoint;
                }
            }

            if (blank)
            {
                return CommandPayloadStatus.Empty;
            }

            charCount = n;
            return CommandPayloadStatus.Ok;
        }

        /// <summary>The reply's error message for a refused payload ("" for Ok), without the "error: " prefix.</summary>
        public static string ErrorText(CommandPayloadStatus status)
        {
            switch (status)
            {
                case CommandPayloadStatus.Empty:
                    return "empty command; send one console command line, e.g. status";
                case CommandPayloadStatus.TooLong:
                    return "command longer than 256 bytes; ignored";
                case CommandPayloadStatus.NotUtf8:
                    return "command is not valid UTF-8; ignored";
                case CommandPayloadStatus.MultipleLines:
                    return "more than one line; send one command per message";
                case CommandPayloadStatus.Retained:
                    return "retained command ignored; publish commands without the retain flag";
                case CommandPayloadStatus.Busy:
                    return "too many commands at once; this one was dropped, send it again";
                default:
                    return "";
            }
        }
    }
}
