using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;
using SensorNode.Hardware.Virtual.Tests.Support;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class CurrentAndSupplyTests
    {
        [TestMethod]
        [DataRow(0.0)]
        [DataRow(0.5)]
        [DataRow(0.75)]
        [DataRow(1.0)]
        public void CurrentRmsFollowsLoad(double load)
        {
            var machine = new SimulatedMachine(Scenarios.Running(load), 1);
            var p = machine.Parameters;

            // 64 samples per mains cycle over 50 whole cycles.
            var i = Signal.Sample(machine.MotorCurrentA, 60, 64 * p.MainsFrequencyHz, 64 * 50);
            double torqueA = load * Math.Sqrt(p.RatedCurrentA * p.RatedCurrentA - p.MagnetisingCurrentA * p.MagnetisingCurrentA);
            double expected = Math.Sqrt(p.MagnetisingCurrentA * p.MagnetisingCurrentA + torqueA * torqueA);
            Assert.AreEqual(expected, Signal.Rms(i), 1e-9);
            Assert.AreEqual(expected, machine.MotorCurrentRmsA(60), 1e-12);
        }

        [TestMethod]
        public void RatedLoadDrawsRatedCurrentAtMainsFrequency()
        {
            var machine = new SimulatedMachine(Scenarios.Running(1.0), 1);
            var i = Signal.Sample(machine.MotorCurrentA, 60, 3200, 3200);
            Assert.AreEqual(Math.Sqrt(2) * 8.0, Signal.ToneAmplitude(i, 3200, 50), 1e-6);
            Assert.AreEqual(0.0, Signal.ToneAmplitude(i, 3200, 60), 1e-6);
        }

        [TestMethod]
        public void SixtyHertzMainsGivesASixtyHertzWaveform()
        {
            var machine = new SimulatedMachine(Scenarios.Running(1.0), 1, new MachineParameters { MainsFrequencyHz = 60 });
            var i = Signal.Sample(machine.MotorCurrentA, 60, 3840, 3840);
            Assert.AreEqual(Math.Sqrt(2) * 8.0, Signal.ToneAmplitude(i, 3840, 60), 1e-6);
        }

        [TestMethod]
        public void StartingDrawsLockedRotorCurrentUntilTheShaftIsUpToSpeed()
        {
            var machine = new SimulatedMachine(Scenarios.Running(0.75), 1);
            var p = machine.Parameters;

            // Run-up takes StartUpS from rest to synchronous speed; current stays at 6× rated until 20 % slip.
            Assert.AreEqual(p.LockedRotorCurrentRatio * p.RatedCurrentA, machine.MotorCurrentRmsA(0.01), 1e-9);
            Assert.AreEqual(p.LockedRotorCurrentRatio * p.RatedCurrentA, machine.MotorCurrentRmsA(0.7 * p.StartUpS), 1e-9);
            Assert.IsTrue(machine.MotorCurrentRmsA(0.9 * p.StartUpS) < p.LockedRotorCurrentRatio * p.RatedCurrentA);
            Assert.IsTrue(machine.MotorCurrentRmsA(10) < p.RatedCurrentA);
        }

        [TestMethod]
        public void SupplySagsWithMotorCurrent()
        {
            var machine = new SimulatedMachine(Scenarios.Running(1.0), 1);
            var p = machine.Parameters;
            var v = Signal.Sample(machine.SupplyVoltageV, 60, 1000, 10000);
            Assert.AreEqual(p.SupplyNominalV - p.SupplySagVPerA * p.RatedCurrentA, Signal.Mean(v), 0.0005);
            Assert.AreEqual(p.SupplyNoiseV, Signal.StdDev(v), 0.05 * p.SupplyNoiseV);
        }
    }
}
