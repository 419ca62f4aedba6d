using SensorNode.Drivers.Ina219;
using SensorNode.Drivers.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Ina219
{
    [TestClass]
    public class Ina219DriverTests
    {
        [TestMethod]
        public void Initialize_ResetsThenWritesCalibrationThenConfiguration()
        {
            var rig = new Ina219Rig(100, 2000, Ina219BusRange.Volts32, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);

            SensorStatus status = rig.Driver.Initialize();

            Assert.AreEqual(SensorStatus.Ok, status);
            int[] expected =
            {
                0x00, 0x8000, // configuration: reset (RST, D15)
                0x05, 0x1000, // calibration 4096
                0x00, 0x399F, // 32 V, /8, 12-bit both, shunt and bus continuous
            };
            Assert.AreEqual(expected.Length / 2, rig.Model.WriteLog.Count);
            for (int i = 0; i < expected.Length / 2; i++)
            {
                Assert.AreEqual(expected[2 * i], rig.Model.WriteLog.Register(i), "register of write " + i);
                Assert.AreEqual(expected[2 * i + 1], rig.Model.WriteLog.Value(i), "value of write " + i);
            }

            // Three writes, then reads of configuration (after reset), calibration and configuration.
            Assert.AreEqual(6, rig.Model.TransactionCount);
        }

        /// <summary>
        /// Datasheet SBOS448G "Configure/Measure/Calculate Example" (Table, steps 1-6): 10 A through 2 mΩ, 12 V common
        /// mode (11.98 V at IN-), 16 V and 40 mV ranges. Configuration 019Fh, shunt 07D0h (20 mV), bus 0BB3h × 4 mV
        /// (11.98 V), calibration 5000h, current 2710h (10.0 A), power 1766h = 5990 × 20 mW (119.8 W).
        /// </summary>
        [TestMethod]
        public void DatasheetWorkedExample_ReproducesEveryRegisterAndValue()
        {
            var rig = new Ina219Rig(2, 20000, Ina219BusRange.Volts16, Ina219ShuntRange.Millivolts40, Ina219Adc.Bits12);
            rig.Signals.CurrentA = 10.0;
            rig.Signals.SupplyV = 11.98;

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(0x019F, rig.Driver.Configuration);
            Assert.AreEqual(0x019F, rig.Model.RegisterValue(0x00));
            Assert.AreEqual(0x07D0, rig.Model.RegisterValue(0x01));
            Assert.AreEqual(0x0BB3, rig.Model.RegisterValue(0x02) >> 3);
            Assert.AreEqual(0x1766, rig.Model.RegisterValue(0x03));
            Assert.AreEqual(0x2710, rig.Model.RegisterValue(0x04));
            Assert.AreEqual(0x5000, rig.Model.RegisterValue(0x05));

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(2000, rig.Driver.ShuntVoltage10Uv);
            Assert.AreEqual(11980, rig.Driver.BusVoltageMv);
            Assert.AreEqual(10000, rig.Driver.CurrentMa);
            Assert.AreEqual(119800, rig.Driver.PowerMw);
        }

        [TestMethod]
        public void Read_BeforeInitialize_IsNotReadyAndSendsNothing()
        {
            var rig = new Ina219Rig(100, 2000, Ina219BusRange.Volts32, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);

            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.Read());
            Assert.AreEqual(0, rig.Model.TransactionCount);
        }

        [TestMethod]
        public void Read_WithoutANewConversion_IsNotReady()
        {
            var rig = new Ina219Rig(100, 2000, Ina219BusRange.Volts32, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);
            rig.Signals.CurrentA = 1.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());

            // 12-bit shunt + bus take 1.064 ms: nothing has converted yet.
            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.Read());

            rig.Clock.AdvanceUs(1064);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(1000, rig.Driver.CurrentMa);

            // Reading Power cleared CNVR: the same conversion is not reported twice.
            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.Read());
            rig.Signals.CurrentA = 2.0;
            rig.Clock.AdvanceUs(1064);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(2000, rig.Driver.CurrentMa);
        }

        // 100 mΩ shunt, the largest current each PGA range takes (range / R), a current at about 90 % of it.
        // Expected register and Current_LSB: 40 mV → 400 mA max → 20 µA; 80 mV → 50 µA; 160 mV → 50 µA; 320 mV → 100 µA.
        [TestMethod]
        [DataRow(0, 400, 0.300, 3000, 20, 300)]
        [DataRow(1, 800, 0.700, 7000, 50, 700)]
        [DataRow(2, 1600, 1.500, 15000, 50, 1500)]
        [DataRow(3, 3200, 3.100, 31000, 100, 3100)]
        [DataRow(2, 1600, -1.500, -15000, 50, -1500)]
        public void ShuntRanges_ScaleShuntVoltageAndCurrent(
            int shuntRange, int maxExpectedMa, double currentA, int expectedShunt10Uv, int expectedLsbUa, int expectedCurrentMa)
        {
            var rig = new Ina219Rig(100, maxExpectedMa, Ina219BusRange.Volts32, (Ina219ShuntRange)shuntRange, Ina219Adc.Bits12);
            rig.Signals.CurrentA = currentA;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            SensorStatus status = rig.Driver.Read();

            Assert.AreEqual(SensorStatus.Ok, status);
            Assert.AreEqual(expectedLsbUa, rig.Driver.CurrentLsbUa);
            Assert.AreEqual(expectedShunt10Uv, rig.Driver.ShuntVoltage10Uv);
            Assert.AreEqual(expectedCurrentMa, rig.Driver.CurrentMa);
        }

        [TestMethod]
        [DataRow(0, 12.0, 12000)]
        [DataRow(0, 15.996, 15996)]
        [DataRow(1, 24.5, 24500)]
        [DataRow(1, 0.004, 4)]
        public void BusRanges_ScaleIn4mVSteps(int busRange, double supplyV, int expectedMv)
        {
            var rig = new Ina219Rig(100, 2000, (Ina219BusRange)busRange, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);
            rig.Signals.SupplyV = supplyV;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(expectedMv, rig.Driver.BusVoltageMv);
        }

        [TestMethod]
        [DataRow(0x0, 0x0007)]
        [DataRow(0x3, 0x019F)]
        [DataRow(0x9, 0x04CF)]
        [DataRow(0xF, 0x07FF)]
        public void AdcSetting_GoesToBothAdcFields(int adc, int expectedConfiguration)
        {
            var rig = new Ina219Rig(2, 20000, Ina219BusRange.Volts16, Ina219ShuntRange.Millivolts40, (Ina219Adc)adc);
            rig.Signals.CurrentA = 5.0;

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            Assert.AreEqual(expectedConfiguration, rig.Model.RegisterValue(0x00));
            rig.WaitForConversion();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(5000, rig.Driver.CurrentMa);
        }

        [TestMethod]
        public void BusAboveItsRange_IsOutOfRange()
        {
            var rig = new Ina219Rig(100, 2000, Ina219BusRange.Volts16, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);
            rig.Signals.SupplyV = 18.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.OutOfRange, rig.Driver.Read());
            Assert.AreEqual(16000, rig.Driver.BusVoltageMv);
        }

        [TestMethod]
        public void ShuntBeyondThePgaRange_IsOutOfRange()
        {
            // 600 mA through 100 mΩ is 60 mV, beyond the 40 mV range: the ADC saturates at 4000 × 10 µV.
            var rig = new Ina219Rig(100, 400, Ina219BusRange.Volts32, Ina219ShuntRange.Millivolts40, Ina219Adc.Bits12);
            rig.Signals.CurrentA = 0.6;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.OutOfRange, rig.Driver.Read());
            Assert.AreEqual(4000, rig.Driver.ShuntVoltage10Uv);
        }

        [TestMethod]
        public void MathOverflowFlag_IsOutOfRange()
        {
            // Calibrated for 1 A (50 µA LSB, Cal 8192) but 3 A flows: Current = 30000 × 8192 / 4096 > 32767, so OVF.
            var rig = new Ina219Rig(100, 1000, Ina219BusRange.Volts32, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);
            rig.Signals.CurrentA = 3.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(1, rig.Model.RegisterValue(0x02) & 0x1);
            Assert.AreEqual(SensorStatus.OutOfRange, rig.Driver.Read());
        }

        [TestMethod]
        public void Nack_IsBusError()
        {
            var rig = new Ina219Rig(100, 2000, Ina219BusRange.Volts32, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);
            rig.Faults.Unplugged = true;
            Assert.AreEqual(SensorStatus.BusError, rig.Driver.Initialize());

            rig.Faults.Unplugged = false;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();
            rig.Faults.Unplugged = true;
            Assert.AreEqual(SensorStatus.BusError, rig.Driver.Read());

            rig.Faults.Unplugged = false;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
        }

        [TestMethod]
        [DataRow((byte)0x00)]
        [DataRow((byte)0xFF)]
        [DataRow((byte)0x41)]
        public void AnotherPartAnswering_IsNotPresent(byte fill)
        {
            var driver = new Ina219Driver(new ConstantBus(fill), 100, 2000);

            Assert.AreEqual(SensorStatus.NotPresent, driver.Initialize());
            Assert.AreEqual(SensorStatus.NotReady, driver.Read());
        }

        [TestMethod]
        public void ChipResetBehindTheDriversBack_IsReprogrammed()
        {
            var rig = new Ina219Rig(2, 20000, Ina219BusRange.Volts16, Ina219ShuntRange.Millivolts40, Ina219Adc.Bits12);
            rig.Signals.CurrentA = 4.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());

            // A brown-out: the chip is back at its power-on values, calibration 0.
            byte[] reset = { 0x00, 0x80, 0x00 };
            rig.Model.Write(reset, 0, 3);
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.Read());
            Assert.AreEqual(1, rig.Driver.Reprograms);
            Assert.AreEqual(0x5000, rig.Model.RegisterValue(0x05));
            Assert.AreEqual(0x019F, rig.Model.RegisterValue(0x00));

            rig.WaitForConversion();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(4000, rig.Driver.CurrentMa);
        }

        [TestMethod]
        public void StuckChip_KeepsReportingTheFrozenMeasurement()
        {
            var rig = new Ina219Rig(100, 2000, Ina219BusRange.Volts32, Ina219ShuntRange.Millivolts320, Ina219Adc.Bits12);
            rig.Signals.CurrentA = 1.25;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());

            rig.Faults.Stuck = true;
            rig.Signals.CurrentA = 0.5;
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(1250, rig.Driver.CurrentMa);
        }
    }
}
