using System;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Signal;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>
    /// Acceleration RMS, peak and crest factor against the double reference of the same quantised samples.
    /// Bounds: RMS and peak within 1 milli-g (one rounding of the Q.8 count value plus the final rounding),
    /// crest factor within 1 (x100). Against the analytic sine (a/√2, a) within 0.5 % + 1 milli-g (quantisation).
    /// </summary>
    [TestClass]
    public class VibrationAccelerationTests
    {
        private const int RateHz = 3200;

        private static VibrationFeatureExtractor Create(int axes)
        {
            VibrationParameters parameters = new VibrationParameters();
            parameters.SampleRateHz = RateHz;
            parameters.AxisCount = axes;
            return new VibrationFeatureExtractor(parameters);
        }

        [TestMethod]
        [DataRow(10.0, 47.3)]
        [DataRow(100.0, 120.7)]
        [DataRow(1000.0, 50.0)]
        [DataRow(8000.0, 333.3)]
        [DataRow(30000.0, 20.0)]
        public void SineWithGravity_RmsPeakCrestMatchReference(double amplitudeCounts, double frequencyHz)
        {
            VibrationFeatureExtractor extractor = Create(1);
            short[] counts = new short[RateHz];
            SignalReference.Sine(counts, 0, 1, RateHz, 0, RateHz, frequencyHz, amplitudeCounts, 256);

            Assert.AreEqual(RateHz, extractor.AddSamples(counts, 0, RateHz));
            extractor.FinishWindow();
            VibrationFeatures features = extractor.Axis(0);

            double rms = SignalReference.Rms(counts, 0, 1, RateHz);
            double peak = SignalReference.Peak(counts, 0, 1, RateHz);
            Assert.AreEqual(RateHz, features.SampleCount);
            Assert.IsTrue(SignalReference.Distance(features.AccelRmsMilliG, rms * SignalReference.MilliGPerCount) <= 1, "rms " + features.AccelRmsMilliG);
            Assert.IsTrue(SignalReference.Distance(features.AccelPeakMilliG, peak * SignalReference.MilliGPerCount) <= 1, "peak " + features.AccelPeakMilliG);
            Assert.IsTrue(SignalReference.Distance(features.CrestFactorX100, 100 * peak / rms) <= 1, "crest " + features.CrestFactorX100);

            double analyticRmsMilliG = amplitudeCounts / Math.Sqrt(2) * SignalReference.MilliGPerCount;
            double analyticPeakMilliG = amplitudeCounts * SignalReference.MilliGPerCount;
            Assert.IsTrue(SignalReference.Distance(features.AccelRmsMilliG, analyticRmsMilliG) <= 0.005 * analyticRmsMilliG + 1, "analytic rms");
            Assert.IsTrue(SignalReference.Distance(features.AccelPeakMilliG, analyticPeakMilliG) <= 0.005 * analyticPeakMilliG + 1, "analytic peak");
        }

        [TestMethod]
        public void GravityOnly_EveryFeatureIsZeroFromTheFirstWindow()
        {
            VibrationFeatureExtractor extractor = Create(3);
            short[] counts = new short[3 * RateHz];
            for (int i = 0; i < RateHz; i++)
            {
                counts[3 * i] = 12;
                counts[3 * i + 1] = -7;
                counts[3 * i + 2] = 256;
            }

            extractor.AddSamples(counts, 0, RateHz);
            extractor.FinishWindow();
            for (int axis = 0; axis < 3; axis++)
            {
                VibrationFeatures features = extractor.Axis(axis);
                Assert.AreEqual(0, features.AccelRmsMilliG);
                Assert.AreEqual(0, features.AccelPeakMilliG);
                Assert.AreEqual(0, features.CrestFactorX100);
                Assert.AreEqual(0, features.KurtosisX100);
                Assert.AreEqual(0, features.VelocityRmsUmS);
                Assert.IsTrue(features.IsoZone == IsoZone.A);
            }
        }

        [TestMethod]
        public void ThreeAxes_EachAxisEqualsItsSingleAxisRun()
        {
            VibrationFeatureExtractor triple = Create(3);
            short[] interleaved = new short[3 * RateHz];
            SignalReference.Sine(interleaved, 0, 3, RateHz, 0, RateHz, 29.0, 300, 0);
            SignalReference.Sine(interleaved, 1, 3, RateHz, 0, RateHz, 157.0, 1200, -40);
            SignalReference.Sine(interleaved, 2, 3, RateHz, 0, RateHz, 611.0, 90, 256);
            triple.AddSamples(interleaved, 0, RateHz);
            triple.FinishWindow();

            for (int axis = 0; axis < 3; axis++)
            {
                short[] single = new short[RateHz];
                for (int i = 0; i < RateHz; i++)
                {
                    single[i] = interleaved[3 * i + axis];
                }

                VibrationFeatureExtractor alone = Create(1);
                alone.AddSamples(single, 0, RateHz);
                alone.FinishWindow();
                AssertSameFeatures(alone.Axis(0), triple.Axis(axis));
            }
        }

        [TestMethod]
        public void FifoSizedBatches_GiveTheSameFeaturesAsWholeWindows()
        {
            VibrationFeatureExtractor whole = Create(3);
            VibrationFeatureExtractor batched = Create(3);
            short[] counts = new short[3 * RateHz];
            for (int window = 0; window < 3; window++)
            {
                long first = (long)window * RateHz;
                SignalReference.Sine(counts, 0, 3, RateHz, first, RateHz, 23.0, 400, 10);
                SignalReference.Sine(counts, 1, 3, RateHz, first, RateHz, 480.0, 2000, 0);
                SignalReference.Sine(counts, 2, 3, RateHz, first, RateHz, 97.5, 50, 256);
                whole.AddSamples(counts, 0, RateHz);
                for (int frame = 0; frame < RateHz; frame += 32)
                {
                    Assert.AreEqual(32, batched.AddSamples(counts, 3 * frame, 32));
                }

                whole.FinishWindow();
                batched.FinishWindow();
                for (int axis = 0; axis < 3; axis++)
                {
                    AssertSameFeatures(whole.Axis(axis), batched.Axis(axis));
                }
            }
        }

        [TestMethod]
        public void ThirtyTwoCountsPerMilliG_ScaleIsConfiguration()
        {
            // A part with 1/32 mg per count: the same counts read 125 times smaller than at 1000/256.
            VibrationParameters parameters = new VibrationParameters();
            parameters.AxisCount = 1;
            parameters.MilliGPerCount = new LinearScale(1, 32);
            VibrationFeatureExtractor extractor = new VibrationFeatureExtractor(parameters);
            short[] counts = new short[RateHz];
            SignalReference.Sine(counts, 0, 1, RateHz, 0, RateHz, 80.0, 16000, 0);
            extractor.AddSamples(counts, 0, RateHz);
            extractor.FinishWindow();

            double rmsMilliG = SignalReference.Rms(counts, 0, 1, RateHz) / 32;
            Assert.IsTrue(SignalReference.Distance(extractor.Axis(0).AccelRmsMilliG, rmsMilliG) <= 1, "rms " + extractor.Axis(0).AccelRmsMilliG);
        }

        [TestMethod]
        public void EmptyWindow_GivesZeroSampleCount()
        {
            VibrationFeatureExtractor extractor = Create(1);
            extractor.FinishWindow();
            Assert.AreEqual(0, extractor.Axis(0).SampleCount);
            Assert.AreEqual(0, extractor.Axis(0).AccelRmsMilliG);
            Assert.AreEqual(1, extractor.WindowsFinished);
        }

        [TestMethod]
        public void FullWindow_TakesNoMoreThanMaxWindowSamples()
        {
            VibrationFeatureExtractor extractor = Create(1);
            short[] counts = new short[VibrationFeatureExtractor.MaxWindowSamples];
            Assert.AreEqual(VibrationFeatureExtractor.MaxWindowSamples - 100, extractor.AddSamples(counts, 0, VibrationFeatureExtractor.MaxWindowSamples - 100));
            Assert.AreEqual(100, extractor.AddSamples(counts, 0, 1000));
            Assert.AreEqual(0, extractor.AddSamples(counts, 0, 1));
            extractor.FinishWindow();
            Assert.AreEqual(VibrationFeatureExtractor.MaxWindowSamples, extractor.Axis(0).SampleCount);
            Assert.AreEqual(1000, extractor.AddSamples(counts, 0, 1000));
        }

        [TestMethod]
        public void BadArguments_Throw()
        {
            VibrationFeatureExtractor extractor = Create(3);
            short[] counts = new short[96];
            Support.AssertThrows.Exactly(typeof(ArgumentNullException), () => extractor.AddSamples(null, 0, 1));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => extractor.AddSamples(counts, 3, 32));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => extractor.AddSamples(counts, -1, 1));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => extractor.Axis(3));
            VibrationParameters parameters = new VibrationParameters();
            parameters.SampleRateHz = 99;
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new VibrationFeatureExtractor(parameters));
            parameters.SampleRateHz = 3200;
            parameters.AxisCount = 4;
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new VibrationFeatureExtractor(parameters));
        }

        internal static void AssertSameFeatures(VibrationFeatures expected, VibrationFeatures actual)
        {
            Assert.AreEqual(expected.AccelRmsMilliG, actual.AccelRmsMilliG);
            Assert.AreEqual(expected.AccelPeakMilliG, actual.AccelPeakMilliG);
            Assert.AreEqual(expected.CrestFactorX100, actual.CrestFactorX100);
            Assert.AreEqual(expected.KurtosisX100, actual.KurtosisX100);
            Assert.AreEqual(expected.VelocityRmsUmS, actual.VelocityRmsUmS);
            Assert.AreEqual(expected.SampleCount, actual.SampleCount);
            Assert.IsTrue(expected.IsoZone == actual.IsoZone);
            Assert.IsTrue(expected.VelocitySettled == actual.VelocitySettled);
        }
    }
}
