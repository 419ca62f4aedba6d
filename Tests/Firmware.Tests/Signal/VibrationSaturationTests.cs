using SensorNode.Core.Signal;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>
    /// Full-scale input over the longest window: no sum wraps. Square waves have exact answers: RMS = peak = amplitude
    /// (within 1 milli-g), crest 100 and kurtosis 100 (within 1); velocity scales linearly with the amplitude (within
    /// 0.5 %), which a wrapped accumulator would break.
    /// </summary>
    [TestClass]
    public class VibrationSaturationTests
    {
        private const int Window = VibrationFeatureExtractor.MaxWindowSamples;

        private static VibrationFeatures SquareWave(int high, int low, int halfPeriod, int windows)
        {
            VibrationParameters parameters = new VibrationParameters();
            parameters.AxisCount = 1;
            VibrationFeatureExtractor extractor = new VibrationFeatureExtractor(parameters);
            short[] counts = new short[Window];
            for (int i = 0; i < Window; i++)
            {
                counts[i] = (short)((i / halfPeriod) % 2 == 0 ? high : low);
            }

            for (int window = 0; window < windows; window++)
            {
                Assert.AreEqual(Window, extractor.AddSamples(counts, 0, Window));
                extractor.FinishWindow();
            }

            return extractor.Axis(0);
        }

        [TestMethod]
        public void FullScaleSquareWave_HasExactMomentsAndLinearVelocity()
        {
            VibrationFeatures full = SquareWave(32767, -32767, 16, 2);
            double amplitudeMilliG = 32767 * SignalReference.MilliGPerCount;
            Assert.IsTrue(SignalReference.Distance(full.AccelRmsMilliG, amplitudeMilliG) <= 1, "rms " + full.AccelRmsMilliG);
            Assert.IsTrue(SignalReference.Distance(full.AccelPeakMilliG, amplitudeMilliG) <= 1, "peak " + full.AccelPeakMilliG);
            Assert.AreEqual(100, full.CrestFactorX100);
            Assert.AreEqual(100, full.KurtosisX100);
            Assert.IsTrue(full.IsoZone == IsoZone.D);

            VibrationFeatures half = SquareWave(16384, -16384, 16, 2);
            Assert.IsTrue(full.VelocityRmsUmS > 0, "velocity " + full.VelocityRmsUmS);
            Assert.IsTrue(SignalReference.RelativeError(full.VelocityRmsUmS, 2.0 * half.VelocityRmsUmS * 32767 / 32768) <= 0.005, "velocity " + full.VelocityRmsUmS + " vs " + half.VelocityRmsUmS);
        }

        [TestMethod]
        public void WidestSpan_FromMinusFullScale_DoesNotWrap()
        {
            // The first sample, -32768, is the first window's reference, so d reaches 65535: the widest the sums take.
            VibrationFeatures widest = SquareWave(-32768, 32767, 1, 1);
            double amplitudeMilliG = 32767.5 * SignalReference.MilliGPerCount;
            Assert.IsTrue(SignalReference.Distance(widest.AccelRmsMilliG, amplitudeMilliG) <= 1, "rms " + widest.AccelRmsMilliG);
            Assert.IsTrue(SignalReference.Distance(widest.AccelPeakMilliG, amplitudeMilliG) <= 1, "peak " + widest.AccelPeakMilliG);
            Assert.AreEqual(100, widest.CrestFactorX100);
            Assert.AreEqual(100, widest.KurtosisX100);
        }

        [TestMethod]
        public void SlowFullScaleSquareWave_KeepsVelocityFinite()
        {
            // 0.5 Hz steps of 65534 counts: every stage at its largest excursion, the velocity band's edge response.
            VibrationFeatures slow = SquareWave(32767, -32767, 3200, 2);
            Assert.IsTrue(slow.VelocityRmsUmS > 0 && slow.VelocityRmsUmS < int.MaxValue, "velocity " + slow.VelocityRmsUmS);
            Assert.IsTrue(slow.IsoZone == IsoZone.D);
        }
    }
}
