using SensorNode.Core.Node;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Node
{
    /// <summary>
    /// The front end with a switched sensor rail, over the real drivers and the chip models on that rail: the rail goes off
    /// after the ADXL345's standby and on before any part is addressed, the power-cycled chips are re-initialised and read
    /// correctly again, and without a rail nothing changes.
    /// </summary>
    [TestClass]
    public class DriverSensorFrontEndRailTests
    {
        // ADXL345 registers (datasheet register map) and MAX31865 registers (Table 1).
        private const int BwRate = 0x2C;
        private const int PowerCtl = 0x2D;
        private const int DataFormat = 0x31;
        private const int FifoCtl = 0x38;
        private const int Configuration = 0x00;
        private const int HighThresholdMsb = 0x03;
        private const int LowThresholdMsb = 0x05;

        [TestMethod]
        public void Construction_SwitchesTheRailOn_AndNoPartIsAddressedBeforeItsStartUpTime()
        {
            var rig = new SensorRailRig(true);
            short[] counts = new short[3 * 32];

            Assert.IsTrue(rig.Rail.IsOn);
            Assert.AreEqual(1, rig.Rail.SwitchOnCount);
            Assert.AreEqual(SensorReadStatus.NotReady, rig.FrontEnd.ReadVibration(counts, 0, 32, out int frames));
            Assert.AreEqual(SensorReadStatus.NotReady, rig.FrontEnd.ReadTemperature(out int tempCentiC));
            Assert.AreEqual(0, rig.AccelerometerBus.Transfers);
            Assert.AreEqual(0, rig.RtdBus.Transfers);

            rig.RunTicks(100);
            Assert.IsTrue(rig.Frames > 250, "frames " + rig.Frames);
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadTemperature(out tempCentiC));
            Assert.AreEqual(0, rig.AccelerometerBus.EarlyTransfers + rig.RtdBus.EarlyTransfers);
            Assert.AreEqual(0, rig.AccelerometerBus.UnpoweredTransfers + rig.RtdBus.UnpoweredTransfers);
        }

        [TestMethod]
        public void SetActiveFalse_PutsTheAccelerometerInStandby_ThenSwitchesTheRailOff()
        {
            var rig = new SensorRailRig(true);
            rig.RunTicks(100);
            int transfersBefore = rig.AccelerometerBus.Transfers;

            rig.FrontEnd.SetActive(false);

            Assert.IsFalse(rig.Rail.IsOn);
            Assert.AreEqual(transfersBefore + 1, rig.AccelerometerBus.Transfers);
            Assert.AreEqual(0, rig.AccelerometerBus.UnpoweredTransfers);

            // The standby write reached a powered part: it is the last write the chip logged.
            int last = rig.AccelerometerChip.WriteLog.Count - 1;
            Assert.AreEqual(PowerCtl, rig.AccelerometerChip.WriteLog.Register(last));
            Assert.AreEqual(0, rig.AccelerometerChip.WriteLog.Value(last));
        }

        [TestMethod]
        public void SetActiveTrue_SwitchesTheRailOn_AndTheChipsAreAtTheirPowerOnValuesUntilReinitialised()
        {
            var rig = new SensorRailRig(true);
            rig.RunTicks(100);
            rig.FrontEnd.ReadTemperature(out int tempCentiC);
            Assert.AreEqual(0x0F, rig.AccelerometerChip.RegisterValue(BwRate));
            Assert.AreEqual(0xC1, rig.RtdChip.RegisterValue(Configuration));

            rig.Sleep(60000);

            Assert.IsTrue(rig.Rail.IsOn);
            Assert.AreEqual(2, rig.Rail.SwitchOnCount);
            Assert.AreEqual(0x0A, rig.AccelerometerChip.RegisterValue(BwRate));
            Assert.AreEqual(0, rig.AccelerometerChip.RegisterValue(PowerCtl));
            Assert.AreEqual(0, rig.AccelerometerChip.RegisterValue(DataFormat));
            Assert.AreEqual(0, rig.AccelerometerChip.RegisterValue(FifoCtl));
            Assert.AreEqual(0, rig.RtdChip.RegisterValue(Configuration));
            Assert.AreEqual(0xFF, rig.RtdChip.RegisterValue(HighThresholdMsb));
            Assert.AreEqual(0xFF, rig.RtdChip.RegisterValue(HighThresholdMsb + 1));
            Assert.AreEqual(0, rig.RtdChip.RegisterValue(LowThresholdMsb));

            rig.RunTicks(20);
            Assert.AreEqual(0x0F, rig.AccelerometerChip.RegisterValue(BwRate));
            Assert.AreEqual(0x08, rig.AccelerometerChip.RegisterValue(PowerCtl));
            Assert.AreEqual(0xC1, rig.RtdChip.RegisterValue(Configuration));
            Assert.AreEqual(0, rig.AccelerometerBus.EarlyTransfers + rig.RtdBus.EarlyTransfers);
            Assert.AreEqual(0, rig.AccelerometerBus.UnpoweredTransfers + rig.RtdBus.UnpoweredTransfers);
        }

        [TestMethod]
        public void AfterARailCycle_ReadingsAreCorrectWithinAShortBurst()
        {
            var rig = new SensorRailRig(true);
            rig.SetCurrentRmsA(10.0);
            rig.RunTicks(1000);
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadTemperature(out int tempCentiC));
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadCurrent(out int currentMa));

            // The bearing cooled and the load changed while the node slept: stale values would show.
            rig.Signals.TemperatureC = 30.0;
            rig.SetCurrentRmsA(4.0);
            rig.Sleep(600000);
            rig.RunTicks(250);

            Assert.AreEqual(2, rig.FrontEnd.AccelerometerStarts);
            Assert.AreEqual(2, rig.FrontEnd.TemperatureStarts);
            Assert.IsTrue(rig.Frames >= 700, "frames in 250 ms at 3200 Hz: " + rig.Frames);
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadTemperature(out tempCentiC));
            Assert.IsTrue(tempCentiC >= 2999 && tempCentiC <= 3001, "read " + tempCentiC + " centi-°C at 30 °C");
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadCurrent(out currentMa));
            Assert.IsTrue(currentMa >= 3982 && currentMa <= 4018, "read " + currentMa + " mA at 4 A");
        }

        [TestMethod]
        public void AfterARailCycle_TheMax31865StartsEarly_AndIsReadOnlyOnceAConversionHasSettled()
        {
            var rig = new SensorRailRig(true);
            rig.RunTicks(100);
            rig.FrontEnd.ReadTemperature(out int tempCentiC);
            rig.Sleep(60000);

            // Started by the first tick after the rail's start-up time, before any temperature read.
            rig.RunTicks(DriverSensorFrontEnd.RailStartUpMs + 5);
            Assert.AreEqual(2, rig.FrontEnd.TemperatureStarts);

            // Its first settled conversion is not due yet (a read now would see the power-on RTD data, 0000h).
            Assert.AreEqual(SensorReadStatus.NotReady, rig.FrontEnd.ReadTemperature(out tempCentiC));

            rig.RunTicks(DriverSensorFrontEnd.TemperatureSettleMs);
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadTemperature(out tempCentiC));
            Assert.IsTrue(tempCentiC >= 4249 && tempCentiC <= 4251, "read " + tempCentiC + " centi-°C at 42.5 °C");
        }

        [TestMethod]
        public void AfterARailCycle_TheCurrentIgnoresTheBiasCapacitorCharging()
        {
            // No current at all: anything read is the bias ramp after switch-on.
            var rig = new SensorRailRig(true);
            rig.RunTicks(1000);
            rig.FrontEnd.ReadCurrent(out int currentMa);
            rig.Sleep(60000);
            rig.RunTicks(250);

            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadCurrent(out currentMa));
            Assert.IsTrue(currentMa <= 10, "read " + currentMa + " mA with no current");
        }

        [TestMethod]
        public void ARailCycleDuringAnRtdFault_ReportsTheFaultAgain_ThenRecoversWhenTheProbeIsMended()
        {
            var rig = new SensorRailRig(true);
            rig.RtdChip.RtdOpen = true;
            rig.RunTicks(100);
            Assert.AreEqual(SensorReadStatus.OpenCircuit, rig.FrontEnd.ReadTemperature(out int tempCentiC));

            rig.Sleep(60000);
            rig.RunTicks(250);
            Assert.AreEqual(SensorReadStatus.OpenCircuit, rig.FrontEnd.ReadTemperature(out tempCentiC));

            rig.RtdChip.RtdOpen = false;
            rig.RunTicks(1000);
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadTemperature(out tempCentiC));
            Assert.IsTrue(tempCentiC >= 4249 && tempCentiC <= 4251, "read " + tempCentiC + " centi-°C at 42.5 °C");
        }

        [TestMethod]
        public void AReadWhileTheRailIsOff_SwitchesItOn_AndWaitsForTheStartUpTime()
        {
            var rig = new SensorRailRig(true);
            rig.RunTicks(100);
            rig.FrontEnd.SetActive(false);
            int transfers = rig.AccelerometerBus.Transfers;
            short[] counts = new short[3 * 32];

            Assert.AreEqual(SensorReadStatus.NotReady, rig.FrontEnd.ReadVibration(counts, 0, 32, out int frames));
            Assert.IsTrue(rig.Rail.IsOn);
            Assert.AreEqual(transfers, rig.AccelerometerBus.Transfers);

            rig.RunTicks(100);
            Assert.IsTrue(rig.Frames > 250, "frames " + rig.Frames);
            Assert.AreEqual(0, rig.AccelerometerBus.EarlyTransfers + rig.AccelerometerBus.UnpoweredTransfers);
        }

        [TestMethod]
        public void WithoutARail_SleepKeepsTheChipsConfigured_AndReadsAtOnceAfterwards()
        {
            var rig = new SensorRailRig(false);
            Assert.AreEqual(SensorReadStatus.NotReady, rig.FrontEnd.ReadTemperature(out int tempCentiC));
            rig.RunTicks(1000);
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadTemperature(out tempCentiC));

            rig.FrontEnd.SetActive(false);
            Assert.AreEqual(0, rig.AccelerometerChip.RegisterValue(PowerCtl));
            Assert.AreEqual(0x0F, rig.AccelerometerChip.RegisterValue(BwRate));
            Assert.AreEqual(0xC1, rig.RtdChip.RegisterValue(Configuration));
            rig.Clock.AdvanceMs(60000);
            rig.FrontEnd.SetActive(true);

            Assert.AreEqual(0, rig.Rail.WriteCount);
            Assert.AreEqual(SensorReadStatus.Ok, rig.FrontEnd.ReadTemperature(out tempCentiC));
            Assert.AreEqual(1, rig.FrontEnd.TemperatureStarts);
            rig.RunTicks(100);
            Assert.AreEqual(2, rig.FrontEnd.AccelerometerStarts);
            Assert.IsTrue(rig.Frames > 250, "frames " + rig.Frames);
        }
    }
}
