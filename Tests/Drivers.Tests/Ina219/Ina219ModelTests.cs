using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Ina219
{
    /// <summary>The INA219 model's own datasheet behaviour, through raw I2C transfers.</summary>
    [TestClass]
    public class Ina219ModelTests
    {
        [TestMethod]
        public void CalibrationBit0_ReadsBackZero()
        {
            var model = new Ina219Model(new ManualClock(), new FixedSignals(), new ChipFaults(), 0.1);

            Assert.AreEqual(BusStatus.Ok, WriteRegister(model, 0x05, 0x1235));

            Assert.AreEqual(0x1234, ReadRegister(model, 0x05));
        }

        [TestMethod]
        public void ResetBit_RestoresPowerOnValues()
        {
            var model = new Ina219Model(new ManualClock(), new FixedSignals(), new ChipFaults(), 0.1);
            WriteRegister(model, 0x05, 0x1000);
            WriteRegister(model, 0x00, 0x019F);

            WriteRegister(model, 0x00, 0x8000);

            Assert.AreEqual(0x399F, ReadRegister(model, 0x00));
            Assert.AreEqual(0, ReadRegister(model, 0x05));
        }

        [TestMethod]
        public void PowerDownMode_ConvertsNothing()
        {
            var clock = new ManualClock();
            var signals = new FixedSignals();
            signals.CurrentA = 1.0;
            var model = new Ina219Model(clock, signals, new ChipFaults(), 0.1);
            WriteRegister(model, 0x00, 0x3998);

            clock.AdvanceMs(100);

            Assert.AreEqual(0, ReadRegister(model, 0x01));
            Assert.AreEqual(0, ReadRegister(model, 0x02) & 0x2);
        }

        [TestMethod]
        public void WithoutCalibration_CurrentAndPowerStayZero()
        {
            // §8.5.3: the Current and Power registers need a programmed calibration; the shunt register does not.
            var clock = new ManualClock();
            var signals = new FixedSignals();
            signals.CurrentA = 1.0;
            var model = new Ina219Model(clock, signals, new ChipFaults(), 0.1);

            clock.AdvanceMs(10);

            Assert.AreEqual(10000, ReadRegister(model, 0x01));
            Assert.AreEqual(0, ReadRegister(model, 0x04));
            Assert.AreEqual(0, ReadRegister(model, 0x03));
        }

        [TestMethod]
        public void Unplugged_NacksAndChangesNothing()
        {
            var faults = new ChipFaults();
            var model = new Ina219Model(new ManualClock(), new FixedSignals(), faults, 0.1);
            faults.Unplugged = true;

            Assert.AreEqual(BusStatus.Nack, WriteRegister(model, 0x05, 0x1000));

            faults.Unplugged = false;
            Assert.AreEqual(0, ReadRegister(model, 0x05));
        }

        private static BusStatus WriteRegister(Ina219Model model, int register, int value)
        {
            byte[] frame = { (byte)register, (byte)(value >> 8), (byte)value };
            return model.Write(frame, 0, 3);
        }

        private static int ReadRegister(Ina219Model model, int register)
        {
            byte[] pointer = { (byte)register };
            byte[] data = new byte[2];
            Assert.AreEqual(BusStatus.Ok, model.WriteRead(pointer, 0, 1, data, 0, 2));
            return (data[0] << 8) | data[1];
        }
    }
}
