using System;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.FixedMath
{
    [TestClass]
    public class LinearScaleTests
    {
        // Tolerance: exact. No row lies within 2^-20 of a rounding tie except the dyadic gains
        // (1/4), whose stored gain is exact, so the stored gain's 2^-31 error cannot flip a row.
        [TestMethod]
        [DataRow(39, 10, 0, 0)]
        [DataRow(39, 10, 1, 4)]
        [DataRow(39, 10, -1, -4)]
        [DataRow(39, 10, 10, 39)]
        [DataRow(39, 10, 256, 998)]
        [DataRow(39, 10, -4096, -15974)]
        [DataRow(3300, 4095, 4095, 3300)]
        [DataRow(3300, 4095, 2048, 1650)]
        [DataRow(3300, 4095, 1, 1)]
        [DataRow(1, 4, 1, 0)]
        [DataRow(1, 4, 2, 1)]
        [DataRow(1, 4, -2, -1)]
        [DataRow(1, 4, 6, 2)]
        [DataRow(1, 2147483647, 2147483647, 1)]
        [DataRow(1, 2147483647, -2147483647, -1)]
        [DataRow(1000, 1, 2147483647, 2147483647)]
        [DataRow(1000, 1, -2147483648, -2147483648)]
        [DataRow(2147483647, 1, 2, 2147483647)]
        [DataRow(2147483647, 1, -1, -2147483647)]
        public void Apply_MatchesDoubleReference(int numerator, int denominator, int counts, int expected)
        {
            double real = (double)counts * numerator / denominator;
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp(real, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, new LinearScale(numerator, denominator).Apply(counts));
        }

        // Counts with 8 fraction bits (Q.8), as an RMS computed at sub-count resolution. Tolerance: exact.
        [TestMethod]
        [DataRow(39, 10, 25600, 8, 390)]
        [DataRow(39, 10, 640, 8, 10)]
        [DataRow(39, 10, -640, 8, -10)]
        [DataRow(1, 1, 3, 1, 2)]
        [DataRow(1, 1, -3, 1, -2)]
        [DataRow(39, 10, 7, 0, 27)]
        [DataRow(39, 10, 2147483647, 40, 0)]
        [DataRow(1, 2147483647, -2147483648, 31, 0)]
        public void ApplyScaled_MatchesDoubleReference(int numerator, int denominator, int countsScaled, int fractionBits, int expected)
        {
            double real = (double)countsScaled / Math.Pow(2, fractionBits) * numerator / denominator;
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp(real, int.MinValue, int.MaxValue));
            Assert.AreEqual(expected, new LinearScale(numerator, denominator).ApplyScaled(countsScaled, fractionBits));
        }

        // The stored gain Multiplier / 2^Shift is within 2^-31 (relative) of numerator / denominator:
        // a multiplier of at least 2^30, rounded to nearest.
        [TestMethod]
        [DataRow(39, 10)]
        [DataRow(3300, 4095)]
        [DataRow(1, 2147483647)]
        [DataRow(2147483647, 1)]
        [DataRow(2147483647, 2147483646)]
        [DataRow(7, 3)]
        public void Constructor_StoresGainWithin2PowMinus31(int numerator, int denominator)
        {
            LinearScale scale = new LinearScale(numerator, denominator);
            double stored = scale.Multiplier / Math.Pow(2, scale.Shift);
            double exact = (double)numerator / denominator;
            double relativeError = (stored - exact) / exact;
            double bound = 1.0 / (1L << 31);
            Assert.IsTrue(relativeError <= bound && relativeError >= -bound, "relative error " + relativeError);
            Assert.IsTrue(scale.Multiplier > 0 && scale.Multiplier < 1L << 31);
            Assert.IsTrue(scale.Shift >= 0 && scale.Shift <= 62);
        }

        // Tolerance: within half a unit plus the stored gain's 2^-31 relative error, against an
        // exact-enough double; that bound also proves rounding is to nearest.
        [TestMethod]
        public void Apply_RandomGainsAndCounts_NearestWithinGainError()
        {
            Random random = new Random(4099);
            long failures = 0;
            string firstFailure = null;
            for (int i = 0; i < 20000; i++)
            {
                int numerator = 1 + (int)(FixedMathReference.NextUInt32(random) >> 1);
                int denominator = 1 + (int)(FixedMathReference.NextUInt32(random) >> 1);
                int counts = FixedMathReference.NextInt32(random);
                double real = (double)counts * numerator / denominator;
                if (real > int.MaxValue - 1 || real < int.MinValue + 1)
                {
                    continue;
                }

                int actual = new LinearScale(numerator, denominator).Apply(counts);
                double error = actual - real;
                double bound = 0.5 + (real < 0 ? -real : real) / (1L << 31) + 1e-6;
                if (error > bound || error < -bound)
                {
                    failures++;
                    firstFailure = firstFailure ?? counts + " * " + numerator + " / " + denominator;
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }

        [TestMethod]
        [DataRow(0, 1)]
        [DataRow(-1, 1)]
        [DataRow(1, 0)]
        [DataRow(1, -1)]
        public void Constructor_NonPositiveGainTerm_Throws(int numerator, int denominator)
        {
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new LinearScale(numerator, denominator));
        }

        [TestMethod]
        public void ApplyScaled_NegativeFractionBits_Throws()
        {
            LinearScale scale = new LinearScale(39, 10);
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => scale.ApplyScaled(1, -1));
        }
    }
}
