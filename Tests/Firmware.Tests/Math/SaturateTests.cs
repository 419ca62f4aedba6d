using SensorNode.Core.FixedMath;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.FixedMath
{
    [TestClass]
    public class SaturateTests
    {
        [TestMethod]
        [DataRow(0L, 0)]
        [DataRow(-1L, -1)]
        [DataRow(2147483647L, 2147483647)]
        [DataRow(2147483648L, 2147483647)]
        [DataRow(-2147483648L, -2147483648)]
        [DataRow(-2147483649L, -2147483648)]
        [DataRow(long.MaxValue, 2147483647)]
        [DataRow(long.MinValue, -2147483648)]
        public void ToInt32_PassesInRangeAndClampsOutside(long value, int expected)
        {
            Assert.AreEqual(expected, Saturate.ToInt32(value));
        }

        [TestMethod]
        [DataRow(0L, 0)]
        [DataRow(32767L, 32767)]
        [DataRow(32768L, 32767)]
        [DataRow(-32768L, -32768)]
        [DataRow(-32769L, -32768)]
        [DataRow(long.MaxValue, 32767)]
        [DataRow(long.MinValue, -32768)]
        public void ToInt16_PassesInRangeAndClampsOutside(long value, int expected)
        {
            Assert.AreEqual(expected, Saturate.ToInt16(value));
        }
    }
}
