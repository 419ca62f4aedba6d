using SensorNode.Core.Node;
using SensorNode.Drivers.Adxl345;
using SensorNode.Drivers.Max31865;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Node
{
    /// <summary>
    /// The node's front end over the real ADXL345 and MAX31865 drivers and their chip models: first start, a sensor
    /// unplugged and plugged back, and a part that came back in standby.
    /// </summary>
    [TestClass]
    public class DriverSensorFrontEndTests
    {
        // 16 frames at 3200 Hz: one FIFO watermark.
        private const long WatermarkUs = 5000;

        [TestMethod]
        [DataRow(0)]
        [DataRow(32)]
        public void SettingsTheAccelerometerRefusesAreRefusedAtConstruction(int watermark)
        {
            AssertThrows.Exactly(typeof(System.ArgumentOutOfRangeException), () => new DriverSensorFrontEnd(null,
                Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, watermark, null, null, new ManualClock()));
            AssertThrows.Exactly(typeof(System.ArgumentOutOfRangeException), () => new DriverSensorFrontEnd(null,
                (Adxl345Range)9, Adxl345DataRate.Rate3200Hz, 16, null, null, new ManualClock()));
        }

        [TestMethod]
        public void ReadVibration_FirstCall_StartsThePartThenDeliversFrames()
        {
            var clock = new ManualClock();
            var faults = new ChipFaults();
            var frontEnd = Accelerometer(clock, faults, out Adxl345Model chip);
            short[] counts = new short[3 * 32];

            Assert.AreEqual(SensorReadStatus.NotReady, frontEnd.ReadVibration(counts, 0, 32, out int frames));
            Assert.AreEqual(0, frames);
            Assert.AreEqual(1, frontEnd.AccelerometerStarts);
            Assert.AreEqual(3200, frontEnd.VibrationSampleRateHz);

            clock.AdvanceUs(WatermarkUs);
            Assert.AreEqual(SensorReadStatus.Ok, frontEnd.ReadVibration(counts, 0, 32, out frames));
            Assert.AreEqual(16, frames);
            Assert.AreEqual((short)256, counts[3 * 15 + 2]);
        }

        [TestMethod]
        public void ReadVibration_UnpluggedPart_ReportsBusErrorOnEveryTickAndRestartsWhenPluggedBack()
        {
            var clock = new ManualClock();
            var faults = new ChipFaults();
            var frontEnd = Accelerometer(clock, faults, out Adxl345Model chip);
            short[] counts = new short[3 * 32];
            frontEnd.ReadVibration(counts, 0, 32, out int frames);

            faults.Unplugged = true;
            clock.AdvanceUs(WatermarkUs);
            Assert.AreEqual(SensorReadStatus.BusError, frontEnd.ReadVibration(counts, 0, 32, out frames));

            // Between restart attempts (one per second) every read still says what is wrong, not merely "not ready".
            clock.AdvanceUs(WatermarkUs);
            Assert.AreEqual(SensorReadStatus.BusError, frontEnd.ReadVibration(counts, 0, 32, out frames));
            faults.Unplugged = false;
            clock.AdvanceUs(WatermarkUs);
            Assert.AreEqual(SensorReadStatus.BusError, frontEnd.ReadVibration(counts, 0, 32, out frames));
            Assert.AreEqual(1, frontEnd.AccelerometerStarts);

            clock.AdvanceMs(DriverSensorFrontEnd.RetryIntervalMs);
            Assert.AreEqual(SensorReadStatus.NotReady, frontEnd.ReadVibration(counts, 0, 32, out frames));
            Assert.AreEqual(2, frontEnd.AccelerometerStarts);

            // The part kept sampling while the bus was cut and overran; the flag goes with the first batch read.
            clock.AdvanceUs(WatermarkUs);
            SensorReadStatus status = frontEnd.ReadVibration(counts, 0, 32, out frames);
            Assert.IsTrue(status == SensorReadStatus.Ok || status == SensorReadStatus.Overrun, "first batch: " + (int)status);
            Assert.AreEqual(16, frames);
        }

        [TestMethod]
        public void ReadVibration_PartBackInStandby_IsRestartedOnceItHasDeliveredNothingForTheStallTime()
        {
            var clock = new ManualClock();
            var faults = new ChipFaults();
            var frontEnd = Accelerometer(clock, faults, out Adxl345Model chip);
            short[] counts = new short[3 * 32];
            frontEnd.ReadVibration(counts, 0, 32, out int frames);
            clock.AdvanceUs(WatermarkUs);
            frontEnd.ReadVibration(counts, 0, 32, out frames);

            // A power glitch on the sensor: it answers again, in standby (POWER_CTL = 0), and samples nothing.
            chip.Write(new byte[] { 0x2D, 0x00 }, 0, 2);
            clock.AdvanceUs(WatermarkUs);
            Assert.AreEqual(SensorReadStatus.Ok, frontEnd.ReadVibration(counts, 0, 32, out frames));
            Assert.AreEqual(0, frames);

            long stallUs = DriverSensorFrontEnd.StallFrames * 1000000L / 3200;
            clock.AdvanceUs(stallUs + 1000);
            Assert.AreEqual(SensorReadStatus.NotReady, frontEnd.ReadVibration(counts, 0, 32, out frames));

            clock.AdvanceMs(DriverSensorFrontEnd.RetryIntervalMs);
            frontEnd.ReadVibration(counts, 0, 32, out frames);
            Assert.AreEqual(2, frontEnd.AccelerometerStarts);
            clock.AdvanceUs(WatermarkUs);
            Assert.AreEqual(SensorReadStatus.Ok, frontEnd.ReadVibration(counts, 0, 32, out frames));
            Assert.AreEqual(16, frames);
        }

        [TestMethod]
        public void ReadTemperature_FirstStartWaitsOneRead_ThenReadsTheProbe()
        {
            var clock = new ManualClock();
            var signals = new FixedSignals();
            signals.TemperatureC = 42.5;
            var faults = new ChipFaults();
            var frontEnd = Temperature(clock, signals, faults);

            Assert.AreEqual(SensorReadStatus.NotReady, frontEnd.ReadTemperature(out int tempCentiC));
            Assert.AreEqual(1, frontEnd.TemperatureStarts);

            clock.AdvanceMs(100);
            Assert.AreEqual(SensorReadStatus.Ok, frontEnd.ReadTemperature(out tempCentiC));
            Assert.IsTrue(tempCentiC >= 4249 && tempCentiC <= 4251, "read " + tempCentiC + " centi-°C at 42.5 °C");
        }

        [TestMethod]
        public void ReadTemperature_UnpluggedProbe_ReportsBusErrorThenReadsInTheSameCallOncePluggedBack()
        {
            var clock = new ManualClock();
            var faults = new ChipFaults();
            var frontEnd = Temperature(clock, new FixedSignals(), faults);
            frontEnd.ReadTemperature(out int tempCentiC);
            clock.AdvanceMs(100);
            frontEnd.ReadTemperature(out tempCentiC);

            faults.Unplugged = true;
            clock.AdvanceMs(1000);
            Assert.AreEqual(SensorReadStatus.BusError, frontEnd.ReadTemperature(out tempCentiC));
            clock.AdvanceMs(1000);
            Assert.AreEqual(SensorReadStatus.BusError, frontEnd.ReadTemperature(out tempCentiC));

            faults.Unplugged = false;
            clock.AdvanceMs(1000);
            Assert.AreEqual(SensorReadStatus.Ok, frontEnd.ReadTemperature(out tempCentiC));
            Assert.AreEqual(2, frontEnd.TemperatureStarts);
            Assert.IsTrue(tempCentiC >= 2499 && tempCentiC <= 2501, "read " + tempCentiC + " centi-°C at 25 °C");
        }

        [TestMethod]
        public void Reads_OfSensorsNotFitted_ReturnNotFitted()
        {
            var frontEnd = new DriverSensorFrontEnd(null, Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16, null, null,
                new ManualClock());
            short[] counts = new short[3 * 32];

            Assert.AreEqual(SensorReadStatus.NotFitted, frontEnd.ReadVibration(counts, 0, 32, out int frames));
            Assert.AreEqual(SensorReadStatus.NotFitted, frontEnd.ReadTemperature(out int tempCentiC));
            Assert.AreEqual(SensorReadStatus.NotFitted, frontEnd.ReadCurrent(out int currentMa));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        public void ToReadStatus_KeepsEachDriverStatusItsValue(int status)
        {
            Assert.AreEqual(status, (int)DriverSensorFrontEnd.ToReadStatus((SensorStatus)status));
        }

        private static DriverSensorFrontEnd Accelerometer(ManualClock clock, ChipFaults faults, out Adxl345Model chip)
        {
            chip = new Adxl345Model(clock, new FixedSignals(), faults, Adxl345ModelFraming.Spi);
            return new DriverSensorFrontEnd(new Adxl345Driver(chip, Adxl345Framing.Spi, clock), Adxl345Range.PlusMinus16G,
                Adxl345DataRate.Rate3200Hz, 16, null, null, clock);
        }

        private static DriverSensorFrontEnd Temperature(ManualClock clock, FixedSignals signals, ChipFaults faults)
        {
            var chip = new Max31865Model(clock, signals, faults, 100, 430);
            var driver = new Max31865Driver(chip, clock.AdvanceMs, RtdElement.Pt100, 430000, RtdWiring.FourWire, 50);
            return new DriverSensorFrontEnd(null, Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16, driver, null, clock);
        }
    }
}
