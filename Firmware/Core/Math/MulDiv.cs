namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// a * b / c on unsigned 64-bit values through an exact 128-bit intermediate, for per-window
    /// ratios of large sums whose product overflows 64 bits. Kurtosis x100 = 100 n sumX4 / sumX2^2,
    /// where sumX2^2 alone can pass 2^64, is MulDiv.RoundSat(MulDiv.RoundSat(100 * n, sumX4, sumX2),
    /// 1, sumX2) to within 1 LSB (two roundings). Costs about 64 shift-subtract steps when the
    /// product passes 64 bits, so it belongs in per-window code, not per-sample loops.
    /// </summary>
    public static class MulDiv
    {
        /// <summary>
        /// round(a * b / divisor) with the product held exactly in 128 bits, rounded to nearest
        /// with ties up (away from zero, all values being unsigned).
        /// Saturation: a quotient above <see cref="ulong.MaxValue"/> returns ulong.MaxValue.
        /// Division by zero: ulong.MaxValue, or 0 when a * b == 0.
        /// </summary>
        public static ulong RoundSat(ulong a, ulong b, ulong divisor)
        {
            if (divisor == 0)
            {
                return a == 0 || b == 0 ? 0 : ulong.MaxValue;
            }

            // 64 x 64 -> 128 from four 32 x 32 -> 64 partial products.
            ulong aLow = a & 0xFFFFFFFFUL;
            ulong aHigh = a >> 32;
            ulong bLow = b & 0xFFFFFFFFUL;
            ulong bHigh = b >> 32;
            ulong lowLow = aLow * bLow;
            ulong lowHigh = aLow * bHigh;
            ulong highLow = aHigh * bLow;
            ulong middle = (lowLow >> 32) + (lowHigh & 0xFFFFFFFFUL) + (highLow & 0xFFFFFFFFUL);
            ulong productLow = (middle << 32) | (lowLow & 0xFFFFFFFFUL);
            ulong productHigh = aHigh * bHigh + (lowHigh >> 32) + (highLow >> 32) + (middle >> 32);

            // The quotient fits 64 bits exactly when the high word is below the divisor.
            if (productHigh >= divisor)
            {
                return ulong.MaxValue;
            }

            ulong quotient;
            ulong remainder;
            if (productHigh == 0)
            {
                quotient = productLow / divisor;
                remainder = productLow - quotient * divisor;
            }
            else
            {
                // Restoring long division of productHigh:productLow, one quotient bit per step.
                // remainder < divisor throughout; carry is the bit shifted out of it.
                quotient = 0;
                remainder = productHigh;
                for (int step = 0; step < 64; step++)
                {
                    ulong carry = remainder >> 63;
                    remainder = (remainder << 1) | (productLow >> 63);
                    productLow <<= 1;
                    quotient <<= 1;
                    if (carry != 0 || remainder >= divisor)
                    {
                        // With carry set the true remainder is 2^64 + remainder; the wrapped
                        // subtraction still gives the right value because the result is < divisor.
                        remainder -= divisor;
                        quotient |= 1;
                    }
                }
            }

            // remainder >= divisor / 2 without overflowing 2 * remainder.
            if (remainder >= divisor - remainder)
            {
                if (quotient == ulong.MaxValue)
                {
                    return ulong.MaxValue;
                }

                quotient++;
            }

            return quotient;
        }
    }
}
