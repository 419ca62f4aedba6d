namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// Q16.16 signed fixed point held in a plain int: real value = raw / 65536.
    /// Range [-32768, 32768 - 2^-16], resolution 2^-16 (about 1.5e-5).
    /// Every operation saturates to [<see cref="MinValue"/>, <see cref="MaxValue"/>] instead of
    /// wrapping, and every rounding operation rounds to nearest with ties away from zero, so
    /// results are sign-symmetric and an EWMA built on them has no drift from rounding bias.
    /// Static methods on int (not a struct) because each struct call and copy is expensive in
    /// the nanoFramework interpreter.
    /// </summary>
    public static class Q16x16
    {
        /// <summary>Number of fraction bits.</summary>
        public const int FractionBits = 16;

        /// <summary>1.0 in Q16.16.</summary>
        public const int One = 1 << FractionBits;

        /// <summary>Largest value, 32768 - 2^-16.</summary>
        public const int MaxValue = int.MaxValue;

        /// <summary>Smallest value, -32768.</summary>
        public const int MinValue = int.MinValue;

        private const long HalfLsbOfProduct = 1L << (FractionBits - 1);

        /// <summary>
        /// Converts a whole number to Q16.16. Exact for [-32768, 32767];
        /// larger values saturate to <see cref="MaxValue"/>, smaller to <see cref="MinValue"/>.
        /// </summary>
        public static int FromIntSat(int value)
        {
            if (value > 32767)
            {
                return MaxValue;
            }

            if (value < -32768)
            {
                return MinValue;
            }

            return value << FractionBits;
        }

        /// <summary>
        /// Converts Q16.16 to the nearest whole number, ties away from zero
        /// (1.5 -> 2, -1.5 -> -2). Cannot overflow: the result is in [-32768, 32768].
        /// </summary>
        public static int ToIntRound(int q)
        {
            long wide = q;
            return wide >= 0
                ? (int)((wide + HalfLsbOfProduct) >> FractionBits)
                : -(int)((-wide + HalfLsbOfProduct) >> FractionBits);
        }

        /// <summary>a + b, exact unless it leaves the range; then saturates.</summary>
        public static int AddSat(int a, int b)
        {
            long sum = (long)a + b;
            return Saturate.ToInt32(sum);
        }

        /// <summary>a - b, exact unless it leaves the range; then saturates.</summary>
        public static int SubSat(int a, int b)
        {
            long difference = (long)a - b;
            return Saturate.ToInt32(difference);
        }

        /// <summary>
        /// a * b through a 64-bit product (exact), shifted right by 16 with rounding to nearest,
        /// ties away from zero; saturates to the Q16.16 range.
        /// The same call scales a plain int by a Q16.16 factor:
        /// MulRoundSat(factorQ16, n) is round(factor * n) as a plain int, saturated to int.
        /// </summary>
        public static int MulRoundSat(int a, int b)
        {
            // |a * b| <= 2^62, so neither the product nor its negation overflows.
            long product = (long)a * b;
            long rounded = product >= 0
                ? (product + HalfLsbOfProduct) >> FractionBits
                : -((-product + HalfLsbOfProduct) >> FractionBits);
            return Saturate.ToInt32(rounded);
        }

        /// <summary>
        /// dividend / divisor in Q16.16: (dividend * 2^16) / divisor, rounded to nearest with ties
        /// away from zero, saturated to the Q16.16 range. Both arguments in Q16.16 give a Q16.16
        /// quotient; two plain ints in the same unit give their ratio in Q16.16
        /// (DivRoundSat(3, 4) == 0.75 * One).
        /// Division by zero: <see cref="MaxValue"/> for a positive dividend, <see cref="MinValue"/>
        /// for a negative one, 0 for 0 / 0.
        /// </summary>
        public static int DivRoundSat(int dividend, int divisor)
        {
            if (divisor == 0)
            {
                return dividend > 0 ? MaxValue : dividend < 0 ? MinValue : 0;
            }

            long quotient = IntDiv.RoundSat((long)dividend << FractionBits, divisor);
            return Saturate.ToInt32(quotient);
        }
    }
}
