using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Max31865
{
    /// <summary>The MAX31865 model on a switched supply rail, through raw SPI transfers.</summary>
    [TestClass]
    public class Max31865ModelSupplyTests
    {
        [TestMethod]
        public void Unpowered_ReadsZeros_AndWritesAreLost()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            var model = new Max31865Model(clock, new FixedSignals(), new ChipFaults(), 100, 430, rail);

            Assert.AreEqual(BusStatus.Ok, model.Write(new byte[] { 0x80, 0xC1 }, 0, 2));
            byte[] data = Read(model, 0x00, 7);
            for (int i = 0; i < data.Length; i++)
            {
                Assert.AreEqual(0, (int)data[i]);
            }

            rail.Write(true);
            Assert.AreEqual(0x00, (int)Read(model, 0x00, 1)[0]);
            Assert.AreEqual(0xFF, (int)Read(model, 0x03, 1)[0]);
        }

        [TestMethod]
        public void PowerCycle_ReturnsToThePowerOnValues_WithBiasOffAndNoConversion()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            rail.Write(true);
            var model = new Max31865Model(clock, new FixedSignals(), new ChipFaults(), 100, 430, rail);
            Write(model, 0x83, 0x7F);
            Write(model, 0x84, 0x7E);
            Write(model, 0x80, 0xC1);
            clock.AdvanceMs(100);
            Assert.IsTrue(Read(model, 0x01, 1)[0] != 0, "no conversion before the power cut");

            rail.Write(false);
            clock.AdvanceMs(1000);
            rail.Write(true);

            byte[] data = Read(model, 0x00, 8);
            Assert.AreEqual(0x00, (int)data[0]);
            Assert.AreEqual(0x00, (int)data[1]);
            Assert.AreEqual(0x00, (int)data[2]);
            Assert.AreEqual(0xFF, (int)data[3]);
            Assert.AreEqual(0xFF, (int)data[4]);
            Assert.AreEqual(0x00, (int)data[5]);
            Assert.AreEqual(0x00, (int)data[6]);
            Assert.AreEqual(0x00, (int)data[7]);

            // No conversion runs until the configuration is written again.
            clock.AdvanceMs(100);
            Assert.AreEqual(0x00, (int)Read(model, 0x01, 1)[0]);
        }

        [TestMethod]
        public void PowerCycle_KeepsTheProbesCondition()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            rail.Write(true);
            var model = new Max31865Model(clock, new FixedSignals(), new ChipFaults(), 100, 430, rail);
            model.RtdOpen = true;
            rail.Write(false);
            rail.Write(true);
            Write(model, 0x80, 0xC1);
            clock.AdvanceMs(25);

            byte[] data = Read(model, 0x01, 2);
            Assert.AreEqual(0xFF, (int)data[0]);
            Assert.AreEqual(0xFE, data[1] & 0xFE);
        }

        private static void Write(Max31865Model model, int address, int value)
        {
            byte[] frame = { (byte)address, (byte)value };
            Assert.AreEqual(BusStatus.Ok, model.Write(frame, 0, 2));
        }

        private static byte[] Read(Max31865Model model, int address, int count)
        {
            byte[] frame = { (byte)address };
            byte[] data = new byte[count];
            Assert.AreEqual(BusStatus.Ok, model.WriteRead(frame, 0, 1, data, 0, count));
            return data;
        }
    }
}
