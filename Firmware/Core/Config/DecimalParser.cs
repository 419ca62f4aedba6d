namespace SensorNode.Core.Config
{
    /// <summary>Strict decimal integer parsing without exceptions or allocation.</summary>
    public static class DecimalParser
    {
        /// <summary>
        /// Parses <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/> as an
        /// optional '+' or '-' followed by one or more ASCII digits (leading zeros allowed). Anything else (spaces, an
        /// empty range, a lone sign, a value outside <see cref="long"/>) returns false and sets <paramref name="value"/> to 0.
        /// Exact: no rounding, no saturation.
        /// </summary>
        public static bool TryParse(string text, int start, int count, out long value)
        {
            value = 0;
            if (text == null || start < 0 || count <= 0 || start > text.Length - count)
            {
                return false;
            }

            int i = start;
            int end = start + count;
            bool negative = false;
            char first = text[i];
            if (first == '+' || first == '-')
            {
                negative = first == '-';
                i++;
                if (i == end)
                {
                    return false;
                }
            }

            // Accumulate downwards: long.MinValue has no positive twin.
            long accumulator = 0;
            for (; i < end; i++)
            {
                int digit = text[i] - '0';
                if (digit < 0 || digit > 9)
                {
                    return false;
                }

                // accumulator * 10 - digit >= long.MinValue; division truncates towards zero, which is the ceiling here.
                if (accumulator < (long.MinValue + digit) / 10)
                {
                    return false;
                }

                accumulator = accumulator * 10 - digit;
            }

            if (!negative)
            {
                if (accumulator == long.MinValue)
                {
                    return false;
                }

                accumulator = -accumulator;
            }

            value = accumulator;
            return true;
        }

        /// <summary>Parses the whole of <paramref name="text"/>; see <see cref="TryParse(string, int, int, out long)"/>.</summary>
        public static bool TryParse(string text, out long value)
        {
            if (text == null)
            {
                value = 0;
                return false;
            }

            return TryParse(text, 0, text.Length, out value);
        }
    }
}
