using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class ScheduleTests
    {
        // normal-shifts: off 2, running 0.75 for 20, idle 5, running 0.6 for 18, idle 5, off 10 (minutes).
        private static SimulatedMachine Shifts() => new SimulatedMachine(ScenarioCatalogue.Find("normal-shifts"), 1);

        [TestMethod]
        public void ModesFollowTheSegments()
        {
            var m = Shifts();
            Assert.AreEqual(MachineMode.Off, m.ModeAt(60));
            Assert.AreEqual(MachineMode.Running, m.ModeAt(120));
            Assert.AreEqual(MachineMode.Running, m.ModeAt(1319.999));
            Assert.AreEqual(MachineMode.Idle, m.ModeAt(1320));
            Assert.AreEqual(MachineMode.Running, m.ModeAt(1700));
            Assert.AreEqual(MachineMode.Idle, m.ModeAt(2800));
            Assert.AreEqual(MachineMode.Off, m.ModeAt(3100));

            // After the schedule, the last segment's mode holds.
            Assert.AreEqual(MachineMode.Off, m.ModeAt(100000));
        }

        [TestMethod]
        public void OffMeansStillAndNoCurrent()
        {
            var m = Shifts();
            var op = m.OperatingPointAt(60);
            Assert.IsFalse(op.Energised);
            Assert.AreEqual(0.0, op.SpeedHz);
            Assert.AreEqual(0.0, m.MotorCurrentRmsA(60));
            Assert.AreEqual(0.0, m.MotorCurrentA(60.0123));
        }

        [TestMethod]
        public void RunningHoldsRatedSlipSpeedAndTheSegmentsLoad()
        {
            var m = Shifts();
            var op = m.OperatingPointAt(600);
            Assert.IsTrue(op.Energised);
            Assert.AreEqual(0.75, op.Load, 1e-12);
            Assert.AreEqual(25 * (1 - 0.0133 * 0.75), op.SpeedHz, 1e-12);

            var second = m.OperatingPointAt(2000);
            Assert.AreEqual(0.6, second.Load, 1e-12);
        }

        [TestMethod]
        public void IdleTurnsUnloadedAtSynchronousSpeedOnMagnetisingCurrent()
        {
            var m = Shifts();
            var op = m.OperatingPointAt(1500);
            Assert.IsTrue(op.Energised);
            Assert.AreEqual(0.0, op.Load, 1e-12);
            Assert.AreEqual(25.0, op.SpeedHz, 1e-12);
            Assert.AreEqual(m.Parameters.MagnetisingCurrentA, m.MotorCurrentRmsA(1500), 1e-12);
        }

        [TestMethod]
        public void RampsAreLinearAtTheDefinedRates()
        {
            var m = Shifts();
            var p = m.Parameters;

            // Run-up from rest at 120 s: synchronous speed / StartUpS.
            Assert.AreEqual(0.5 * p.SynchronousHz / p.StartUpS, m.OperatingPointAt(120.5).SpeedHz, 1e-9);

            // Load climbs at LoadSlewPerS.
            Assert.AreEqual(p.LoadSlewPerS * 1.0, m.OperatingPointAt(121).Load, 1e-9);

            // Coast-down after the last idle (off from 3000 s): synchronous / CoastDownS, current gone at once.
            var coasting = m.OperatingPointAt(3002);
            Assert.IsFalse(coasting.Energised);
            Assert.AreEqual(p.SynchronousHz * (1 - 2 / p.CoastDownS), coasting.SpeedHz, 1e-9);
            Assert.AreEqual(0.0, m.MotorCurrentRmsA(3002));
            Assert.AreEqual(0.0, m.OperatingPointAt(3000 + p.CoastDownS + 0.01).SpeedHz);
        }

        [TestMethod]
        public void RevolutionsAreTheIntegralOfSpeed()
        {
            var m = Shifts();

            // Trapezoidal integration of the speed at 1 ms steps across run-up and a load change.
            double revolutions = m.OperatingPointAt(100).Revolutions;
            double previous = m.OperatingPointAt(100).SpeedHz;
            for (int k = 1; k <= 30000; k++)
            {
                double speed = m.OperatingPointAt(100 + k * 0.001).SpeedHz;
                revolutions += 0.0005 * (speed + previous);
                previous = speed;
            }

            Assert.AreEqual(revolutions, m.OperatingPointAt(130).Revolutions, 1e-6);
        }

        [TestMethod]
        public void NegativeTimeIsAProgrammingError()
        {
            var m = Shifts();
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => m.OperatingPointAt(-1));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => m.BearingTemperatureC(double.NaN));
        }
    }
}
