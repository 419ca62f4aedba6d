using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;
using SensorNode.Hardware.Virtual.Tests.Support;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class VibrationTests
    {
        private const double SteadyS = 60;

        [TestMethod]
        public void RunningSpeedFollowsSlipAtLoad()
        {
            var machine = new SimulatedMachine(Scenarios.Running(0.75), 1);

            // 4-pole at 50 Hz: 1500 rpm synchronous, 1.33 % slip at rated load, linear in load.
            Assert.AreEqual(1500 * (1 - 0.0133 * 0.75), machine.OperatingPointAt(SteadyS).SpeedRpm, 1e-9);
        }

        [TestMethod]
        public void OneTimesAndTwoTimesTonesHaveTheirDefinedAmplitudes()
        {
            var machine = new SimulatedMachine(Scenarios.Running(0.75), 7);
            var p = machine.Parameters;
            double shaftHz = machine.OperatingPointAt(SteadyS).SpeedHz;
            double r2 = Math.Pow(shaftHz / p.RatedSpeedHz, 2);

            // 128 samples per revolution over 400 revolutions: 1× and 2× are exact DFT bins.
            double rateHz = 128 * shaftHz;
            var x = Signal.Sample(t => X(machine, t), SteadyS, rateHz, 128 * 400);
            var z = Signal.Sample(t => Z(machine, t), SteadyS, rateHz, 128 * 400);

            double expected1x = p.Imbalance1xPeakG * r2;
            double expected2x = p.Misalignment2xPeakG * r2 * (1.0 / 3 + 2.0 / 3 * 0.75);
            Assert.AreEqual(expected1x, Signal.ToneAmplitude(x, rateHz, shaftHz), 0.01 * expected1x);
            Assert.AreEqual(expected2x, Signal.ToneAmplitude(x, rateHz, 2 * shaftHz), 0.05 * expected2x);
            Assert.AreEqual(0.7 * expected1x, Signal.ToneAmplitude(z, rateHz, shaftHz), 0.01 * expected1x);

            // z carries gravity; x does not.
            Assert.AreEqual(1.0, Signal.Mean(z), 0.001);
            Assert.AreEqual(0.0, Signal.Mean(x), 0.001);
        }

        [TestMethod]
        public void TheStrongestLowFrequencyToneIsAtShaftSpeed()
        {
            var machine = new SimulatedMachine(Scenarios.Running(0.75), 3);
            const double rateHz = 3200;
            var x = Signal.Sample(t => X(machine, t), SteadyS, rateHz, 3200 * 10);

            double bestHz = 0, best = 0;
            for (double f = 15; f <= 35; f += 0.01)
            {
                double a = Signal.ToneAmplitude(x, rateHz, f);
                if (a > best)
                {
                    best = a;
                    bestHz = f;
                }
            }

            Assert.AreEqual(1485.0 / 60, bestHz, 0.02);
        }

        [TestMethod]
        public void OneTimesAmplitudeScalesWithSpeedSquared()
        {
            // 60 Hz mains: 1800 rpm synchronous, so the shaft runs 20 % faster than at 50 Hz.
            var p60 = new MachineParameters { MainsFrequencyHz = 60 };
            var machine = new SimulatedMachine(Scenarios.Running(1.0), 5, p60);
            double shaftHz = machine.OperatingPointAt(SteadyS).SpeedHz;
            Assert.AreEqual(30 * (1 - 0.0133), shaftHz, 1e-9);

            double rateHz = 128 * shaftHz;
            var x = Signal.Sample(t => X(machine, t), SteadyS, rateHz, 128 * 400);

            // Rated speed is defined from the same parameters, so at rated load the ratio is exactly 1.
            Assert.AreEqual(p60.Imbalance1xPeakG, Signal.ToneAmplitude(x, rateHz, shaftHz), 0.01 * p60.Imbalance1xPeakG);
        }

        [TestMethod]
        [DataRow(BearingDefect.OuterRace)]
        [DataRow(BearingDefect.InnerRace)]
        [DataRow(BearingDefect.Ball)]
        public void ImpactsRepeatAtTheDefectFrequency(BearingDefect defect)
        {
            var scenario = Scenarios.Running(0.75, ScenarioEvent.BearingWear(0, defect, 1.0, 0, 1.0));
            var machine = new SimulatedMachine(scenario, 11, Scenarios.ImpactsOnly());
            double shaftHz = machine.OperatingPointAt(SteadyS).SpeedHz;
            double expectedSpacingS = 1 / (BearingGeometry.Skf6205.ImpactOrder(defect) * shaftHz);

            // 100 kHz: 10 µs resolution on each impact's onset.
            const double rateHz = 100000;
            var z = Signal.Sample(t => Z(machine, t) - 1.0, SteadyS, rateHz, 100000);
            var onsets = Onsets(z, quietSamples: 200);

            Assert.IsTrue(onsets.Count > 20, "impacts found: " + onsets.Count);
            for (int i = 1; i < onsets.Count; i++)
            {
                double spacingS = (onsets[i] - onsets[i - 1]) / rateHz;
                Assert.AreEqual(expectedSpacingS, spacingS, 1.5 / rateHz, "impact " + i);
            }
        }

        [TestMethod]
        [DataRow(BearingDefect.OuterRace)]
        [DataRow(BearingDefect.InnerRace)]
        [DataRow(BearingDefect.Ball)]
        public void TheDefectFrequencyStandsOutInTheEnvelopeSpectrum(BearingDefect defect)
        {
            // Default noise, imbalance and misalignment; a moderate defect.
            var scenario = Scenarios.Running(0.75, ScenarioEvent.BearingWear(0, defect, 0.3, 0, 0.3));
            var machine = new SimulatedMachine(scenario, 13);
            double shaftHz = machine.OperatingPointAt(SteadyS).SpeedHz;
            double defectHz = BearingGeometry.Skf6205.ImpactOrder(defect) * shaftHz;

            // Squared signal as the energy envelope, 4 s at 12.8 kHz (0.25 Hz resolution).
            const double rateHz = 12800;
            var z = Signal.Sample(t => Z(machine, t), SteadyS, rateHz, 12800 * 4);
            double mean = Signal.Mean(z);
            var envelope = new double[z.Length];
            for (int i = 0; i < z.Length; i++)
            {
                envelope[i] = (z[i] - mean) * (z[i] - mean);
            }

            double atDefect = Signal.ToneAmplitude(envelope, rateHz, defectHz);
            double floor = 0;
            double[] offsetsHz = { -7.7, -5.3, -3.1, 3.1, 5.3, 7.7 };
            foreach (double off in offsetsHz)
            {
                floor = Math.Max(floor, Signal.ToneAmplitude(envelope, rateHz, defectHz + off));
            }

            Assert.IsTrue(atDefect > 10 * floor, $"at {defectHz:F2} Hz: {atDefect:G3}, nearby max {floor:G3}");
        }

        [TestMethod]
        public void InnerRaceImpactsAreModulatedOncePerRevolution()
        {
            var scenario = Scenarios.Running(0.75, ScenarioEvent.BearingWear(0, BearingDefect.InnerRace, 1.0, 0, 1.0));
            var machine = new SimulatedMachine(scenario, 17, Scenarios.ImpactsOnly());
            double shaftHz = machine.OperatingPointAt(SteadyS).SpeedHz;
            double bpfiHz = BearingGeometry.Skf6205.BpfiOrder * shaftHz;

            const double rateHz = 12800;
            var z = Signal.Sample(t => Z(machine, t) - 1.0, SteadyS, rateHz, 12800 * 4);
            var envelope = Array.ConvertAll(z, v => v * v);

            // The spall passes through the load zone once per turn: sidebands at BPFI ± 1×.
            double carrier = Signal.ToneAmplitude(envelope, rateHz, bpfiHz);
            double lower = Signal.ToneAmplitude(envelope, rateHz, bpfiHz - shaftHz);
            double upper = Signal.ToneAmplitude(envelope, rateHz, bpfiHz + shaftHz);
            double between = Signal.ToneAmplitude(envelope, rateHz, bpfiHz + 0.5 * shaftHz);
            Assert.IsTrue(lower > 0.2 * carrier && upper > 0.2 * carrier, $"carrier {carrier:G3}, sidebands {lower:G3} {upper:G3}");
            Assert.IsTrue(between < 0.05 * carrier, $"between {between:G3}");
        }

        [TestMethod]
        public void BroadbandNoiseHasItsDefinedRms()
        {
            var p = new MachineParameters { Imbalance1xPeakG = 0, Misalignment2xPeakG = 0 };
            var machine = new SimulatedMachine(Scenarios.Running(1.0), 19, p);

            // At rated load and speed: background + broadband·(0.4 + 0.6), independent per slot.
            var x = Signal.Sample(t => X(machine, t), SteadyS, 3200, 50000);
            double expected = p.BackgroundNoiseRmsG + p.BroadbandNoiseRmsG;
            Assert.AreEqual(expected, Signal.StdDev(x), 0.02 * expected);
            Assert.AreEqual(3.0, Signal.Kurtosis(x), 0.1);
        }

        [TestMethod]
        public void OnlyBackgroundVibrationRemainsWhenOff()
        {
            var scenario = new Scenario(
                "test-off", "off", new[] { ScheduleSegment.Off(3600) }, Array.Empty<ScenarioEvent>(), 1);
            var machine = new SimulatedMachine(scenario, 23);
            var x = Signal.Sample(t => X(machine, t), 10, 3200, 20000);
            Assert.AreEqual(machine.Parameters.BackgroundNoiseRmsG, Signal.StdDev(x), 0.03 * machine.Parameters.BackgroundNoiseRmsG);
        }

        internal static double X(SimulatedMachine m, double t)
        {
            m.AccelerationG(t, out double x, out _, out _);
            return x;
        }

        internal static double Z(SimulatedMachine m, double t)
        {
            m.AccelerationG(t, out _, out _, out double z);
            return z;
        }

        // Sample indexes where the signal leaves exact zero after at least quietSamples of silence.
        private static List<int> Onsets(double[] x, int quietSamples)
        {
            var onsets = new List<int>();
            int quiet = quietSamples;
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] == 0)
                {
                    quiet++;
                    continue;
                }

                if (quiet >= quietSamples)
                {
                    onsets.Add(i);
                }

                quiet = 0;
            }

            // The first onset may be an impact already under way when the record starts.
            onsets.RemoveAt(0);
            return onsets;
        }
    }
}
