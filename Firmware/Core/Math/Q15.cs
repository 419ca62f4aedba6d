namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// Q1.15 signed fixed point held in a plain int (CMSIS-DSP q15 semantics, int storage so no
    /// casts in the interpreter): real value = raw / 32768, range [-1, 1 - 2^-15].
    /// 1.0 itself is not representable; it saturates to <see cref="MaxValue"/> (0.99997).
    /// Every operation accepts any int, computes in 64 bits, and saturates the result to
    /// [<see cref="MinValue"/>, <see cref="MaxValue"/>]. Rounding is to nearest, ties away from zero.
    /// Natural format for anomaly scores in [0, 1) and for filter coefficients.
    /// </summary>
    public static class Q15
    {
        /// <summary>Number of fraction bits.</summary>
        public const int FractionBits = 15;

        /// <summary>Largest value, 1 - 2^-15.</summary>
        public const int MaxValue = 32767;

        /// <summary>Smallest value, -1.</summary>
        public const int MinValue = -32768;

        /// <summary>0.5 in Q1.15.</summary>
        public const int Half = 1 << (FractionBits - 1);

        private const long HalfLsbOfProduct = 1L << (FractionBits - 1);

        /// <summary>a + b, exact unless it leaves the Q1.15 range; then saturates.</summary>
        public static int AddSat(int a, int b)
        {
            long sum = (long)a + b;
            return Saturate.ToInt16(sum);
        }

        /// <summary>a - b, exact unless it leaves the Q1.15 range; then saturates.</summary>
        public static int SubSat(int a, int b)
        {
            long difference = (long)a - b;
            return Saturate.ToInt16(difference);
        }

        /// <summary>
        /// a * b through a 64-bit product (exact), shifted right by 15 with rounding to nearest,
        /// ties away from zero; saturated to Q1.15. For in-range inputs the only saturating case
        /// is -1 * -1, which gives <see cref="MaxValue"/>.
        /// </summary>
        public static int MulRoundSat(int a, int b)
        {
            long product = (long)a * b;
            long rounded = product >= 0
                ? (product + HalfLsbOfProduct) >> FractionBits
                : -((-product + HalfLsbOfProduct) >> FractionBits);
            return Saturate.ToInt16(rounded);
        }

        /// <summary>
        /// dividend / divisor in Q1.15: (dividend * 2^15) / divisor, rounded to nearest with ties
        /// away from zero, saturated to Q1.15. Two Q1.15 values give a Q1.15 quotient; two plain
        /// ints in the same unit give their ratio (DivRoundSat(1, 4) == 8192, 0.25).
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
            return Saturate.ToInt16(quotient);
        }
    }
}
