using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The state JSON: the payload of <c>{root}/state</c> and the console's <c>status json</c>, written from a
    /// <see cref="NodeSnapshot"/> into a <see cref="JsonWriter"/> without allocating. About 1.1 KB; a 2 KB buffer holds it.
    /// </summary>
    /// <remarks>
    /// Shape (values illustrative):
    /// <code>
    /// {"node":"node-a1b2c3","firmware":"0.5.0","uptime_s":1234,"health":"ok","machine":"running",
    ///  "machine_since_s":120,"power":"active","power_request":"auto","alarms":0,"faults":0,"watches":0,
    ///  "features":{"velocity_rms":{"value":1.234,"unit":"mm/s"},...,"iso_zone":"A"},
    ///  "channels":{"velocity":{"level":"ok","score":0.123,"learned":true},...},
    ///  "sensors":{"vibration":"ok","temperature":"ok","current":"not_fitted"},
    ///  "windows":1200,"last_event_seq":12,"errors":0,"queue":0,"dropped":0}
    /// </code>
    /// Every <see cref="NodeFeatures"/> feature is present with its unit; a feature not measured in the last window
    /// has value null. Channels and features of a sensor that is not fitted are left out. Scores are 0..1 with 3
    /// decimals (Q1.15 × 1000 / 32768, rounded down).
    /// </remarks>
    public static class StateJson
    {
        /// <summary>Writes the whole state as one top-level object. The writer must be empty (Reset).</summary>
        public static void Write(JsonWriter writer, NodeSnapshot snapshot)
        {
            writer.BeginObject();
            writer.WriteString("node", snapshot.NodeId);
            writer.WriteString("firmware", snapshot.Firmware);
            writer.WriteLong("uptime_s", snapshot.UptimeMs / 1000);
            writer.WriteString("health", NodeNames.Level(snapshot.Health));
            writer.WriteString("machine", NodeNames.Machine(snapshot.Machine));
            writer.WriteLong("machine_since_s", snapshot.MachineSinceMs / 1000);
            writer.WriteString("power", snapshot.PowerMode);
            writer.WriteString("power_request", NodeNames.PowerMode(snapshot.RequestedPowerMode));
            writer.WriteInt("alarms", snapshot.AlarmCount);
            writer.WriteInt("faults", snapshot.FaultCount);
            writer.WriteInt("watches", snapshot.WatchCount);

            writer.BeginObject("features");
            for (int feature = 0; feature < NodeFeatures.Count; feature++)
            {
                if (FeatureFitted(snapshot, feature))
                {
                    WriteFeature(writer, snapshot, feature);
                }
            }

            if (snapshot.SensorStatus(NodeSensors.Vibration) != SensorReadStatus.NotFitted)
            {
                if (snapshot.FeatureValid(NodeFeatures.VelocityRms))
                {
                    writer.WriteString("iso_zone", NodeNames.Zone(snapshot.IsoZone));
                }
                else
                {
                    writer.WriteNull("iso_zone");
                }
            }

            writer.EndObject();

            writer.BeginObject("channels");
            for (int channel = 0; channel < NodeChannels.Count; channel++)
            {
                if (!snapshot.ChannelFitted(channel))
                {
                    continue;
                }

                writer.BeginObject(NodeChannels.Name(channel));
                writer.WriteString("level", NodeNames.Level(snapshot.ChannelLevel(channel)));
                writer.WriteFixed("score", ScoreMilli(snapshot.ChannelScoreQ15(channel)), 3);
                writer.WriteBool("learned", snapshot.ChannelLearned(channel));
                writer.EndObject();
            }

            writer.EndObject();

            WriteSensors(writer, snapshot, "sensors");
            writer.WriteLong("windows", snapshot.WindowCount);
            writer.WriteLong("last_event_seq", snapshot.LastEventSeq);
            writer.WriteLong("errors", snapshot.ErrorCount);
            writer.WriteInt("queue", snapshot.QueueDepth);
            writer.WriteInt("dropped", snapshot.DroppedCount);
            writer.EndObject();
        }

        /// <summary>Writes <c>"name":{"vibration":"ok",...}</c>: each sensor's last read status.</summary>
        public static void WriteSensors(JsonWriter writer, NodeSnapshot snapshot, string name)
        {
            writer.BeginObject(name);
            for (int sensor = 0; sensor < NodeSensors.Count; sensor++)
            {
                writer.WriteString(NodeSensors.Name(sensor), NodeNames.SensorStatus(snapshot.SensorStatus(sensor)));
            }

            writer.EndObject();
        }

        /// <summary>Writes <c>"name":{"value":1.234,"unit":"mm/s"}</c> for a feature (value null when not measured).</summary>
        public static void WriteFeature(JsonWriter writer, NodeSnapshot snapshot, int feature)
        {
            writer.BeginObject(NodeFeatures.Name(feature));
            if (snapshot.FeatureValid(feature))
            {
                writer.WriteFixed("value", snapshot.FeatureValue(feature), NodeFeatures.Decimals(feature));
            }
            else
            {
                writer.WriteNull("value");
            }

            writer.WriteString("unit", NodeFeatures.Unit(feature));
            writer.EndObject();
        }

        /// <summary>A Q1.15 score as thousandths of full scale, rounded down: 16384 gives 500.</summary>
        public static int ScoreMilli(int scoreQ15)
        {
            return (int)((long)scoreQ15 * 1000 / 32768);
        }

        private static bool FeatureFitted(NodeSnapshot snapshot, int feature)
        {
            int sensor = feature <= NodeFeatures.Kurtosis ? NodeSensors.Vibration
                : feature <= NodeFeatures.TemperatureSlope ? NodeSensors.Temperature : NodeSensors.Current;
            return snapshot.SensorStatus(sensor) != SensorReadStatus.NotFitted;
        }
    }
}
