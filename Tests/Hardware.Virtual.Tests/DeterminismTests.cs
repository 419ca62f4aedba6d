using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class DeterminismTests
    {
        [TestMethod]
        public void SameSeedGivesTheSameSignalsBitForBit()
        {
            var scenario = ScenarioCatalogue.Find("bearing-wear");
            var a = new SimulatedMachine(scenario, 42);
            var b = new SimulatedMachine(scenario, 42);
            foreach (double t in Times(2000, 99))
            {
                Assert.AreEqual(Snapshot(a, t), Snapshot(b, t), "t = " + t);
            }
        }

        [TestMethod]
        public void ADifferentSeedGivesDifferentNoise()
        {
            var scenario = ScenarioCatalogue.Find("bearing-wear");
            var a = new SimulatedMachine(scenario, 42);
            var b = new SimulatedMachine(scenario, 43);
            int differing = 0;
            var times = Times(1000, 5);
            foreach (double t in times)
            {
                if (Snapshot(a, t) != Snapshot(b, t))
                {
                    differing++;
                }
            }

            Assert.AreEqual(times.Length, differing);
        }

        [TestMethod]
        public void AnswersDoNotDependOnTheOrderOfQuestions()
        {
            var machine = new SimulatedMachine(ScenarioCatalogue.Find("noise-burst"), 7);
            var times = Times(3000, 21);
            var forward = new string[times.Length];
            var sorted = (double[])times.Clone();
            Array.Sort(sorted);
            foreach (double t in sorted)
            {
                forward[Array.IndexOf(times, t)] = Snapshot(machine, t);
            }

            // Backwards in time, then in random order, on the same instance.
            for (int i = sorted.Length - 1; i >= 0; i--)
            {
                Assert.AreEqual(forward[Array.IndexOf(times, sorted[i])], Snapshot(machine, sorted[i]));
            }

            for (int i = 0; i < times.Length; i++)
            {
                Assert.AreEqual(forward[i], Snapshot(machine, times[i]));
            }
        }

        // Every signal at t, as round-trippable text so one comparison covers them all bit for bit.
        private static string Snapshot(SimulatedMachine m, double t)
        {
            m.AccelerationG(t, out double x, out double y, out double z);
            return string.Join(
                "|",
                x.ToString("R"), y.ToString("R"), z.ToString("R"),
                m.BearingTemperatureC(t).ToString("R"),
                m.MotorCurrentA(t).ToString("R"),
                m.SupplyVoltageV(t).ToString("R"));
        }

        private static double[] Times(int count, int seed)
        {
            var random = new Random(seed);
            var times = new double[count];
            for (int i = 0; i < count; i++)
            {
                times[i] = random.NextDouble() * 3600;
            }

            return times;
        }
    }
}
