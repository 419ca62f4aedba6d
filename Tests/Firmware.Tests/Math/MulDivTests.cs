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
    public class MulDivTests
    {
        // Expected values are exact (computed with arbitrary-precision rationals), rounded to
        // nearest with ties up, saturated to ulong.MaxValue.
        [TestMethod]
        [DataRow(0UL, 5UL, 3UL, 0UL)]
        [DataRow(6UL, 7UL, 4UL, 11UL)]
        [DataRow(1UL, 1UL, 2UL, 1UL)]
        [DataRow(1UL, 1UL, 3UL, 0UL)]
        [DataRow(18446744073709551615UL, 18446744073709551615UL, 18446744073709551615UL, 18446744073709551615UL)]
        [DataRow(18446744073709551615UL, 2UL, 4UL, 9223372036854775808UL)]
        [DataRow(18446744073709551615UL, 3UL, 3UL, 18446744073709551615UL)]
        [DataRow(9223372036854775808UL, 4UL, 8UL, 4611686018427387904UL)]
        [DataRow(4294967296UL, 4294967296UL, 8589934592UL, 2147483648UL)]
        [DataRow(1000000000000000000UL, 1000000000000000000UL, 10000000000000000000UL, 100000000000000000UL)]
        [DataRow(123456789123456789UL, 987654321987654321UL, 1000000000000000007UL, 121932631356500530UL)]
        [DataRow(18446744073709551615UL, 18446744073709551615UL, 18446744073709551614UL, 18446744073709551615UL)]
        [DataRow(18446744073709551615UL, 18446744073709551615UL, 9223372036854775808UL, 18446744073709551615UL)]
        public void RoundSat_ExactRows(ulong a, ulong b, ulong divisor, ulong expected)
        {
            Assert.AreEqual(expected, MulDiv.RoundSat(a, b, divisor));
        }

        [TestMethod]
        [DataRow(3UL, 5UL, 18446744073709551615UL)]
        [DataRow(0UL, 5UL, 0UL)]
        [DataRow(5UL, 0UL, 0UL)]
        public void RoundSat_ByZero_SaturatesUnlessProductIsZero(ulong a, ulong b, ulong expected)
        {
            Assert.AreEqual(expected, MulDiv.RoundSat(a, b, 0));
        }

        // Tolerance: exact. a * b / b == a needs the full 128-bit product for large operands.
        [TestMethod]
        public void RoundSat_RandomOperands_DividingByAFactorIsExact()
        {
            Random random = new Random(7001);
            long failures = 0;
            string firstFailure = null;
            for (int i = 0; i < 20000; i++)
            {
                ulong a = FixedMathReference.NextUInt64(random);
                ulong b = FixedMathReference.NextUInt64(random) | 1;
                if (MulDiv.RoundSat(a, b, b) != a || MulDiv.RoundSat(b, a, b) != a)
                {
                    failures++;
                    firstFailure = firstFailure ?? a + " * " + b;
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }

        // Tolerance: exact where a * b < 2^63 (integer reference (a * b + divisor / 2) / divisor);
        // elsewhere a relative 2^-50 against the double quotient (three roundings of 2^-53 each).
        [TestMethod]
        public void RoundSat_RandomOperands_MatchReferences()
        {
            Random random = new Random(7002);
            long failures = 0;
            string firstFailure = null;
            for (int i = 0; i < 20000; i++)
            {
                ulong a = FixedMathReference.NextUInt64(random);
                ulong b = FixedMathReference.NextUInt64(random);
                ulong divisor = FixedMathReference.NextUInt64(random) | 1;
                ulong actual = MulDiv.RoundSat(a, b, divisor);
                bool ok;
                if (a < 1UL << 31 && b < 1UL << 32)
                {
                    ok = actual == (a * b + divisor / 2) / divisor;
                }
                else
                {
                    double real = (double)a * b / divisor;
                    double error = real >= 18446744073709551615.0 ? (actual == ulong.MaxValue ? 0 : 1e300) : actual - real;
                    double bound = 1.0 + real / (1L << 50);
                    ok = error <= bound && error >= -bound;
                }

                if (!ok)
                {
                    failures++;
                    firstFailure = firstFailure ?? a + " * " + b + " / " + divisor;
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }

        // The documented kurtosis recipe: a square wave of +-8192 counts over 2048 samples has
        // kurtosis 1, while sumX4 = 2^63 and sumX2^2 = 2^74 would overflow a plain division.
        [TestMethod]
        public void RoundSat_KurtosisRecipe_SquareWaveGives100()
        {
            ulong n = 2048;
            ulong sumX2 = n * 8192 * 8192;
            ulong sumX4 = sumX2 * 8192 * 8192;
            ulong kurtosisX100 = MulDiv.RoundSat(MulDiv.RoundSat(100 * n, sumX4, sumX2), 1, sumX2);
            Assert.AreEqual(100UL, kurtosisX100);
        }
    }
}
