using SensorNode.Drivers.Adxl345;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    [TestClass]
    public class Adxl345SelfTestTests
    {
        private const int Spi = 0;
        private const int I2c = 1;

        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void RunSelfTest_HealthyPart_PassesAndRestoresConfiguration(int framing)
        {
            var rig = new Adxl345Rig(framing);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus4G, Adxl345DataRate.Rate3200Hz, 20));

            SensorStatus status = rig.Driver.RunSelfTest(rig.Clock.AdvanceMs, out int dx, out int dy, out int dz);

            // The model's shifts are +0.9, -0.9 and +1.3 g: 230.4, -230.4 and 332.8 counts at 256 counts/g.
            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(230, dx);
            Assert.AreEqual(-230, dy);
            Assert.AreEqual(333, dz);
            Assert.AreEqual(0x0F, rig.Model.RegisterValue(0x2C));
            Assert.AreEqual(0x09, rig.Model.RegisterValue(0x31));
            Assert.AreEqual(0x94, rig.Model.RegisterValue(0x38));
            Assert.AreEqual(0x02, rig.Model.RegisterValue(0x2E));
            Assert.AreEqual(0x08, rig.Model.RegisterValue(0x2D));

            // Sampling resumes with the FIFO emptied: 10 ms at 3200 Hz is 32 fresh samples, self-test off.
            rig.Clock.AdvanceMs(10);
            short[] xyz = new short[3 * 32];
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.ReadFifo(xyz, 0, 32, out int read, out int lost));
            Assert.AreEqual(32, read);
            Assert.AreEqual(0, (int)xyz[3 * 31]);
            Assert.AreEqual(256, (int)xyz[3 * 31 + 2]);
        }

        // Limits at 3.3 V (datasheet Tables 14/15): X must change by at least 50 x 1.77 = 88.5 counts.
        [TestMethod]
        [DataRow(89, 0)]
        [DataRow(88, 5)]
        [DataRow(955, 0)]
        [DataRow(956, 5)]
        public void RunSelfTest_XShiftAtTheLimits_PassesOnlyInside(int shiftCounts, int expectedStatus)
        {
            var rig = new Adxl345Rig(Spi);
            rig.Model.SelfTestShiftXG = shiftCounts / 256.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate800Hz, 16));

            SensorStatus status = rig.Driver.RunSelfTest(rig.Clock.AdvanceMs, out int dx, out int dy, out int dz);

            Assert.AreEqual((SensorStatus)expectedStatus, status);
            Assert.AreEqual(shiftCounts, dx);
        }

        [TestMethod]
        public void RunSelfTest_NoZResponse_IsFault()
        {
            var rig = new Adxl345Rig(Spi);
            rig.Model.SelfTestShiftZG = 0.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate800Hz, 16));

            SensorStatus status = rig.Driver.RunSelfTest(rig.Clock.AdvanceMs, out int dx, out int dy, out int dz);

            Assert.AreEqual(SensorStatus.Fault, status);
            Assert.AreEqual(230, dx);
            Assert.AreEqual(0, dz);
        }

        [TestMethod]
        public void RunSelfTest_StuckPart_IsFault()
        {
            var rig = new Adxl345Rig(Spi);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate800Hz, 16));
            rig.Clock.AdvanceMs(5);
            rig.Faults.Stuck = true;

            SensorStatus status = rig.Driver.RunSelfTest(rig.Clock.AdvanceMs, out int dx, out int dy, out int dz);

            Assert.AreEqual(SensorStatus.Fault, status);
            Assert.AreEqual(0, dx);
            Assert.AreEqual(0, dy);
            Assert.AreEqual(0, dz);
        }

        [TestMethod]
        public void RunSelfTest_Nack_IsBusErrorAndDriverNeedsInitializeAgain()
        {
            var rig = new Adxl345Rig(Spi);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate800Hz, 16));
            rig.Faults.Unplugged = true;

            SensorStatus status = rig.Driver.RunSelfTest(rig.Clock.AdvanceMs, out int dx, out int dy, out int dz);
            rig.Faults.Unplugged = false;
            short[] xyz = new short[3];
            SensorStatus afterwards = rig.Driver.ReadFifo(xyz, 0, 1, out int read, out int lost);

            Assert.AreEqual(SensorStatus.BusError, status);
            Assert.AreEqual(SensorStatus.NotReady, afterwards);
        }

        [TestMethod]
        public void RunSelfTest_BeforeInitialize_IsNotReady()
        {
            var rig = new Adxl345Rig(Spi);

            SensorStatus status = rig.Driver.RunSelfTest(rig.Clock.AdvanceMs, out int dx, out int dy, out int dz);

            Assert.AreEqual(SensorStatus.NotReady, status);
            Assert.AreEqual(0, rig.Model.TransactionCount);
        }
    }
}
