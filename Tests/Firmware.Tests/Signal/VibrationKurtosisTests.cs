using SensorNode.Core.Signal;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>
    /// Kurtosis x100 against the double reference of the same samples: within 1. Against theory: Gaussian noise 300
    /// within 35 (4 standard errors of the sample kurtosis, sqrt(24 / 3200) x 100 = 8.7), a sine 150 within 2.
    /// </summary>
    [TestClass]
    public class VibrationKurtosisTests
    {
        private const int RateHz = 3200;

        private static VibrationFeatureExtractor Run(short[] counts, int axes, int frames)
        {
            VibrationParameters parameters = new VibrationParameters();
            parameters.AxisCount = axes;
            VibrationFeatureExtractor extractor = new VibrationFeatureExtractor(parameters);
            extractor.AddSamples(counts, 0, frames);
            extractor.FinishWindow();
            return extractor;
        }

        [TestMethod]
        public void GaussianNoise_IsAbout300()
        {
            GaussianNoise noise = new GaussianNoise(12345);
            short[] counts = new short[3 * RateHz];
            double[] sigmas = { 5, 100, 3000 };
            for (int i = 0; i < RateHz; i++)
            {
                for (int axis = 0; axis < 3; axis++)
                {
                    counts[3 * i + axis] = SignalReference.ToCount(256 + noise.Next(sigmas[axis]));
                }
            }

            VibrationFeatureExtractor extractor = Run(counts, 3, RateHz);
            for (int axis = 0; axis < 3; axis++)
            {
                int kurtosis = extractor.Axis(axis).KurtosisX100;
                Assert.IsTrue(SignalReference.Distance(kurtosis, 100 * SignalReference.Kurtosis(counts, axis, 3, RateHz)) <= 1, "axis " + axis + ": " + kurtosis);
                Assert.IsTrue(SignalReference.Distance(kurtosis, 300) <= 35, "axis " + axis + ": " + kurtosis);
            }
        }

        [TestMethod]
        public void Sine_Is150()
        {
            short[] counts = new short[RateHz];
            SignalReference.Sine(counts, 0, 1, RateHz, 0, RateHz, 50.0, 2000, 256);
            int kurtosis = Run(counts, 1, RateHz).Axis(0).KurtosisX100;
            Assert.IsTrue(SignalReference.Distance(kurtosis, 100 * SignalReference.Kurtosis(counts, 0, 1, RateHz)) <= 1, "kurtosis " + kurtosis);
            Assert.IsTrue(SignalReference.Distance(kurtosis, 150) <= 2, "kurtosis " + kurtosis);
        }

        [TestMethod]
        public void ImpulseTrain_IsFarAboveGaussian()
        {
            // Bearing-fault-like: 20 impacts of 3000 counts a second on noise of 20 counts.
            GaussianNoise noise = new GaussianNoise(777);
            short[] counts = new short[RateHz];
            for (int i = 0; i < RateHz; i++)
            {
                double impact = i % 160 == 0 ? 3000 : 0;
                counts[i] = SignalReference.ToCount(256 + impact + noise.Next(20));
            }

            int kurtosis = Run(counts, 1, RateHz).Axis(0).KurtosisX100;
            Assert.IsTrue(SignalReference.Distance(kurtosis, 100 * SignalReference.Kurtosis(counts, 0, 1, RateHz)) <= 1, "kurtosis " + kurtosis);
            Assert.IsTrue(kurtosis > 3000, "kurtosis " + kurtosis);
        }

        [TestMethod]
        public void MeanFarFromReference_IsRemovedExactly()
        {
            // The second window is measured about the first one's mean (+2000), 5000 counts away from its own.
            VibrationParameters parameters = new VibrationParameters();
            parameters.AxisCount = 1;
            VibrationFeatureExtractor extractor = new VibrationFeatureExtractor(parameters);
            short[] counts = new short[RateHz];
            SignalReference.Sine(counts, 0, 1, RateHz, 0, RateHz, 50.0, 1500, 2000);
            extractor.AddSamples(counts, 0, RateHz);
            extractor.FinishWindow();

            GaussianNoise noise = new GaussianNoise(99);
            for (int i = 0; i < RateHz; i++)
            {
                counts[i] = SignalReference.ToCount(-3000 + noise.Next(1000));
            }

            extractor.AddSamples(counts, 0, RateHz);
            extractor.FinishWindow();
            VibrationFeatures features = extractor.Axis(0);
            Assert.IsTrue(SignalReference.Distance(features.KurtosisX100, 100 * SignalReference.Kurtosis(counts, 0, 1, RateHz)) <= 1, "kurtosis " + features.KurtosisX100);
            Assert.IsTrue(SignalReference.Distance(features.AccelRmsMilliG, SignalReference.Rms(counts, 0, 1, RateHz) * SignalReference.MilliGPerCount) <= 1, "rms " + features.AccelRmsMilliG);
            Assert.IsTrue(SignalReference.Distance(features.AccelPeakMilliG, SignalReference.Peak(counts, 0, 1, RateHz) * SignalReference.MilliGPerCount) <= 1, "peak " + features.AccelPeakMilliG);
        }

        [TestMethod]
        public void UndefinedCases_AreZero()
        {
            Assert.AreEqual(0, SampleMoments.KurtosisX100(1, 5, 25, 125, 0, 625));
            Assert.AreEqual(0, SampleMoments.KurtosisX100(4, 8, 16, 32, 0, 64));
            Assert.AreEqual(0, SampleMoments.KurtosisX100(0, 0, 0, 0, 0, 0));
        }

        [TestMethod]
        public void TwoLevelSignal_Is100()
        {
            // d in {0, 2} about reference 0: mean 1, every |d - mean| = 1, so kurtosis is exactly 1.
            Assert.AreEqual(100, SampleMoments.KurtosisX100(4, 4, 8, 16, 0, 32));
        }
    }
}
