namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// Signed 64-bit integer division that rounds to nearest instead of truncating, with
    /// division by zero defined. Used for per-window ratios such as crest factor x100, and by
    /// the Q16.16 and Q1.15 divisions.
    /// </summary>
    public static class IntDiv
    {
        /// <summary>
        /// Returns <paramref name="dividend"/> / <paramref name="divisor"/> rounded to nearest,
        /// ties away from zero (so the result is sign-symmetric: f(-a, b) == -f(a, b)).
        /// Saturation: the only overflowing quotient, <see cref="long.MinValue"/> / -1,
        /// saturates to <see cref="long.MaxValue"/>.
        /// Division by zero: <see cref="long.MaxValue"/> for a positive dividend,
        /// <see cref="long.MinValue"/> for a negative one, and 0 for 0 / 0.
        /// </summary>
        public static long RoundSat(long dividend, long divisor)
        {
            if (divisor == 0)
            {
                return dividend > 0 ? long.MaxValue : dividend < 0 ? long.MinValue : 0;
            }

            bool negative = (dividend < 0) != (divisor < 0);

            // Magnitudes in ulong so that |long.MinValue| = 2^63 is representable.
            ulong n = dividend < 0 ? (ulong)(-(dividend + 1)) + 1 : (ulong)dividend;
            ulong d = divisor < 0 ? (ulong)(-(divisor + 1)) + 1 : (ulong)divisor;
            ulong q = n / d;
            ulong r = n - q * d;

            // r >= d / 2 without overflowing 2 * r: d - r > 0 always.
            if (r >= d - r)
            {
                q++;
            }

            if (negative)
            {
                return q >= 0x8000000000000000UL ? long.MinValue : -(long)q;
            }

            return q > long.MaxValue ? long.MaxValue : (long)q;
        }
    }
}
