using SensorNode.Core.FixedMath;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.FixedMath
{
    [TestClass]
    public class SquashTests
    {
        // Tolerance: exact; reference floor(32768 x / (x + knee) + 0.5) clamped to 32767. A
        // non-tie quotient is at least 2^-33 from a tie, far above the double's error.
        [TestMethod]
        [DataRow(10, 10, 16384)]
        [DataRow(1, 3, 8192)]
        [DataRow(3, 1, 24576)]
        [DataRow(7, 1000, 228)]
        [DataRow(1, 65535, 1)]
        [DataRow(1, 65536, 0)]
        [DataRow(196605, 65535, 24576)]
        [DataRow(2147483647, 1, 32767)]
        [DataRow(1, 2147483647, 0)]
        public void RationalQ15_MatchesDoubleReference(int value, int knee, int expected)
        {
            double real = 32768.0 * value / ((double)value + knee);
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp(real, 0, Q15.MaxValue));
            Assert.AreEqual(expected, Squash.RationalQ15(value, knee));
        }

        [TestMethod]
        [DataRow(0, 10, 0)]
        [DataRow(-5, 10, 0)]
        [DataRow(int.MinValue, 10, 0)]
        [DataRow(1, 0, 32767)]
        [DataRow(1, -3, 32767)]
        [DataRow(0, 0, 0)]
        public void RationalQ15_EdgeInputs(int value, int knee, int expected)
        {
            Assert.AreEqual(expected, Squash.RationalQ15(value, knee));
        }

        [TestMethod]
        public void RationalQ15_IsHalfAtKneeNineTenthsAtNineKneesAndNonDecreasing()
        {
            int knee = 3 << 16;
            int previous = 0;
            long failures = 0;
            for (int value = 0; value < 64 << 16; value += 97)
            {
                int score = Squash.RationalQ15(value, knee);
                if (score < previous || score > Q15.MaxValue)
                {
                    failures++;
                }

                previous = score;
            }

            Assert.AreEqual(0L, failures);
            Assert.AreEqual(Q15.Half, Squash.RationalQ15(knee, knee));
            Assert.AreEqual(29491, Squash.RationalQ15(9 * knee, knee));
        }
    }
}
