using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Chips;
using SensorNode.Hardware.Virtual.Simulation;
using SensorNode.Hardware.Virtual.Tests.Support;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class FaultInjectionTests
    {
        [TestMethod]
        public void BearingWearGrowsToItsLimitAndRepairRemovesIt()
        {
            var scenario = Scenarios.Running(
                0.75,
                ScenarioEvent.BearingWear(600, BearingDefect.OuterRace, 0.1, 1.2, 0.5),
                ScenarioEvent.Repair(6000, FaultKind.BearingWear));
            var m = new SimulatedMachine(scenario, 1);

            Assert.AreEqual(0.0, m.DefectSeverityG(599.9));
            Assert.AreEqual(0.1, m.DefectSeverityG(600), 1e-12);
            Assert.AreEqual(0.1 + 1.2 * 0.25, m.DefectSeverityG(600 + 900), 1e-12);
            Assert.AreEqual(0.5, m.DefectSeverityG(5999), 1e-12);
            Assert.AreEqual(0.0, m.DefectSeverityG(6000));
            Assert.IsTrue(m.IsFaultActive(FaultKind.BearingWear, 3000));
            Assert.IsFalse(m.IsFaultActive(FaultKind.BearingWear, 6000));
        }

        [TestMethod]
        public void BearingWearRaisesKurtosisAndRepairBringsItBack()
        {
            var scenario = Scenarios.Running(
                0.75,
                ScenarioEvent.BearingWear(600, BearingDefect.OuterRace, 0.5, 0, 0.5),
                ScenarioEvent.Repair(1200, FaultKind.BearingWear));
            var m = new SimulatedMachine(scenario, 2);

            double healthy = Signal.Kurtosis(Signal.Sample(t => VibrationTests.Z(m, t), 300, 3200, 16000));
            double worn = Signal.Kurtosis(Signal.Sample(t => VibrationTests.Z(m, t), 900, 3200, 16000));
            double repaired = Signal.Kurtosis(Signal.Sample(t => VibrationTests.Z(m, t), 1500, 3200, 16000));

            Assert.IsTrue(healthy < 3.2, "healthy kurtosis " + healthy);
            Assert.IsTrue(worn > 6, "worn kurtosis " + worn);
            Assert.AreEqual(healthy, repaired, 0.2);
        }

        [TestMethod]
        public void StallStopsTheShaftOnLockedRotorCurrentUntilCleared()
        {
            var scenario = Scenarios.Running(0.75, ScenarioEvent.Stall(600), ScenarioEvent.Repair(630, FaultKind.Stall));
            var m = new SimulatedMachine(scenario, 1);
            var p = m.Parameters;

            Assert.AreEqual(0.0, m.OperatingPointAt(601).SpeedHz);
            Assert.AreEqual(p.LockedRotorCurrentRatio * p.RatedCurrentA, m.MotorCurrentRmsA(601), 1e-9);
            Assert.AreEqual(MachineMode.Running, m.ModeAt(601));
            Assert.IsTrue(m.IsFaultActive(FaultKind.Stall, 615));

            // Cleared: it runs up again (inrush first) and settles back at its running point.
            Assert.AreEqual(p.LockedRotorCurrentRatio * p.RatedCurrentA, m.MotorCurrentRmsA(630.5), 1e-9);
            Assert.AreEqual(m.OperatingPointAt(500).SpeedHz, m.OperatingPointAt(660).SpeedHz, 1e-12);
            Assert.AreEqual(m.MotorCurrentRmsA(500), m.MotorCurrentRmsA(660), 1e-12);
            Assert.IsFalse(m.IsFaultActive(FaultKind.Stall, 630));
        }

        [TestMethod]
        public void OverloadRaisesCurrentAndSlip()
        {
            var scenario = Scenarios.Running(0.75, ScenarioEvent.Overload(600, 1.35), ScenarioEvent.Repair(900, FaultKind.Overload));
            var m = new SimulatedMachine(scenario, 1);
            var p = m.Parameters;
            double torqueA = 1.35 * Math.Sqrt(p.RatedCurrentA * p.RatedCurrentA - p.MagnetisingCurrentA * p.MagnetisingCurrentA);

            Assert.AreEqual(1.35, m.OperatingPointAt(700).Load, 1e-12);
            Assert.AreEqual(Math.Sqrt(p.MagnetisingCurrentA * p.MagnetisingCurrentA + torqueA * torqueA), m.MotorCurrentRmsA(700), 1e-9);
            Assert.AreEqual(1500 * (1 - 0.0133 * 1.35), m.OperatingPointAt(700).SpeedRpm, 1e-9);
            Assert.AreEqual(0.75, m.OperatingPointAt(1000).Load, 1e-12);
        }

        [TestMethod]
        public void UnpluggedSetsOnlyThatChipsFlagAndRepairClearsIt()
        {
            var scenario = Scenarios.Running(
                0.75,
                ScenarioEvent.SensorUnplugged(600, SensorChannel.Accelerometer),
                ScenarioEvent.Repair(900, FaultKind.SensorUnplugged, SensorChannel.Accelerometer));
            var m = new SimulatedMachine(scenario, 1);
            var accel = new ChipFaults();
            var rtd = new ChipFaults();

            m.ApplySensorFaults(SensorChannel.Accelerometer, 599, accel);
            Assert.IsFalse(accel.Unplugged);

            m.ApplySensorFaults(SensorChannel.Accelerometer, 600, accel);
            m.ApplySensorFaults(SensorChannel.Temperature, 600, rtd);
            Assert.IsTrue(accel.Unplugged);
            Assert.IsFalse(accel.Stuck);
            Assert.IsFalse(rtd.Unplugged);

            m.ApplySensorFaults(SensorChannel.Accelerometer, 900, accel);
            Assert.IsFalse(accel.Unplugged);
        }

        [TestMethod]
        public void StuckSetsTheStuckFlagForItsWindow()
        {
            var scenario = Scenarios.Running(
                0.75,
                ScenarioEvent.SensorStuck(600, SensorChannel.Temperature),
                ScenarioEvent.Repair(900, FaultKind.SensorStuck, SensorChannel.Temperature));
            var m = new SimulatedMachine(scenario, 1);
            var rtd = new ChipFaults();

            m.ApplySensorFaults(SensorChannel.Temperature, 700, rtd);
            Assert.IsTrue(rtd.Stuck);
            Assert.IsFalse(rtd.Unplugged);
            Assert.IsTrue(m.IsSensorStuck(SensorChannel.Temperature, 899.9));
            Assert.IsFalse(m.IsSensorStuck(SensorChannel.Accelerometer, 700));

            m.ApplySensorFaults(SensorChannel.Temperature, 900, rtd);
            Assert.IsFalse(rtd.Stuck);
        }

        [TestMethod]
        public void NoiseBurstsComeAndGoOnTheirPeriod()
        {
            var scenario = Scenarios.Running(
                0.75,
                ScenarioEvent.NoiseBurst(600, 0.5, 0.5, 20),
                ScenarioEvent.Repair(700, FaultKind.NoiseBurst));
            var m = new SimulatedMachine(scenario, 4);

            double quiet = Signal.StdDev(Signal.Sample(t => VibrationTests.X(m, t), 500, 3200, 1600));
            double inBurst = Signal.StdDev(Signal.Sample(t => VibrationTests.X(m, t), 620, 3200, 1600));
            double betweenBursts = Signal.StdDev(Signal.Sample(t => VibrationTests.X(m, t), 630, 3200, 1600));
            double afterRepair = Signal.StdDev(Signal.Sample(t => VibrationTests.X(m, t), 700, 3200, 1600));

            Assert.AreEqual(Math.Sqrt(0.5 * 0.5 + quiet * quiet), inBurst, 0.05 * 0.5);
            Assert.AreEqual(quiet, betweenBursts, 0.15 * quiet);
            Assert.AreEqual(quiet, afterRepair, 0.15 * quiet);
        }

        [TestMethod]
        public void ReinjectingReplacesTheParameters()
        {
            var scenario = Scenarios.Running(
                0.75,
                ScenarioEvent.Overheating(100, 2.0),
                ScenarioEvent.Overheating(20000, 3.0));
            var m = new SimulatedMachine(scenario, 1);
            var p = m.Parameters;
            double rise1 = m.ModelTemperatureC(19999) - p.AmbientC;
            double rise2 = m.ModelTemperatureC(40000) - p.AmbientC;
            Assert.AreEqual(1.5, rise2 / rise1, 1e-4);
        }

        [TestMethod]
        public void SensorFaultsNeedAChannelAndOthersRefuseOne()
        {
            Assert.ThrowsExactly<ArgumentException>(() => ScenarioEvent.SensorStuck(1, SensorChannel.None));
            Assert.ThrowsExactly<ArgumentException>(() => ScenarioEvent.Repair(1, FaultKind.SensorUnplugged));
            Assert.ThrowsExactly<ArgumentException>(() => ScenarioEvent.Repair(1, FaultKind.Stall, SensorChannel.Accelerometer));
        }
    }
}
