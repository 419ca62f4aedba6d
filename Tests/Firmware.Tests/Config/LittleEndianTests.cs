using SensorNode.Core.Config;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    [TestClass]
    public class LittleEndianTests
    {
        [TestMethod]
        public void WritesLowByteFirstAndReturnsThePositionAfter()
        {
            byte[] b = new byte[16];
            Assert.AreEqual(3, LittleEndian.PutUInt16(b, 1, 0xBEEF));
            Assert.AreEqual(0xEF, (int)b[1]);
            Assert.AreEqual(0xBE, (int)b[2]);
            Assert.AreEqual(8, LittleEndian.PutInt32(b, 4, 0x01020304));
            Assert.AreEqual(0x04, (int)b[4]);
            Assert.AreEqual(0x01, (int)b[7]);
            Assert.AreEqual(16, LittleEndian.PutInt64(b, 8, 0x0102030405060708L));
            Assert.AreEqual(0x08, (int)b[8]);
            Assert.AreEqual(0x01, (int)b[15]);
        }

        [TestMethod]
        public void ReadsBackWhatItWroteAtTheEdgesOfEachWidth()
        {
            byte[] b = new byte[8];
            int[] ints = { 0, 1, -1, int.MinValue, int.MaxValue, 0x7F80FF00 };
            for (int i = 0; i < ints.Length; i++)
            {
                LittleEndian.PutInt32(b, 2, ints[i]);
                Assert.AreEqual(ints[i], LittleEndian.GetInt32(b, 2));
                Assert.AreEqual((uint)ints[i], LittleEndian.GetUInt32(b, 2));
            }

            long[] longs = { 0, -1, long.MinValue, long.MaxValue, 0x00000001FFFFFFFFL };
            for (int i = 0; i < longs.Length; i++)
            {
                LittleEndian.PutInt64(b, 0, longs[i]);
                Assert.AreEqual(longs[i], LittleEndian.GetInt64(b, 0));
            }

            LittleEndian.PutUInt16(b, 6, 0xFFFF);
            Assert.AreEqual(0xFFFF, LittleEndian.GetUInt16(b, 6));
            LittleEndian.PutUInt32(b, 0, 0xCBF43926);
            Assert.AreEqual(0xCBF43926, LittleEndian.GetUInt32(b, 0));
        }
    }
}
