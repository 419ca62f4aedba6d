using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    /// <summary>The chip model on a switched supply rail, through raw SPI and I2C frames.</summary>
    [TestClass]
    public class Adxl345ModelSupplyTests
    {
        [TestMethod]
        public void Unpowered_SpiReadsZeros_AndWritesAreLost()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.Spi, rail);

            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x00));
            Assert.AreEqual(BusStatus.Ok, model.Write(new byte[] { 0x2C, 0x0F }, 0, 2));
            Assert.AreEqual(0, model.WriteLog.Count);

            rail.Write(true);
            Assert.AreEqual(0xE5, Adxl345ModelSpi.Read(model, 0x00));
            Assert.AreEqual(0x0A, Adxl345ModelSpi.Read(model, 0x2C));
        }

        [TestMethod]
        public void Unpowered_I2cIsNotAcknowledged()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.I2c, rail);
            byte[] value = new byte[1];

            Assert.AreEqual(BusStatus.Nack, model.WriteRead(new byte[] { 0x00 }, 0, 1, value, 0, 1));

            rail.Write(true);
            Assert.AreEqual(BusStatus.Ok, model.WriteRead(new byte[] { 0x00 }, 0, 1, value, 0, 1));
            Assert.AreEqual(0xE5, (int)value[0]);
        }

        [TestMethod]
        public void PowerCycle_ReturnsEveryRegisterToReset_AndStopsSampling()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            rail.Write(true);
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.Spi, rail);
            Adxl345ModelSpi.Write(model, 0x2C, 0x0F);
            Adxl345ModelSpi.Write(model, 0x31, 0x0B);
            Adxl345ModelSpi.Write(model, 0x2F, 0x00);
            Adxl345ModelSpi.Write(model, 0x2E, 0x02);
            Adxl345ModelSpi.Write(model, 0x38, 0x90);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);
            clock.AdvanceMs(10);
            Assert.AreEqual(32, Adxl345ModelSpi.Read(model, 0x39));
            Assert.IsTrue(model.ReadInt1Level());

            rail.Write(false);
            Assert.IsFalse(model.ReadInt1Level());
            clock.AdvanceMs(1000);
            rail.Write(true);

            Assert.AreEqual(0x0A, Adxl345ModelSpi.Read(model, 0x2C));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x2D));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x2E));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x31));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x38));
            Assert.AreEqual(0x02, Adxl345ModelSpi.Read(model, 0x30));
            clock.AdvanceMs(100);
            Assert.AreEqual(0, Adxl345ModelSpi.Read(model, 0x39));
            Assert.IsFalse(model.ReadInt1Level());
        }

        [TestMethod]
        public void AlwaysPowered_WithoutARail_KeepsItsRegisters()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.Spi, null);
            Adxl345ModelSpi.Write(model, 0x2C, 0x0F);
            clock.AdvanceMs(1000);

            Assert.AreEqual(0x0F, Adxl345ModelSpi.Read(model, 0x2C));
        }
    }
}
