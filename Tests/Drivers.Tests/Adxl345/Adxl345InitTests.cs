using System;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Drivers.Adxl345;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    [TestClass]
    public class Adxl345InitTests
    {
        private const int Spi = 0;
        private const int I2c = 1;

        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void Initialize_WritesDatasheetSequenceInStandbyThenMeasures(int framing)
        {
            var rig = new Adxl345Rig(framing);

            SensorStatus status = rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16);

            Assert.AreEqual(SensorStatus.Ok, status);
            int[] expected =
            {
                0x2D, 0x00, // POWER_CTL: standby while configuring
                0x2E, 0x00, // INT_ENABLE: off until mapped
                0x2C, 0x0F, // BW_RATE: 3200 Hz, normal power
                0x31, 0x0B, // DATA_FORMAT: FULL_RES, right-justified, ±16 g, INT active high, 4-wire
                0x2F, 0x00, // INT_MAP: everything to INT1
                0x38, 0x00, // FIFO_CTL: bypass empties the FIFO
                0x38, 0x90, // FIFO_CTL: stream, watermark 16
                0x2E, 0x02, // INT_ENABLE: watermark
                0x2D, 0x08, // POWER_CTL: measure
            };
            Assert.AreEqual(expected.Length / 2, rig.Model.WriteLog.Count);
            for (int i = 0; i < expected.Length / 2; i++)
            {
                Assert.AreEqual(expected[2 * i], rig.Model.WriteLog.Register(i), "register of write " + i);
                Assert.AreEqual(expected[2 * i + 1], rig.Model.WriteLog.Value(i), "value of write " + i);
            }

            // One DEVID read, then one transfer per register write.
            Assert.AreEqual(1 + expected.Length / 2, rig.Model.TransactionCount);
        }

        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void Initialize_WrongDeviceId_IsNotPresentAndWritesNothing(int framing)
        {
            var rig = new Adxl345Rig(framing);
            rig.Model.DeviceId = 0xE6;

            SensorStatus status = rig.Driver.Initialize(Adxl345Range.PlusMinus2G, Adxl345DataRate.Rate100Hz, 16);

            Assert.AreEqual(SensorStatus.NotPresent, status);
            Assert.AreEqual(0, rig.Model.WriteLog.Count);
            short[] xyz = new short[3];
            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.ReadFifo(xyz, 0, 1, out int read, out int lost));
            Assert.AreEqual(0, read);
        }

        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void Initialize_Nack_IsBusError(int framing)
        {
            var rig = new Adxl345Rig(framing);
            rig.Faults.Unplugged = true;

            SensorStatus status = rig.Driver.Initialize(Adxl345Range.PlusMinus2G, Adxl345DataRate.Rate100Hz, 16);

            Assert.AreEqual(SensorStatus.BusError, status);
            Assert.AreEqual(0, rig.Model.WriteLog.Count);
        }

        [TestMethod]
        [DataRow(Spi)]
        [DataRow(I2c)]
        public void ReadFifo_NackAfterInitialize_IsBusErrorWithNoSamples(int framing)
        {
            var rig = new Adxl345Rig(framing);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus2G, Adxl345DataRate.Rate800Hz, 16));
            rig.Clock.AdvanceMs(20);
            rig.Faults.Unplugged = true;
            short[] xyz = new short[3 * 32];

            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 32, out int read, out int lost);

            Assert.AreEqual(SensorStatus.BusError, status);
            Assert.AreEqual(0, read);
            Assert.AreEqual(0, lost);
        }

        [TestMethod]
        public void ReadFifo_BeforeInitialize_IsNotReadyWithoutBusTraffic()
        {
            var rig = new Adxl345Rig(Spi);
            short[] xyz = new short[3];

            SensorStatus status = rig.Driver.ReadFifo(xyz, 0, 1, out int read, out int lost);

            Assert.AreEqual(SensorStatus.NotReady, status);
            Assert.AreEqual(0, rig.Model.TransactionCount);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(32)]
        public void Initialize_WatermarkOutsideFifoCtlField_Throws(int watermark)
        {
            var rig = new Adxl345Rig(Spi);

            AssertThrows.Exactly(
                typeof(ArgumentOutOfRangeException),
                () => rig.Driver.Initialize(Adxl345Range.PlusMinus2G, Adxl345DataRate.Rate100Hz, watermark));
            Assert.AreEqual(0, rig.Model.TransactionCount);
        }
    }
}
