namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Unsigned 128-bit values held as (high, low) ulong words, for the per-window step of sums that a per-sample
    /// loop accumulates with a carry (low += x; if (low &lt; x) high++). Only the operations that step needs;
    /// the shift and the division saturate to <see cref="ulong.MaxValue"/> when the result does not fit 64 bits. No allocation.
    /// </summary>
    internal static class WideUnsigned
    {
        /// <summary>Number of significant bits of <paramref name="value"/>: 0 for 0, 64 for values from 2^63.</summary>
        public static int BitLength(ulong value)
        {
            int bits = 0;
            while (value != 0)
            {
                value >>= 1;
                bits++;
            }

            return bits;
        }

        /// <summary>(high:low) >> shift for shift in [0, 127]; saturates when the result needs more than 64 bits.</summary>
        public static ulong ShiftRightSat(ulong high, ulong low, int shift)
        {
            if (shift >= 64)
            {
                return high >> (shift - 64);
            }

            if (shift == 0)
            {
                return high == 0 ? low : ulong.MaxValue;
            }

            if ((high >> shift) != 0)
            {
                return ulong.MaxValue;
            }

            return (low >> shift) | (high << (64 - shift));
        }

        /// <summary>
        /// floor((high:low) / divisor) with its remainder, by restoring long division. Saturates (quotient
        /// <see cref="ulong.MaxValue"/>, remainder 0) when the quotient needs more than 64 bits or the divisor is 0.
        /// </summary>
        public static ulong DivideSat(ulong high, ulong low, ulong divisor, out ulong remainder)
        {
            if (divisor == 0 || high >= divisor)
            {
                remainder = 0;
                return ulong.MaxValue;
            }

            if (high == 0)
            {
                remainder = low % divisor;
                return low / divisor;
            }

            // remainder < divisor throughout; carry is the bit shifted out of it.
            ulong quotient = 0;
            ulong rest = high;
            for (int step = 0; step < 64; step++)
            {
                ulong carry = rest >> 63;
                rest = (rest << 1) | (low >> 63);
                low <<= 1;
                quotient <<= 1;
                if (carry != 0 || rest >= divisor)
                {
                    rest -= divisor;
                    quotient |= 1;
                }
            }

            remainder = rest;
            return quotient;
        }
    }
}
