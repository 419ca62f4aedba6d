using SensorNode.Drivers.Adxl345;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    [TestClass]
    public class Adxl345ScaleTests
    {
        // Full resolution is 256 counts/g at every range (datasheet Table 1); the driver reports 1000/256 mg/count,
        // rounded to nearest. X carries +input and Y -input; Z stays at +1 g.
        [TestMethod]
        [DataRow(0, 1500, 384, 1500)]
        [DataRow(0, 10, 3, 12)]
        [DataRow(1, 3000, 768, 3000)]
        [DataRow(1, 1, 0, 0)]
        [DataRow(2, 6000, 1536, 6000)]
        [DataRow(2, 7, 2, 8)]
        [DataRow(3, 12000, 3072, 12000)]
        [DataRow(3, 15000, 3840, 15000)]
        public void ReadFifo_InRange_CountsAndMilliGFollowFullResolutionScale(
            int rangeCode, int inputMilliG, int expectedCounts, int expectedMilliG)
        {
            var rig = new Adxl345Rig(0);
            rig.Signals.AccelerationXG = inputMilliG / 1000.0;
            rig.Signals.AccelerationYG = -inputMilliG / 1000.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize((Adxl345Range)rangeCode, Adxl345DataRate.Rate800Hz, 16));
            rig.Clock.AdvanceUs(1250 * 4);
            short[] xyz = new short[3 * 4];
            short[] milliG = new short[3 * 4];

            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 4, out int read, out int lost);
            rig.Driver.ConvertToMilliG(xyz, 0, milliG, 0, 3 * read);

            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(4, read);
            for (int i = 0; i < 3 * read; i += 3)
            {
                Assert.AreEqual(expectedCounts, (int)xyz[i]);
                Assert.AreEqual(-expectedCounts, (int)xyz[i + 1]);
                Assert.AreEqual(256, (int)xyz[i + 2]);
                Assert.AreEqual(expectedMilliG, (int)milliG[i]);
                Assert.AreEqual(-expectedMilliG, (int)milliG[i + 1]);
                Assert.AreEqual(1000, (int)milliG[i + 2]);
            }
        }

        // Beyond the range the part saturates at its 10 + range bit limits; the driver flags the batch OutOfRange.
        [TestMethod]
        [DataRow(0, 2500, 511, -512, 1996, -2000)]
        [DataRow(1, 5000, 1023, -1024, 3996, -4000)]
        [DataRow(2, 9000, 2047, -2048, 7996, -8000)]
        [DataRow(3, 20000, 4095, -4096, 15996, -16000)]
        public void ReadFifo_BeyondRange_SaturatesAndReportsOutOfRange(
            int rangeCode, int inputMilliG, int highCounts, int lowCounts, int highMilliG, int lowMilliG)
        {
            var rig = new Adxl345Rig(0);
            rig.Signals.AccelerationXG = inputMilliG / 1000.0;
            rig.Signals.AccelerationYG = -inputMilliG / 1000.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize((Adxl345Range)rangeCode, Adxl345DataRate.Rate800Hz, 16));
            rig.Clock.AdvanceUs(1250 * 2);
            short[] xyz = new short[3 * 2];
            short[] milliG = new short[3 * 2];

            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 2, out int read, out int lost);
            rig.Driver.ConvertToMilliG(xyz, 0, milliG, 0, 3 * read);

            Assert.AreEqual(SensorStatus.OutOfRange, status);
            Assert.AreEqual(2, read);
            Assert.AreEqual(highCounts, (int)xyz[0]);
            Assert.AreEqual(lowCounts, (int)xyz[1]);
            Assert.AreEqual(highMilliG, (int)milliG[0]);
            Assert.AreEqual(lowMilliG, (int)milliG[1]);
        }

        // At 3200 Hz the top code is even (the LSB is forced to 0), and the driver still sees the clip.
        [TestMethod]
        public void ReadFifo_ClippedAt3200Hz_ReportsOutOfRange()
        {
            var rig = new Adxl345Rig(0);
            rig.Signals.AccelerationXG = 3.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus2G, Adxl345DataRate.Rate3200Hz, 16));
            rig.Clock.AdvanceUs(625);
            short[] xyz = new short[3 * 2];

            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 2, out int read, out int lost);

            Assert.AreEqual(SensorStatus.OutOfRange, status);
            Assert.AreEqual(510, (int)xyz[0]);
        }

        [TestMethod]
        public void ConvertToMilliG_RoundsToNearestTiesAwayFromZero()
        {
            var rig = new Adxl345Rig(0);
            short[] counts = { 0, 1, -1, 16, -16, 32, -32, 4095, -4096 };
            short[] milliG = new short[counts.Length];

            rig.Driver.ConvertToMilliG(counts, 0, milliG, 0, counts.Length);

            // 1 count = 3.90625 mg; 16 counts = 62.5 mg, a tie; 32 counts = 125 mg exactly; 4095 counts = 15996.09 mg.
            short[] expected = { 0, 4, -4, 63, -63, 125, -125, 15996, -16000 };
            for (int i = 0; i < counts.Length; i++)
            {
                Assert.AreEqual((int)expected[i], (int)milliG[i]);
            }
        }
    }
}
