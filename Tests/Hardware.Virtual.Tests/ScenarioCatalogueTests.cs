using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class ScenarioCatalogueTests
    {
        [TestMethod]
        public void TheRequiredScenariosAreListedOnceEach()
        {
            var names = ScenarioCatalogue.All.Select(s => s.Name).ToArray();
            CollectionAssert.AreEquivalent(
                new[] { "normal-shifts", "bearing-wear", "overheating", "stall", "unplugged-sensor", "stuck-sensor", "noise-burst" },
                names);
        }

        [TestMethod]
        public void EachPlaysInAboutAMinuteAtItsSuggestedScale()
        {
            foreach (var s in ScenarioCatalogue.All)
            {
                double realS = s.DurationS / s.SuggestedTimeScale;
                Assert.IsTrue(realS >= 30 && realS <= 120, s.Name + ": " + realS + " s");
                Assert.IsFalse(string.IsNullOrWhiteSpace(s.Description), s.Name);
            }
        }

        [TestMethod]
        public void EachFaultScenarioInjectsItsFaultAfterAHealthyStart()
        {
            var expected = new Dictionary<string, FaultKind>
            {
                ["bearing-wear"] = FaultKind.BearingWear,
                ["overheating"] = FaultKind.Overheating,
                ["stall"] = FaultKind.Stall,
                ["unplugged-sensor"] = FaultKind.SensorUnplugged,
                ["stuck-sensor"] = FaultKind.SensorStuck,
                ["noise-burst"] = FaultKind.NoiseBurst,
            };
            foreach (var pair in expected)
            {
                var s = ScenarioCatalogue.Find(pair.Key);
                var first = s.Events.First(e => e.Kind == pair.Value && !e.IsRepair);

                // At least ten minutes of healthy running first, so the node can learn its baseline.
                Assert.IsTrue(first.TimeS >= 600, pair.Key);
                Assert.IsTrue(first.TimeS < s.DurationS, pair.Key);
                var m = new SimulatedMachine(s, 1);
                Assert.IsTrue(m.IsFaultActive(pair.Value, first.TimeS), pair.Key);
                Assert.IsFalse(m.IsFaultActive(pair.Value, first.TimeS - 1), pair.Key);
            }

            Assert.AreEqual(0, ScenarioCatalogue.Find("normal-shifts").Events.Count);
        }

        [TestMethod]
        public void EverySignalOfEveryScenarioIsFiniteAndPlausible()
        {
            foreach (var s in ScenarioCatalogue.All)
            {
                var m = new SimulatedMachine(s, 3);
                for (double t = 0; t < s.DurationS; t += 0.37)
                {
                    m.AccelerationG(t, out double x, out double y, out double z);
                    double temperature = m.BearingTemperatureC(t);
                    double current = m.MotorCurrentA(t);
                    double supply = m.SupplyVoltageV(t);
                    Assert.IsTrue(Math.Abs(x) < 16 && Math.Abs(y) < 16 && Math.Abs(z) < 16, s.Name + " accel at " + t);
                    Assert.IsTrue(temperature > 0 && temperature < 150, s.Name + " temperature at " + t);
                    Assert.IsTrue(Math.Abs(current) < 100, s.Name + " current at " + t);
                    Assert.IsTrue(supply > 20 && supply < 26, s.Name + " supply at " + t);
                }
            }
        }

        [TestMethod]
        public void TheDocumentedStoriesHappen()
        {
            // Numbers the descriptions promise.
            var overheating = new SimulatedMachine(ScenarioCatalogue.Find("overheating"), 1);
            Assert.AreEqual(37.5, overheating.ModelTemperatureC(20 * 60), 0.5);
            Assert.IsTrue(overheating.ModelTemperatureC(50 * 60) > 70);
            Assert.IsTrue(overheating.ModelTemperatureC(60 * 60) < overheating.ModelTemperatureC(50 * 60));

            var wear = new SimulatedMachine(ScenarioCatalogue.Find("bearing-wear"), 1);
            Assert.AreEqual(1.85, wear.DefectSeverityG(60 * 60), 1e-9);

            var stall = new SimulatedMachine(ScenarioCatalogue.Find("stall"), 1);
            Assert.AreEqual(10.4, stall.MotorCurrentRmsA(23 * 60), 0.05);
            Assert.AreEqual(6.4, stall.MotorCurrentRmsA(15 * 60), 0.05);
            Assert.AreEqual(48.0, stall.MotorCurrentRmsA(40 * 60 + 10), 1e-9);
        }

        [TestMethod]
        public void FindIsCaseInsensitiveAndReturnsNullForUnknownNames()
        {
            Assert.AreSame(ScenarioCatalogue.Find("stall"), ScenarioCatalogue.Find("STALL"));
            Assert.IsNull(ScenarioCatalogue.Find("no-such-scenario"));
        }

        [TestMethod]
        public void EventsAreDescribedForTheListing()
        {
            var lines = ScenarioCatalogue.Find("bearing-wear").Events.Select(e => e.Describe()).ToArray();
            Assert.AreEqual("00:15:00 bearing-wear OuterRace 0.05 g +2.4 g/h up to 2 g", lines[0]);
            var repair = ScenarioCatalogue.Find("unplugged-sensor").Events[1].Describe();
            Assert.AreEqual("00:35:00 repair unplugged Accelerometer", repair);
        }

        [TestMethod]
        public void MalformedScenariosAreRejected()
        {
            var run = new[] { ScheduleSegment.Running(60, 0.5) };
            var none = Array.Empty<ScenarioEvent>();
            Assert.ThrowsExactly<ArgumentException>(() => new Scenario("has space", "d", run, none, 1));
            Assert.ThrowsExactly<ArgumentException>(() => new Scenario("ok", " ", run, none, 1));
            Assert.ThrowsExactly<ArgumentException>(() => new Scenario("ok", "d", Array.Empty<ScheduleSegment>(), none, 1));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Scenario("ok", "d", run, none, 0.5));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ScheduleSegment.Running(0, 0.5));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ScheduleSegment.Running(10, 2.5));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ScenarioEvent.Overload(10, 0.9));
        }
    }
}
