using SensorNode.Core.Node;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The telemetry JSON, the payload of <c>{root}/telemetry</c>: the last window's features as plain numbers in their
    /// reported units (see <see cref="NodeFeatures"/>), written without allocating.
    /// </summary>
    /// <remarks>
    /// Shape: <c>{"time_ms":83456,"time":1767225600000,"reason":"interval","power":"active","machine":"running",
    /// "velocity_rms":1.234,"velocity_rms_x":0.998,...,"temperature":41.25,"temperature_slope":0.10,"current":5.012}</c>.
    /// time_ms is node time since boot, time Unix ms or null while the wall clock is unknown; reason is "interval" (the
    /// power mode's period) or "deadband" (a feature moved, see <see cref="TelemetryDeadbands"/>). A feature not measured
    /// in the window is null; features of a sensor that is not fitted are left out. Units are in the state JSON. About
    /// 330 bytes with every feature.
    /// </remarks>
    public static class TelemetryJson
    {
        /// <summary>Reason written when the period elapsed.</summary>
        public const string ReasonInterval = "interval";

        /// <summary>Reason written when a feature moved beyond its deadband.</summary>
        public const string ReasonDeadband = "deadband";

        /// <summary>Writes one telemetry message as the top-level value. The writer must be empty (Reset).</summary>
        /// <param name="writer">Destination.</param>
        /// <param name="snapshot">The node's state after the window.</param>
        /// <param name="unixTimeMs">Wall time of the window, or 0 when unknown.</param>
        /// <param name="reason"><see cref="ReasonInterval"/> or <see cref="ReasonDeadband"/>.</param>
        public static void Write(JsonWriter writer, NodeSnapshot snapshot, long unixTimeMs, string reason)
        {
            writer.BeginObject();
            writer.WriteLong("time_ms", snapshot.UptimeMs);
            if (unixTimeMs > 0)
            {
                writer.WriteLong("time", unixTimeMs);
            }
            else
            {
                writer.WriteNull("time");
            }

            writer.WriteString("reason", reason);
            writer.WriteString("power", snapshot.PowerMode);
            writer.WriteString("machine", NodeNames.Machine(snapshot.Machine));
            for (int feature = 0; feature < NodeFeatures.Count; feature++)
            {
                if (!FeatureFitted(snapshot, feature))
                {
                    continue;
                }

                if (snapshot.FeatureValid(feature))
                {
                    writer.WriteFixed(NodeFeatures.Name(feature), snapshot.FeatureValue(feature), NodeFeatures.Decimals(feature));
                }
                else
                {
                    writer.WriteNull(NodeFeatures.Name(feature));
                }
            }

            writer.EndObject();
        }

        /// <summary>True unless the sensor behind <paramref name="feature"/> is not fitted.</summary>
        public static bool FeatureFitted(NodeSnapshot snapshot, int feature)
        {
            return snapshot.SensorStatus(FeatureSensor(feature)) != SensorReadStatus.NotFitted;
        }

        /// <summary>The <see cref="NodeSensors"/> index that delivers <paramref name="feature"/>.</summary>
        public static int FeatureSensor(int feature)
        {
            return feature <= NodeFeatures.Kurtosis ? NodeSensors.Vibration
                : feature <= NodeFeatures.TemperatureSlope ? NodeSensors.Temperature : NodeSensors.Current;
        }
    }
}
