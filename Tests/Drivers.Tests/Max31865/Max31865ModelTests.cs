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
    /// <summary>The MAX31865 model's own datasheet behaviour, through raw SPI transfers.</summary>
    [TestClass]
    public class Max31865ModelTests
    {
        [TestMethod]
        public void PowerOn_ThresholdsAreFFFFAnd0000()
        {
            var model = NewModel(new ManualClock());

            byte[] data = Read(model, 0x03, 4);

            Assert.AreEqual(0xFF, (int)data[0]);
            Assert.AreEqual(0xFF, (int)data[1]);
            Assert.AreEqual(0x00, (int)data[2]);
            Assert.AreEqual(0x00, (int)data[3]);
        }

        [TestMethod]
        public void MultiByteRead_AutoIncrementsAndWrapsAfter07h()
        {
            var model = NewModel(new ManualClock());
            Write(model, 0x80, 0xC1);

            byte[] data = Read(model, 0x07, 2);

            // Fault status (07h), then the configuration (00h).
            Assert.AreEqual(0x00, (int)data[0]);
            Assert.AreEqual(0xC1, (int)data[1]);
        }

        [TestMethod]
        public void ReadOnlyRegisters_IgnoreWrites()
        {
            var model = NewModel(new ManualClock());

            Write(model, 0x81, 0x55);
            Write(model, 0x87, 0xFC);

            Assert.AreEqual(0, model.RegisterValue(0x01));
            Assert.AreEqual(0, model.RegisterValue(0x07));
        }

        [TestMethod]
        public void FaultClear_NeedsD5D3D2WrittenAsZero()
        {
            var clock = new ManualClock();
            var model = NewModel(clock);
            model.OverUnderVoltage = true;
            Write(model, 0x80, 0xC1);
            clock.AdvanceMs(25);
            Assert.AreEqual(0x04, model.RegisterValue(0x07));
            model.OverUnderVoltage = false;

            // D1 together with a 1-shot request (D5) does not clear.
            Write(model, 0x80, 0xA3);
            Assert.AreEqual(0x04, model.RegisterValue(0x07));

            Write(model, 0x80, 0xC3);
            Assert.AreEqual(0x00, model.RegisterValue(0x07));
        }

        [TestMethod]
        public void AutomaticConversion_ComesEvery20msWithThe50HzFilter()
        {
            var clock = new ManualClock();
            var signals = new FixedSignals();
            signals.TemperatureC = 0.0;
            var model = new Max31865Model(clock, signals, new ChipFaults(), 100, 400);
            Write(model, 0x80, 0xC1);

            clock.AdvanceUs(19999);
            Assert.AreEqual(0, model.RegisterValue(0x01));

            // 100 Ω on 400 Ω is 8192 = 4000h in D15:D1 (datasheet Table 9, 0 °C).
            clock.AdvanceUs(1);
            Assert.AreEqual(0x40, model.RegisterValue(0x01));
            Assert.AreEqual(0x00, model.RegisterValue(0x02));
        }

        private static Max31865Model NewModel(ManualClock clock)
        {
            return new Max31865Model(clock, new FixedSignals(), new ChipFaults(), 100, 430);
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
