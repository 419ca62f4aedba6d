namespace SensorNode.Core.Signal
{
    /// <summary>
    /// One axis's features for the last finished window, in integer engineering units. Owned and overwritten by
    /// <see cref="VibrationFeatureExtractor.FinishWindow"/>: read them before the next call. All are 0 (zone A)
    /// for a window without samples.
    /// </summary>
    public sealed class VibrationFeatures
    {
        /// <summary>Acceleration RMS about the window mean (gravity and any other DC removed), milli-g, rounded.</summary>
        public int AccelRmsMilliG { get; internal set; }

        /// <summary>Largest |x - mean| in the window, milli-g, rounded.</summary>
        public int AccelPeakMilliG { get; internal set; }

        /// <summary>Peak / RMS x100 (141 for a sine, 100 for a square wave); 0 without spread.</summary>
        public int CrestFactorX100 { get; internal set; }

        /// <summary>Kurtosis x100 about the window mean (300 for Gaussian noise, 150 for a sine); 0 when undefined.</summary>
        public int KurtosisX100 { get; internal set; }

        /// <summary>Velocity RMS in the ISO band (10-1000 Hz, see <see cref="VibrationParameters.SampleRateHz"/>), µm/s, rounded.</summary>
        public int VelocityRmsUmS { get; internal set; }

        /// <summary>ISO 10816-3 zone of <see cref="VelocityRmsUmS"/> for the configured group and foundation.</summary>
        public IsoZone IsoZone { get; internal set; }

        /// <summary>Samples on this axis in the window.</summary>
        public int SampleCount { get; internal set; }

        /// <summary>
        /// Largest minus smallest raw count in the window, counts; 0 when every sample was the same (or there were none).
        /// A working accelerometer's own noise moves its output by a few counts at any rate, machine running or not, so a
        /// whole window at 0 on every axis is a part that repeats one sample: stuck.
        /// </summary>
        public int RangeCounts { get; internal set; }

        /// <summary>
        /// False while the velocity filters may still carry their start-up transient: the window began less than
        /// <see cref="VibrationFeatureExtractor.SettlingMs"/> after the extractor started or restarted. The other features
        /// do not depend on filter state and are valid in every window.
        /// </summary>
        public bool VelocitySettled { get; internal set; }
    }
}
