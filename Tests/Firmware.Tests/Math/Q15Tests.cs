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
    public class Q15Tests
    {
        private const double OneReal = 32768.0;

        // Tolerance: exact.
        [TestMethod]
        [DataRow(0, 0, 0)]
        [DataRow(1, -1, 0)]
        [DataRow(16384, 16383, 32767)]
        [DataRow(16384, 16384, 32767)]
        [DataRow(-16384, -16384, -32768)]
        [DataRow(-16384, -16385, -32768)]
        [DataRow(32767, -32768, -1)]
        [DataRow(int.MaxValue, int.MaxValue, 32767)]
        [DataRow(int.MinValue, int.MinValue, -32768)]
        public void AddSat_MatchesClampedSum(int a, int b, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp((double)a + b, -32768, 32767));
            Assert.AreEqual(expected, Q15.AddSat(a, b));
        }

        // Tolerance: exact.
        [TestMethod]
        [DataRow(0, 0, 0)]
        [DataRow(0, 32767, -32767)]
        [DataRow(0, -32768, 32767)]
        [DataRow(-1, 32767, -32768)]
        [DataRow(-2, 32767, -32768)]
        [DataRow(32767, -1, 32767)]
        [DataRow(int.MinValue, int.MaxValue, -32768)]
        public void SubSat_MatchesClampedDifference(int a, int b, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp((double)a - b, -32768, 32767));
            Assert.AreEqual(expected, Q15.SubSat(a, b));
        }

        // Tolerance: exact (products below 2^53).
        [TestMethod]
        [DataRow(0, 0, 0)]
        [DataRow(16384, 16384, 8192)]
        [DataRow(1, 16384, 1)]
        [DataRow(-1, 16384, -1)]
        [DataRow(1, 1, 0)]
        [DataRow(3, 5461, 0)]
        [DataRow(-3, 5461, 0)]
        [DataRow(32767, 32767, 32766)]
        [DataRow(-32768, 32767, -32767)]
        [DataRow(32767, -32768, -32767)]
        [DataRow(-32768, -32768, 32767)]
        [DataRow(100000, 100000, 32767)]
        [DataRow(-100000, 100000, -32768)]
        public void MulRoundSat_MatchesDoubleReference(int a, int b, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp((double)a * b / OneReal, -32768, 32767));
            Assert.AreEqual(expected, Q15.MulRoundSat(a, b));
        }

        // Tolerance: exact. A 257-stride grid over the whole Q1.15 square: 256 x 256 pairs,
        // both ends included because 255 * 257 = 65535. Products are below 2^31.
        [TestMethod]
        public void MulRoundSat_GridOverRange_ExactAgainstDouble()
        {
            long failures = 0;
            string firstFailure = null;
            for (int a = -32768; a <= 32767; a += 257)
            {
                for (int b = -32768; b <= 32767; b += 257)
                {
                    long expected = FixedMathReference.RoundClamp((double)a * b / OneReal, -32768, 32767);
                    if (Q15.MulRoundSat(a, b) != expected)
                    {
                        failures++;
                        firstFailure = firstFailure ?? a + " * " + b;
                    }
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }

        // Tolerance: exact.
        [TestMethod]
        [DataRow(1, 4, 8192)]
        [DataRow(1, 2, 16384)]
        [DataRow(2, 3, 21845)]
        [DataRow(-2, 3, -21845)]
        [DataRow(3, -7, -14043)]
        [DataRow(16384, 32767, 16385)]
        [DataRow(-16384, 32767, -16385)]
        [DataRow(1, 65536, 1)]
        [DataRow(-1, 65536, -1)]
        [DataRow(1, 65537, 0)]
        [DataRow(1, 1, 32767)]
        [DataRow(-1, 1, -32768)]
        [DataRow(int.MaxValue, 1, 32767)]
        [DataRow(int.MinValue, -1, 32767)]
        public void DivRoundSat_MatchesDoubleReference(int dividend, int divisor, int expected)
        {
            Assert.AreEqual((long)expected, FixedMathReference.RoundClamp((double)dividend * OneReal / divisor, -32768, 32767));
            Assert.AreEqual(expected, Q15.DivRoundSat(dividend, divisor));
        }

        [TestMethod]
        [DataRow(5, 32767)]
        [DataRow(-5, -32768)]
        [DataRow(0, 0)]
        public void DivRoundSat_ByZero_SaturatesBySignOfDividend(int dividend, int expected)
        {
            Assert.AreEqual(expected, Q15.DivRoundSat(dividend, 0));
        }
    }
}
