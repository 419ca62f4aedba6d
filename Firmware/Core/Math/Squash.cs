namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// Smooth, monotonic squashing of a non-negative deviation onto an anomaly score in Q1.15:
    /// score = x / (x + knee). It is 0 at x = 0, exactly 0.5 at x = knee, and approaches 1 as x
    /// grows, with no exp or log: one 64-bit division.
    /// </summary>
    public static class Squash
    {
        /// <summary>
        /// round(32768 * value / (value + knee)) in Q1.15, rounded to nearest with ties up,
        /// saturated to [0, <see cref="Q15.MaxValue"/>] (1.0 is not representable).
        /// <paramref name="value"/> and <paramref name="knee"/> are in the same unit, any scale
        /// (for example both Q16.16 sigmas). Non-decreasing in value.
        /// Edge cases: value &lt;= 0 gives 0; knee &lt;= 0 with value &gt; 0 gives Q15.MaxValue.
        /// </summary>
        public static int RationalQ15(int value, int knee)
        {
            if (value <= 0)
            {
                return 0;
            }

            if (knee <= 0)
            {
                return Q15.MaxValue;
            }

            long denominator = (long)value + knee;
            long score = (((long)value << Q15.FractionBits) + (denominator >> 1)) / denominator;
            return score > Q15.MaxValue ? Q15.MaxValue : (int)score;
        }
    }
}
