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
    public class IntDivTests
    {
        // Expected values are exact rational results rounded to nearest, ties away from zero
        // (64-bit operands are beyond a double's 53 bits, so these rows carry exact literals).
        [TestMethod]
        [DataRow(7L, 2L, 4L)]
        [DataRow(-7L, 2L, -4L)]
        [DataRow(7L, -2L, -4L)]
        [DataRow(-7L, -2L, 4L)]
        [DataRow(5L, 3L, 2L)]
        [DataRow(4L, 3L, 1L)]
        [DataRow(-5L, 3L, -2L)]
        [DataRow(0L, 5L, 0L)]
        [DataRow(1L, long.MaxValue, 0L)]
        [DataRow(long.MaxValue, 1L, long.MaxValue)]
        [DataRow(long.MinValue, 1L, long.MinValue)]
        [DataRow(long.MaxValue, -1L, -long.MaxValue)]
        [DataRow(long.MinValue, -1L, long.MaxValue)]
        [DataRow(long.MaxValue, 2L, 4611686018427387904L)]
        [DataRow(long.MinValue, 2L, -4611686018427387904L)]
        [DataRow(long.MaxValue, 3L, 3074457345618258602L)]
        [DataRow(long.MinValue, 3L, -3074457345618258603L)]
        [DataRow(long.MinValue, long.MaxValue, -1L)]
        [DataRow(long.MaxValue, long.MinValue, -1L)]
        public void RoundSat_ExactRows(long dividend, long divisor, long expected)
        {
            Assert.AreEqual(expected, IntDiv.RoundSat(dividend, divisor));
        }

        [TestMethod]
        [DataRow(5L, long.MaxValue)]
        [DataRow(long.MaxValue, long.MaxValue)]
        [DataRow(-5L, long.MinValue)]
        [DataRow(long.MinValue, long.MinValue)]
        [DataRow(0L, 0L)]
        public void RoundSat_ByZero_SaturatesBySignOfDividend(long dividend, long expected)
        {
            Assert.AreEqual(expected, IntDiv.RoundSat(dividend, 0));
        }

        // Tolerance: exact. Operands below 2^40 in magnitude, so quotients and the double
        // reference are exact except within 2^-12 of a tie, where an integer check decides.
        [TestMethod]
        public void RoundSat_RandomOperands_ExactAgainstDouble()
        {
            Random random = new Random(5003);
            long failures = 0;
            string firstFailure = null;
            for (int i = 0; i < 20000; i++)
            {
                long dividend = (long)(FixedMathReference.NextUInt64(random) >> 24) * (random.Next(2) == 0 ? 1 : -1);
                long divisor = (long)(FixedMathReference.NextUInt64(random) >> 24) * (random.Next(2) == 0 ? 1 : -1);
                if (divisor == 0)
                {
                    continue;
                }

                long actual = IntDiv.RoundSat(dividend, divisor);
                long expected = FixedMathReference.RoundClamp((double)dividend / divisor, long.MinValue, long.MaxValue);
                long twiceResidual = 2 * (dividend - actual * divisor);
                long divisorMagnitude = divisor < 0 ? -divisor : divisor;
                bool nearTie = twiceResidual == divisorMagnitude || twiceResidual == -divisorMagnitude;
                bool tieAwayFromZero = (twiceResidual < 0) == (dividend > 0);
                if (nearTie ? !tieAwayFromZero : actual != expected)
                {
                    failures++;
                    firstFailure = firstFailure ?? dividend + " / " + divisor;
                }
            }

            Assert.AreEqual(0L, failures, firstFailure);
        }
    }
}
