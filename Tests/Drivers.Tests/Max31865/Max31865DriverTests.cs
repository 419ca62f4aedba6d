using SensorNode.Drivers.Max31865;
using SensorNode.Drivers.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Max31865
{
    [TestClass]
    public class Max31865DriverTests
    {
        // Thresholds for a PT100 on 430 Ω: high = 32767 - 64 = 32703 → FF7Eh; low = 32768 × 10 Ω / 430 Ω = 762 → 05F4h.
        [TestMethod]
        [DataRow(4, 50, 0xC3)] // VBIAS, automatic, fault clear, 50 Hz
        [DataRow(3, 60, 0xD2)] // VBIAS, automatic, 3-wire, fault clear, 60 Hz
        [DataRow(2, 60, 0xC2)] // 2-wire shares the 4-wire setting
        public void Initialize_WritesThresholdsThenConfiguration(int wiring, int mainsHz, int expectedConfiguration)
        {
            var rig = new Max31865Rig(RtdElement.Pt100, 430, (RtdWiring)wiring, mainsHz, Max31865ConversionMode.Automatic);

            SensorStatus status = rig.Driver.Initialize();

            Assert.AreEqual(SensorStatus.Ok, status);
            int[] expected =
            {
                0x03, 0xFF, 0x04, 0x7E, // high fault threshold
                0x05, 0x05, 0x06, 0xF4, // low fault threshold
                0x00, expectedConfiguration,
            };
            Assert.AreEqual(expected.Length / 2, rig.Model.WriteLog.Count);
            for (int i = 0; i < expected.Length / 2; i++)
            {
                Assert.AreEqual(expected[2 * i], rig.Model.WriteLog.Register(i), "register of write " + i);
                Assert.AreEqual(expected[2 * i + 1], rig.Model.WriteLog.Value(i), "value of write " + i);
            }

            // Threshold burst, configuration, one 7-byte read-back.
            Assert.AreEqual(3, rig.Model.TransactionCount);
            Assert.AreEqual(32703, rig.Driver.HighThresholdCode);
            Assert.AreEqual(762, rig.Driver.LowThresholdCode);
        }

        /// <summary>PT100 on 430 Ω: one code is 13.1 mΩ, about 0.034 °C, so rounding alone costs up to 0.017 °C.</summary>
        [TestMethod]
        [DataRow(-50.0)]
        [DataRow(-12.34)]
        [DataRow(0.0)]
        [DataRow(25.0)]
        [DataRow(100.0)]
        [DataRow(187.65)]
        [DataRow(250.0)]
        public void Pt100_ReadsTemperatureWithin5CentiC(double temperatureC)
        {
            var rig = new Max31865Rig();
            rig.Signals.TemperatureC = temperatureC;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            SensorStatus status = rig.Driver.Read();

            Assert.AreEqual(SensorStatus.Ok, status);
            AssertWithin5CentiC(temperatureC, rig.Driver.TemperatureCentiC);
        }

        [TestMethod]
        [DataRow(-50.0)]
        [DataRow(60.5)]
        [DataRow(250.0)]
        public void Pt1000_ReadsTemperatureWithin5CentiC(double temperatureC)
        {
            var rig = new Max31865Rig(RtdElement.Pt1000, 4300, RtdWiring.TwoWire, 60, Max31865ConversionMode.Automatic);
            rig.Signals.TemperatureC = temperatureC;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            AssertWithin5CentiC(temperatureC, rig.Driver.TemperatureCentiC);
        }

        [TestMethod]
        public void Resistance_IsCodeTimesReferenceOver2To15()
        {
            // 138.51 Ω on 430 Ω: code = round(138.51 / 430 × 32768) = 10555; R = 10555 × 430 000 / 32768 = 138 508.6, so 138 509 mΩ.
            var rig = new Max31865Rig();
            rig.Model.FixedResistanceOhms = 138.51;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual(10555, rig.Driver.RtdCode);
            Assert.AreEqual(138509, rig.Driver.ResistanceMilliohms);
            AssertWithin5CentiC(100.0, rig.Driver.TemperatureCentiC);
        }

        [TestMethod]
        [DataRow(50, 0x01)]
        [DataRow(60, 0x00)]
        public void OneShot_BiasOnThenTriggerThenBiasOff(int mainsHz, int filterBit)
        {
            var rig = new Max31865Rig(RtdElement.Pt100, 430, RtdWiring.FourWire, mainsHz, Max31865ConversionMode.OneShot);
            rig.Signals.TemperatureC = 42.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.WriteLog.Clear();
            long startUs = rig.Clock.MonotonicUs;

            SensorStatus status = rig.Driver.Read();

            Assert.AreEqual(SensorStatus.Ok, status);
            AssertWithin5CentiC(42.0, rig.Driver.TemperatureCentiC);
            Assert.AreEqual(3, rig.Model.WriteLog.Count);
            Assert.AreEqual(0x80 | filterBit, rig.Model.WriteLog.Value(0));        // VBIAS on
            Assert.AreEqual(0x80 | 0x20 | filterBit, rig.Model.WriteLog.Value(1)); // 1-shot
            Assert.AreEqual(filterBit, rig.Model.WriteLog.Value(2));               // VBIAS off

            // The driver waited for the bias (10.5 time constants of the input filter, 0.56 ms with 100 nF) and the whole
            // conversion (62.5 ms at 50 Hz, 52 ms at 60 Hz).
            long waitedUs = rig.Clock.MonotonicUs - startUs;
            Assert.IsTrue(waitedUs >= (mainsHz == 50 ? 62500 : 52000) + 560);
        }

        [TestMethod]
        public void Read_BeforeInitialize_IsNotReadyAndSendsNothing()
        {
            var rig = new Max31865Rig();

            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.Read());
            Assert.AreEqual(0, rig.Model.TransactionCount);
        }

        [TestMethod]
        public void Nack_IsBusError()
        {
            var rig = new Max31865Rig();
            rig.Faults.Unplugged = true;
            Assert.AreEqual(SensorStatus.BusError, rig.Driver.Initialize());

            rig.Faults.Unplugged = false;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();
            rig.Faults.Unplugged = true;
            Assert.AreEqual(SensorStatus.BusError, rig.Driver.Read());
            Assert.AreEqual(SensorStatus.BusError, rig.Driver.RunFaultDetection());
        }

        [TestMethod]
        [DataRow((byte)0x00)]
        [DataRow((byte)0xFF)]
        public void EmptyChipSelect_IsNotPresent(byte misoLevel)
        {
            var clock = new ManualClock();
            var driver = new Max31865Driver(new ConstantBus(misoLevel), clock.AdvanceMs, RtdElement.Pt100, 430000, RtdWiring.FourWire, 50);

            Assert.AreEqual(SensorStatus.NotPresent, driver.Initialize());
            Assert.AreEqual(SensorStatus.NotReady, driver.Read());
        }

        [TestMethod]
        [DataRow(-210.0, -20000)]
        [DataRow(870.0, 85000)]
        public void OutsideTheStandardsRange_IsOutOfRangeAndClamped(double temperatureC, int expectedCentiC)
        {
            var rig = new Max31865Rig();
            rig.Signals.TemperatureC = temperatureC;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.OutOfRange, rig.Driver.Read());
            Assert.AreEqual(expectedCentiC, rig.Driver.TemperatureCentiC);
            Assert.AreEqual((int)Max31865Faults.None, (int)rig.Driver.LastFaults);
        }

        [TestMethod]
        public void StuckChip_KeepsReportingTheFrozenTemperature()
        {
            var rig = new Max31865Rig();
            rig.Signals.TemperatureC = 30.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.WaitForConversion();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());

            rig.Faults.Stuck = true;
            rig.Signals.TemperatureC = 80.0;
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            AssertWithin5CentiC(30.0, rig.Driver.TemperatureCentiC);
        }

        private static void AssertWithin5CentiC(double expectedC, int actualCentiC)
        {
            double error = actualCentiC - expectedC * 100.0;
            Assert.IsTrue(error >= -5.0 && error <= 5.0, "expected " + expectedC + " °C, got " + actualCentiC + " centi-°C");
        }
    }
}
