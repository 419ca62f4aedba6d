using System;
using SensorNode.Core.Signal;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>
    /// Current RMS. Burst: against the double RMS of the same quantised samples about their mean, within 1 mA plus
    /// 1/256 count of calibration; against the analytic a/√2 within 0.1 %. Direct readings: mean and RMS within 1 mA.
    /// </summary>
    [TestClass]
    public class CurrentTests
    {
        // SCT-013-030 on a 12-bit ADC over 3.3 V: 3300 mV * 30000 mA/V / (4095 counts * 1000) = 24.18 mA per count.
        private const long MilliampsNumerator = 3300L * 30000;
        private const long MilliampsDenominator = 4095L * 1000;

        [TestMethod]
        [DataRow(1000.0, 1900.0)]
        [DataRow(40.0, 2100.0)]
        [DataRow(2000.0, 2047.5)]
        public void BiasedSineBurst_RmsMatchesReference(double amplitudeCounts, double biasCounts)
        {
            // 20 cycles of 50 Hz at 40 samples per cycle.
            short[] samples = new short[800];
            SignalReference.Sine(samples, 0, 1, 800, 0, 2000, 50, amplitudeCounts, biasCounts);
            CurrentBurstRms rms = new CurrentBurstRms(MilliampsNumerator, MilliampsDenominator, 0, 4095);
            int currentMa = rms.Measure(samples, 0, 800);

            double milliampsPerCount = (double)MilliampsNumerator / MilliampsDenominator;
            double reference = SignalReference.Rms(samples, 0, 1, 800) * milliampsPerCount;
            Assert.AreEqual(currentMa, rms.CurrentRmsMa);
            Assert.IsTrue(SignalReference.Distance(currentMa, reference) <= 1 + milliampsPerCount / 256, "current " + currentMa + " vs " + reference);
            Assert.IsTrue(SignalReference.RelativeError(currentMa, amplitudeCounts / Math.Sqrt(2) * milliampsPerCount) <= 0.001 + 1 / reference, "analytic");
            Assert.IsTrue(SignalReference.Distance((int)(rms.SumCounts / rms.SampleCount), biasCounts) <= 1, "bias");
            Assert.AreEqual(0, rms.ClippedSamples);
        }

        [TestMethod]
        public void ClippedBurst_IsCounted()
        {
            short[] samples = new short[800];
            SignalReference.Sine(samples, 0, 1, 800, 0, 2000, 50, 2500, 2048);
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = samples[i] > 4095 ? (short)4095 : samples[i] < 0 ? (short)0 : samples[i];
            }

            CurrentBurstRms rms = new CurrentBurstRms(MilliampsNumerator, MilliampsDenominator, 0, 4095);
            rms.Measure(samples, 0, 800);
            Assert.IsTrue(rms.ClippedSamples > 0);
            Assert.IsTrue(rms.CurrentRmsMa < 2500 / Math.Sqrt(2) * MilliampsNumerator / MilliampsDenominator);
        }

        [TestMethod]
        public void FlatBurst_IsZero()
        {
            short[] samples = new short[64];
            for (int i = 0; i < samples.Length; i++)
            {
                samples[i] = 2048;
            }

            CurrentBurstRms rms = new CurrentBurstRms(1, 1, 0, 4095);
            Assert.AreEqual(0, rms.Measure(samples, 0, 64));
            Assert.AreEqual(2048L * 64, rms.SumCounts);
        }

        [TestMethod]
        public void BurstArguments_AreChecked()
        {
            CurrentBurstRms rms = new CurrentBurstRms(1, 1, 0, 4095);
            short[] samples = new short[16];
            Support.AssertThrows.Exactly(typeof(ArgumentNullException), () => rms.Measure(null, 0, 1));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => rms.Measure(samples, 8, 9));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => rms.Measure(samples, 0, 0));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new CurrentBurstRms(0, 1, 0, 4095));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new CurrentBurstRms(1, 1, 10, 10));
        }

        [TestMethod]
        public void DirectReadings_MeanAndRms()
        {
            DirectCurrentWindow window = new DirectCurrentWindow();
            for (int i = 0; i < 100; i++)
            {
                window.Add(1500);
            }

            window.FinishWindow();
            Assert.AreEqual(1500, window.MeanMa);
            Assert.AreEqual(1500, window.RmsMa);
            Assert.AreEqual(100, window.SampleCount);

            // An AC current read directly: 20 cycles of 2000 mA peak, 40 readings per cycle.
            short[] readings = new short[800];
            SignalReference.Sine(readings, 0, 1, 800, 0, 2000, 50, 2000, 0);
            for (int i = 0; i < readings.Length; i++)
            {
                window.Add(readings[i]);
            }

            window.FinishWindow();
            Assert.IsTrue(SignalReference.Distance(window.MeanMa, SignalReference.Mean(readings, 0, 1, 800)) <= 1, "mean " + window.MeanMa);
            Assert.IsTrue(SignalReference.Distance(window.RmsMa, 2000 / Math.Sqrt(2)) <= 1, "rms " + window.RmsMa);
        }

        [TestMethod]
        public void DirectReadings_EmptyWindowAndClamp()
        {
            DirectCurrentWindow window = new DirectCurrentWindow();
            window.FinishWindow();
            Assert.AreEqual(0, window.SampleCount);
            Assert.AreEqual(0, window.RmsMa);

            window.Add(int.MaxValue);
            window.Add(int.MinValue);
            window.FinishWindow();
            Assert.AreEqual(DirectCurrentWindow.MaxReadingMa, window.RmsMa);
            Assert.AreEqual(0, window.MeanMa);
        }
    }
}
