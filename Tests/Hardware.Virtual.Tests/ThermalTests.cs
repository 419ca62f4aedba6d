using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;
using SensorNode.Hardware.Virtual.Tests.Support;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class ThermalTests
    {
        [TestMethod]
        [DataRow(0.5)]
        [DataRow(1.0)]
        public void TemperatureRisesWithTheTimeConstantToTheSteadyState(double load)
        {
            var machine = new SimulatedMachine(Scenarios.Running(load), 1);
            var p = machine.Parameters;
            double tau = p.ThermalTimeConstantS;
            double rise = SteadyRiseK(p, load, 1.0);

            Assert.AreEqual(p.AmbientC, machine.ModelTemperatureC(0), 1e-12);

            // One time constant: 1 − 1/e of the rise (the few-second run-up delays it by under 0.3 %).
            double reached = (machine.ModelTemperatureC(tau) - p.AmbientC) / rise;
            Assert.AreEqual(1 - Math.Exp(-1), reached, 0.003);

            // Ten time constants: settled.
            Assert.AreEqual(p.AmbientC + rise, machine.ModelTemperatureC(10 * tau), 0.002 * rise);
            Assert.AreEqual(p.AmbientC + rise, machine.ModelTemperatureC(20 * tau), 1e-6);
        }

        [TestMethod]
        public void RatedLoadGivesTheDocumentedRise()
        {
            var machine = new SimulatedMachine(Scenarios.Running(1.0), 1);
            var p = machine.Parameters;
            Assert.AreEqual(p.AmbientC + p.RiseAtRatedLoadK, machine.ModelTemperatureC(30 * p.ThermalTimeConstantS), 1e-6);
        }

        [TestMethod]
        public void TemperatureDecaysWithTheTimeConstantAfterStop()
        {
            var scenario = new Scenario(
                "test-stop",
                "run then stop",
                new[] { ScheduleSegment.Running(3 * 3600, 0.75), ScheduleSegment.Off(3 * 3600) },
                Array.Empty<ScenarioEvent>(),
                1);
            var machine = new SimulatedMachine(scenario, 1);
            var p = machine.Parameters;
            double stopS = 3 * 3600;
            double excessAtStop = machine.ModelTemperatureC(stopS) - p.AmbientC;
            double excessLater = machine.ModelTemperatureC(stopS + p.ThermalTimeConstantS) - p.AmbientC;

            // Coasting down adds a few seconds of heat: within 1 %.
            Assert.AreEqual(Math.Exp(-1), excessLater / excessAtStop, 0.01);
        }

        [TestMethod]
        public void OverheatingMultipliesTheRiseAndRepairRestoresIt()
        {
            var scenario = Scenarios.Running(
                0.75,
                ScenarioEvent.Overheating(20000, 2.0),
                ScenarioEvent.Repair(40000, FaultKind.Overheating));
            var machine = new SimulatedMachine(scenario, 1);
            var p = machine.Parameters;
            double rise = SteadyRiseK(p, 0.75, 1.0);

            Assert.AreEqual(p.AmbientC + rise, machine.ModelTemperatureC(19999), 0.01);
            Assert.AreEqual(p.AmbientC + 2 * rise, machine.ModelTemperatureC(39999), 0.01);
            Assert.AreEqual(p.AmbientC + rise, machine.ModelTemperatureC(60000), 0.01);

            // Right after onset it climbs with the same time constant.
            double half = machine.ModelTemperatureC(20000 + p.ThermalTimeConstantS) - (p.AmbientC + rise);
            Assert.AreEqual(rise * (1 - Math.Exp(-1)), half, 0.01);
        }

        [TestMethod]
        public void TheReadingFluctuatesAroundTheModelByTheDefinedAmount()
        {
            var machine = new SimulatedMachine(Scenarios.Running(0.75), 9);
            var deviation = Signal.Sample(t => machine.BearingTemperatureC(t) - machine.ModelTemperatureC(t), 100, 10, 20000);
            Assert.AreEqual(0.0, Signal.Mean(deviation), 0.001);
            Assert.AreEqual(machine.Parameters.TemperatureNoiseC, Signal.StdDev(deviation), 0.03 * machine.Parameters.TemperatureNoiseC);
        }

        // The documented heat model: rise·factor·(speed/rated)·(no-load share + loaded share·load).
        private static double SteadyRiseK(MachineParameters p, double load, double factor)
        {
            double speedRatio = p.SynchronousHz * (1 - p.RatedSlip * load) / p.RatedSpeedHz;
            return p.RiseAtRatedLoadK * factor * speedRatio * (p.NoLoadHeatFraction + (1 - p.NoLoadHeatFraction) * load);
        }
    }
}
