using SensorNode.Drivers.Adxl345;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    [TestClass]
    public class Adxl345FifoTests
    {
        private const int Spi = 0;
        private const int I2c = 1;

        // Each BW_RATE code (datasheet Table 7) goes to the part, and the FIFO fills at that rate: 20 periods of
        // simulated time give exactly 20 samples.
        [TestMethod]
        [DataRow(0x0A, 100)]
        [DataRow(0x0B, 200)]
        [DataRow(0x0C, 400)]
        [DataRow(0x0D, 800)]
        [DataRow(0x0E, 1600)]
        [DataRow(0x0F, 3200)]
        public void Initialize_EachDataRate_WritesItsCodeAndFillsAtThatRate(int rateCode, int rateHz)
        {
            var rig = new Adxl345Rig(Spi);

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus4G, (Adxl345DataRate)rateCode, 31));
            rig.Clock.AdvanceUs(20L * 1000000 / rateHz);
            short[] xyz = new short[3 * 32];
            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 32, out int read, out int lost);

            Assert.AreEqual(rateCode, rig.Model.RegisterValue(0x2C));
            Assert.AreEqual(rateHz, rig.Driver.DataRateHz);
            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(20, read);
            Assert.AreEqual(256, (int)xyz[3 * 19 + 2]);
        }

        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void Watermark_RaisesInt1AtItsLevel_AndOneDrainTakesTwoPlusOneTransferPerSample(int framing)
        {
            var rig = new Adxl345Rig(framing);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16));

            // 3200 Hz: one sample per 312.5 µs. 15 samples are below the watermark, the 16th reaches it.
            rig.Clock.AdvanceUs(4690);
            Assert.IsFalse(rig.Model.ReadInt1Level());
            rig.Clock.AdvanceUs(310);
            Assert.IsTrue(rig.Model.ReadInt1Level());
            Assert.IsFalse(rig.Model.ReadInt2Level());

            int transfersBefore = rig.Model.TransactionCount;
            short[] xyz = new short[3 * 32];
            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 32, out int read, out int lost);

            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(16, read);
            Assert.AreEqual(0, lost);
            Assert.AreEqual(2 + 16, rig.Model.TransactionCount - transfersBefore);
            Assert.IsFalse(rig.Model.ReadInt1Level());
        }

        // A 100 Hz tone sampled at 800 Hz: sample k is sin(pi k / 4) g on X, so the batch shows the order.
        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void ReadFifo_ReturnsInterleavedSamplesOldestFirst(int framing)
        {
            var rig = new Adxl345Rig(framing);
            rig.Signals.VibrationPeakG = 1.0;
            rig.Signals.VibrationFrequencyHz = 100.0;
            rig.Signals.AccelerationYG = -0.5;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus2G, Adxl345DataRate.Rate800Hz, 8));
            rig.Clock.AdvanceUs(8 * 1250);
            short[] xyz = new short[3 * 10];

            SensorStatus status = rig.Driver.ReadFifo(xyz, 3, 9, out int read, out int lost);

            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(8, read);
            int[] expectedX = { 181, 256, 181, 0, -181, -256, -181, 0 };
            for (int k = 0; k < 8; k++)
            {
                Assert.AreEqual(expectedX[k], (int)xyz[3 + 3 * k], "x of sample " + k);
                Assert.AreEqual(-128, (int)xyz[3 + 3 * k + 1], "y of sample " + k);
                Assert.AreEqual(256, (int)xyz[3 + 3 * k + 2], "z of sample " + k);
            }

            Assert.AreEqual(0, (int)xyz[0]);
        }

        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void ReadFifo_AfterOverrun_ReportsOverrunWithLostCount(int framing)
        {
            var rig = new Adxl345Rig(framing);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16));
            short[] xyz = new short[3 * 32];

            // 20 ms at 3200 Hz is 64 samples; the FIFO keeps the newest 32.
            rig.Clock.AdvanceMs(20);
            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 32, out int read, out int lost);

            Assert.AreEqual(SensorStatus.Overrun, status);
            Assert.AreEqual(32, read);
            Assert.AreEqual(32, lost);
            Assert.AreEqual(32L, rig.Model.DiscardedSamples);

            // Drained in time again: no loss reported.
            rig.Clock.AdvanceMs(5);
            status = rig.Driver.ReadFifo(xyz, 0, 32, out read, out lost);

            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(16, read);
            Assert.AreEqual(0, lost);
        }

        // Samples left in the FIFO by a small buffer count as neither produced nor lost in the next estimate.
        [TestMethod]
        public void ReadFifo_PartialDrainThenOverrun_LostCountMatchesThePart()
        {
            var rig = new Adxl345Rig(Spi);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16));
            short[] xyz = new short[3 * 32];

            rig.Clock.AdvanceMs(10);
            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 10, out int read, out int lost);
            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(10, read);

            // 22 samples wait; 32 more arrive in 10 ms, so 22 are discarded.
            rig.Clock.AdvanceMs(10);
            status = rig.Driver.ReadFifo(xyz, 0, 32, out read, out lost);

            Assert.AreEqual(SensorStatus.Overrun, status);
            Assert.AreEqual(32, read);
            Assert.AreEqual(22L, rig.Model.DiscardedSamples);
            Assert.AreEqual(22, lost);
        }

        [TestMethod]
        public void ReadFifo_EmptyFifo_IsOkWithNoSamples()
        {
            var rig = new Adxl345Rig(Spi);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus2G, Adxl345DataRate.Rate100Hz, 16));
            short[] xyz = new short[3 * 32];

            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 32, out int read, out int lost);

            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(0, read);
            Assert.AreEqual(2, rig.Model.TransactionCount - 10);
        }
    }
}
