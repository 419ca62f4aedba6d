using SensorNode.Core.Node;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Report-by-exception thresholds per <see cref="NodeFeatures"/> feature: telemetry goes out before its period when a
    /// feature has moved from the value last sent by more than max(absolute deadband, relative deadband × |last sent|).
    /// </summary>
    /// <remarks>
    /// The values, in each feature's reported unit (scaled integer in brackets):
    /// <list type="table">
    /// <item><term>velocity_rms, _x, _y, _z</term><description>0.1 mm/s (100 µm/s) or 10 %: ISO 10816 zone steps are 1-4 mm/s wide</description></item>
    /// <item><term>accel_rms</term><description>0.010 g (10 milli-g) or 10 %</description></item>
    /// <item><term>accel_peak</term><description>0.050 g or 25 %: a peak is noisier than an RMS</description></item>
    /// <item><term>crest_factor</term><description>0.50 or 15 %</description></item>
    /// <item><term>kurtosis</term><description>1.00 or 20 %: 3.0 is Gaussian, a bearing defect lifts it past 4 and on</description></item>
    /// <item><term>temperature</term><description>0.50 °C (50 centi-°C)</description></item>
    /// <item><term>temperature_slope</term><description>0.20 °C/min</description></item>
    /// <item><term>current</term><description>0.100 A (100 mA) or 5 %</description></item>
    /// </list>
    /// A feature that becomes valid or invalid (measured or not) also counts as a move. The shape features (accel_peak,
    /// crest_factor, kurtosis) count only while the machine runs (<see cref="IsShapeFeature"/>): at rest they describe
    /// sensor noise, and kurtosis of noise swings by ±20 % from window to window.
    /// </remarks>
    public static class TelemetryDeadbands
    {
        private static readonly int[] Absolute = { 100, 100, 100, 100, 10, 50, 50, 100, 50, 20, 100 };

        private static readonly int[] RelativePercent = { 10, 10, 10, 10, 10, 25, 15, 20, 0, 0, 5 };

        /// <summary>Absolute deadband of a feature, in its scaled unit.</summary>
        public static int AbsoluteDeadband(int feature) => Absolute[feature];

        /// <summary>Relative deadband of a feature, percent of the last value sent (0: none).</summary>
        public static int RelativeDeadbandPercent(int feature) => RelativePercent[feature];

        /// <summary>True for accel_peak, crest_factor and kurtosis: they describe the signal's shape, not its energy.</summary>
        public static bool IsShapeFeature(int feature)
        {
            return feature == NodeFeatures.AccelPeak || feature == NodeFeatures.CrestFactor || feature == NodeFeatures.Kurtosis;
        }

        /// <summary>
        /// True when <paramref name="now"/> differs from <paramref name="lastSent"/> by more than the feature's deadband.
        /// Computed in 64 bits: no overflow for any int inputs.
        /// </summary>
        public static bool Exceeded(int feature, int lastSent, int now)
        {
            long delta = (long)now - lastSent;
            if (delta < 0)
            {
                delta = -delta;
            }

            long magnitude = lastSent < 0 ? -(long)lastSent : lastSent;
            long band = magnitude * RelativePercent[feature] / 100;
            if (band < Absolute[feature])
            {
                band = Absolute[feature];
            }

            return delta > band;
        }
    }
}
