using System.Collections.Generic;
using SensorNode.Core.Signal;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>One window's features from the firmware extractor, one per <see cref="CwruFirmwareFeatures.ChannelNames"/>.</summary>
    public sealed class CwruWindow
    {
        public int[] Features { get; set; }

        /// <summary>False in the windows right after a restart, while the velocity filters settle.</summary>
        public bool VelocitySettled { get; set; }
    }

    /// <summary>
    /// The CWRU features come from the firmware's <see cref="VibrationFeatureExtractor"/> (fixed point, the exact
    /// device code), one axis at 12 kHz: each recording's counts go in as batches of one window and each window is
    /// finished with <see cref="VibrationFeatureExtractor.FinishWindow"/>. The extractor restarts at the start of
    /// each recording, as the firmware does after a gap in the samples.
    /// </summary>
    public static class CwruFirmwareFeatures
    {
        public const int AccelRms = 0;
        public const int Velocity = 4;

        public static readonly string[] ChannelNames = { "accel RMS (mg)", "accel peak (mg)", "crest x100", "kurtosis x100", "velocity RMS (um/s)" };

        public static List<CwruWindow> Windows(VibrationFeatureExtractor extractor, short[] counts, int windowSamples)
        {
            extractor.Restart();
            List<CwruWindow> windows = new List<CwruWindow>();
            for (int offset = 0; offset + windowSamples <= counts.Length; offset += windowSamples)
            {
                extractor.AddSamples(counts, offset, windowSamples);
                extractor.FinishWindow();
                VibrationFeatures axis = extractor.Axis(0);
                windows.Add(new CwruWindow
                {
                    Features = new[] { axis.AccelRmsMilliG, axis.AccelPeakMilliG, axis.CrestFactorX100, axis.KurtosisX100, axis.VelocityRmsUmS },
                    VelocitySettled = axis.VelocitySettled,
                });
            }

            return windows;
        }
    }
}
