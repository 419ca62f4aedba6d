using System;
using SensorNode.Core.FixedMath;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.FixedMath
{
    [TestClass]
    public class Q16x16Tests
    {
        private const double OneReal = 65536.0;

        // Tolerance: exact. Sums of two ints are exact in a double.
        [TestMethod]
        [DataRow(0, 0, 0)]
        [DataRow(1, -1, 0)]
        [DataRow(0xFFFF, 1, 0x10000)]
        [DataRow(-0x10000, 1, -0xFFFF)]
        [DataRow(int.MaxValue - 1, 1, int.MaxValue)]
        [DataRow(int.MaxValue, 1, int.MaxValue)]
        [DataRow(int.MinValue, -1, int.MinValue)]
        [DataRow(int.MaxValue, int.MinValue, -1)]
        [DataRow(int.MaxValue, int.MaxValue, int.MaxValue)]
        [DataRow(int.MinValue, int.MinValue, int.MinValue)]
        public void AddSat_MatchesClampedSum(int a, int b, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp((double)a + b, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, Q16x16.AddSat(a, b));
        }

        // Tolerance: exact.
        [TestMethod]
        [DataRow(0, 0, 0)]
        [DataRow(0x10000, 1, 0xFFFF)]
        [DataRow(-0xFFFF, 1, -0x10000)]
        [DataRow(int.MinValue + 1, 1, int.MinValue)]
        [DataRow(int.MinValue, 1, int.MinValue)]
        [DataRow(int.MaxValue, -1, int.MaxValue)]
        [DataRow(0, int.MinValue, int.MaxValue)]
        [DataRow(-1, int.MinValue, int.MaxValue)]
        [DataRow(int.MinValue, int.MaxValue, int.MinValue)]
        public void SubSat_MatchesClampedDifference(int a, int b, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp((double)a - b, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, Q16x16.SubSat(a, b));
        }

        // Raw Q16.16 operands. Tolerance: exact; every unsaturated row's product is below 2^53,
        // so the double reference is exact, and saturated rows clamp whatever the double error.
        [TestMethod]
        [DataRow(0, 0, 0)]
        [DataRow(0x10000, 0x10000, 0x10000)]
        [DataRow(1, 1, 0)]
        [DataRow(0x8000, 1, 1)]
        [DataRow(-0x8000, 1, -1)]
        [DataRow(0x7FFF, 1, 0)]
        [DataRow(0x10000, -1, -1)]
        [DataRow(0xFFFF, 0x10001, 0x10000)]
        [DataRow(0x18000, 0x28000, 0x3C000)]
        [DataRow(-0x18000, 0x28000, -0x3C000)]
        [DataRow(3, 0x5555, 1)]
        [DataRow(-3, 0x5555, -1)]
        [DataRow(181 << 16, 181 << 16, 32761 << 16)]
        [DataRow(182 << 16, 182 << 16, int.MaxValue)]
        [DataRow(-(182 << 16), 182 << 16, int.MinValue)]
        [DataRow(int.MaxValue, 0x10000, int.MaxValue)]
        [DataRow(int.MinValue, 0x10000, int.MinValue)]
        [DataRow(int.MinValue, -0x10000, int.MaxValue)]
        [DataRow(int.MaxValue, int.MaxValue, int.MaxValue)]
        [DataRow(int.MinValue, int.MaxValue, int.MinValue)]
        public void MulRoundSat_MatchesDoubleReference(int a, int b, int expected)
        {
            double real = (a / OneReal) * (b / OneReal) * OneReal;
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp(real, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, Q16x16.MulRoundSat(a, b));
        }

        [TestMethod]
        public void MulRoundSat_ScalesPlainIntByQ16Factor()
        {
            // 2.5 * 7 = 17.5, tie away from zero.
            Assert.AreEqual(18, Q16x16.MulRoundSat(0x28000, 7));
            Assert.AreEqual(-18, Q16x16.MulRoundSat(0x28000, -7));
        }

        // Tolerance: exact. Operands below 2^26 keep the product below 2^52, exact in a double.
        [TestMethod]
        public void MulRoundSat_RandomSmallOperands_ExactAgainstDouble()
        {
            Random random = new Random(1601);
            long failures = 0;
            string firstFailure = null;
            for (int i = 0; i < 20000; i++)
            {
                int a = random.Next(1 << 27) - (1 << 26);
                int b = random.Next(1 << 27) - (1 << 26);
                long expected = FixedMathReference.RoundClamp((double)a * b / OneReal, int.MinValue, int.MaxValue);
                if (Q16x16.MulRoundSat(a, b) != expected)
                {
                    failures++;
                    firstFailure = firstFailure ?? a + " * " + b;
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }

        // Tolerance: 1 LSB, because products up to 2^62 lose bits in a double; plus exact sign symmetry.
        [TestMethod]
        public void MulRoundSat_RandomFullRange_WithinOneLsbAndSignSymmetric()
        {
            Random random = new Random(1602);
            long failures = 0;
            string firstFailure = null;
            for (int i = 0; i < 20000; i++)
            {
                int a = FixedMathReference.NextInt32(random);
                int b = FixedMathReference.NextInt32(random);
                int actual = Q16x16.MulRoundSat(a, b);
                long expected = FixedMathReference.RoundClamp((double)a * b / OneReal, int.MinValue, int.MaxValue);
                // Saturation is asymmetric (MinValue has no positive twin), so only unsaturated results must mirror.
                bool saturated = actual == int.MinValue || actual == int.MaxValue;
                bool symmetric = a == int.MinValue || saturated || Q16x16.MulRoundSat(-a, b) == -actual;
                if (actual - expected > 1 || expected - actual > 1 || !symmetric)
                {
                    failures++;
                    firstFailure = firstFailure ?? a + " * " + b;
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }

        // Tolerance: exact (each row's quotient is below 2^31 and its double error is far below
        // the distance to the nearest rounding tie).
        [TestMethod]
        [DataRow(0x10000, 0x20000, 0x8000)]
        [DataRow(1, 2, 0x8000)]
        [DataRow(0x10000, 0x30000, 21845)]
        [DataRow(0x20000, 0x30000, 43691)]
        [DataRow(-0x20000, 0x30000, -43691)]
        [DataRow(1, 0x20000, 1)]
        [DataRow(-1, 0x20000, -1)]
        [DataRow(1, 0x20001, 0)]
        [DataRow(-0x70000, 0x20000, -0x38000)]
        [DataRow(32767, 32768, 65534)]
        [DataRow(0, 7, 0)]
        [DataRow(int.MaxValue, 0x10000, int.MaxValue)]
        [DataRow(int.MinValue, 0x10000, int.MinValue)]
        [DataRow(int.MaxValue, 1, int.MaxValue)]
        [DataRow(int.MinValue, 1, int.MinValue)]
        [DataRow(int.MinValue, -1, int.MaxValue)]
        [DataRow(int.MinValue, -0x10000, int.MaxValue)]
        public void DivRoundSat_MatchesDoubleReference(int dividend, int divisor, int expected)
        {
            double real = (double)dividend * OneReal / divisor;
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp(real, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, Q16x16.DivRoundSat(dividend, divisor));
        }

        [TestMethod]
        [DataRow(5, int.MaxValue)]
        [DataRow(int.MaxValue, int.MaxValue)]
        [DataRow(-5, int.MinValue)]
        [DataRow(int.MinValue, int.MinValue)]
        [DataRow(0, 0)]
        public void DivRoundSat_ByZero_SaturatesBySignOfDividend(int dividend, int expected)
        {
            Assert.AreEqual(expected, Q16x16.DivRoundSat(dividend, 0));
        }

        // Tolerance: exact, checked in integers: an unsaturated quotient q is the nearest, so
        // |dividend * 2^16 - q * divisor| <= |divisor| / 2, and at a tie |q| is the larger one.
        [TestMethod]
        public void DivRoundSat_RandomOperands_QuotientIsNearest()
        {
            Random random = new Random(1603);
            long failures = 0;
            string firstFailure = null;
            for (int i = 0; i < 20000; i++)
            {
                int dividend = FixedMathReference.NextInt32(random);
                int divisor = FixedMathReference.NextInt32(random);
                if (divisor == 0)
                {
                    continue;
                }

                int q = Q16x16.DivRoundSat(dividend, divisor);
                if (q == int.MaxValue || q == int.MinValue)
                {
                    continue;
                }

                long residual = ((long)dividend << 16) - (long)q * divisor;
                long residualMagnitude = residual < 0 ? -residual : residual;
                long divisorMagnitude = divisor < 0 ? -(long)divisor : divisor;
                bool nearest = 2 * residualMagnitude <= divisorMagnitude;

                // Rounded away from zero, q * divisor overshoots the dividend's magnitude.
                bool tieAwayFromZero = 2 * residualMagnitude != divisorMagnitude || (residual < 0) == (dividend > 0);
                if (!nearest || !tieAwayFromZero)
                {
                    failures++;
                    firstFailure = firstFailure ?? dividend + " / " + divisor;
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }

        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(1, 0x10000)]
        [DataRow(-1, -0x10000)]
        [DataRow(32767, 32767 << 16)]
        [DataRow(-32768, int.MinValue)]
        [DataRow(32768, int.MaxValue)]
        [DataRow(-32769, int.MinValue)]
        [DataRow(int.MaxValue, int.MaxValue)]
        [DataRow(int.MinValue, int.MinValue)]
        public void FromIntSat_ShiftsOrSaturates(int value, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp(value * OneReal, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, Q16x16.FromIntSat(value));
        }

        // Tolerance: exact, ties (x.5) away from zero.
        [TestMethod]
        [DataRow(0, 0)]
        [DataRow(0x10000, 1)]
        [DataRow(0xFFFF, 1)]
        [DataRow(0x8000, 1)]
        [DataRow(0x7FFF, 0)]
        [DataRow(-0x8000, -1)]
        [DataRow(-0x7FFF, 0)]
        [DataRow(0x18000, 2)]
        [DataRow(-0x18000, -2)]
        [DataRow(int.MaxValue, 32768)]
        [DataRow(int.MinValue, -32768)]
        public void ToIntRound_RoundsToNearestTiesAway(int q, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp(q / OneReal, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, Q16x16.ToIntRound(q));
        }
    }
}
