using SensorNode.Core.Node;

namespace SensorNode.Core.Console
{
    /// <summary>
    /// The console's plain-text views: the <c>status</c> table, the <c>sensors</c> table and one line per event. Written
    /// into a <see cref="ConsoleReply"/> without allocating.
    /// </summary>
    internal static class StatusText
    {
        private const int NameColumn = 14;
        private const int ValueColumn = 16;
        private const int LevelColumn = 7;
        private const int ScoreColumn = 7;
        private const int StatusColumn = 20;
        private const int ReadingColumn = 18;
        private const int CountColumn = 10;

        /// <summary>
        /// The status table, for example:
        /// <code>
        /// node node-a1b2c3  firmware 0.5.0  uptime 0d 00:20:00
        /// health alarm (alarms 1, faults 0, watch 0)
        /// machine running for 0d 00:19:00  power active (requested auto)  woke power_on
        /// vibration 3200 Hz x3: 3200 frames in the last window, 0 lost; ISO zone D
        /// windows 1200  events 14  errors 0
        /// channel       value           level  score  baseline
        /// velocity      7.512 mm/s      alarm  0.98   learned
        /// ...
        /// velocity x/y/z 7.512/2.101/1.020 mm/s  accel peak 1.250 g  crest 3.10  temperature slope 0.12 °C/min
        /// </code>
        /// A value that was not measured in the last window is "-"; a sensor that is not fitted shows "not fitted".
        /// </summary>
        public static void WriteStatus(ConsoleReply r, SensorNodeCore node)
        {
            NodeSnapshot s = node.Snapshot;
            r.Append("node ");
            r.Append(s.NodeId);
            r.Append("  firmware ");
            r.Append(s.Firmware);
            r.Append("  uptime ");
            AppendDuration(r, s.UptimeMs);
            r.AppendLine();

            r.Append("health ");
            r.Append(NodeNames.Level(s.Health));
            r.Append(" (alarms ");
            r.AppendInt(s.AlarmCount);
            r.Append(", faults ");
            r.AppendInt(s.FaultCount);
            r.Append(", watch ");
            r.AppendInt(s.WatchCount);
            r.Append(')');
            r.AppendLine();

            r.Append("machine ");
            r.Append(NodeNames.Machine(s.Machine));
            if (s.MachineSinceMs > 0)
            {
                r.Append(" for ");
                AppendDuration(r, s.UptimeMs - s.MachineSinceMs);
            }

            r.Append("  power ");
            r.Append(s.PowerMode);
            r.Append(" (requested ");
            r.Append(NodeNames.PowerMode(s.RequestedPowerMode));
            r.Append(')');
            if (s.WakeCause.Length > 0)
            {
                r.Append("  woke ");
                r.Append(s.WakeCause);
            }

            r.AppendLine();

            r.Append("vibration ");
            r.AppendInt(s.VibrationSampleRateHz);
            r.Append(" Hz x");
            r.AppendInt(s.VibrationAxisCount);
            r.Append(": ");
            r.AppendInt(s.VibrationFrames);
            r.Append(" frames in the last window, ");
            r.AppendInt(s.VibrationFramesLost);
            r.Append(" lost; ISO zone ");
            r.Append(s.FeatureValid(NodeFeatures.VelocityRms) ? NodeNames.Zone(s.IsoZone) : "-");
            r.AppendLine();

            r.Append("windows ");
            r.AppendInt(s.WindowCount);
            r.Append("  events ");
            r.AppendInt(s.LastEventSeq);
            r.Append("  errors ");
            r.AppendInt(s.ErrorCount);
            r.AppendLine();

            r.AppendPadded("channel", NameColumn);
            r.AppendPadded("value", ValueColumn);
            r.AppendPadded("level", LevelColumn);
            r.AppendPadded("score", ScoreColumn);
            r.Append("baseline");
            for (int channel = 0; channel < NodeChannels.Count; channel++)
            {
                r.AppendLine();
                r.AppendPadded(NodeChannels.Name(channel), NameColumn);
                int start = r.Length;
                if (!s.ChannelFitted(channel))
                {
                    r.Append("not fitted");
                    continue;
                }

                AppendFeature(r, s, NodeChannels.Feature(channel));
                Pad(r, start, ValueColumn);
                r.AppendPadded(NodeNames.Level(s.ChannelLevel(channel)), LevelColumn);
                start = r.Length;
                r.AppendFixed(StateJson.ScoreMilli(s.ChannelScoreQ15(channel)) / 10, 2);
                Pad(r, start, ScoreColumn);
                r.Append(s.ChannelLearned(channel) ? "learned" : "learning");
            }

            r.AppendLine();
            r.Append("velocity x/y/z ");
            for (int axis = 0; axis < 3; axis++)
            {
                if (axis > 0)
                {
                    r.Append('/');
                }

                AppendValue(r, s, NodeFeatures.VelocityRmsX + axis);
            }

            r.Append(" mm/s  accel peak ");
            AppendFeature(r, s, NodeFeatures.AccelPeak);
            r.Append("  crest ");
            AppendFeature(r, s, NodeFeatures.CrestFactor);
            r.Append("  temperature slope ");
            AppendFeature(r, s, NodeFeatures.TemperatureSlope);
        }

        /// <summary>
        /// The sensors table: each sensor's last status, its reading and how many reads gave data (good) or a fault (bad).
        /// </summary>
        public static void WriteSensors(ConsoleReply r, NodeSnapshot s)
        {
            r.AppendPadded("sensor", NameColumn);
            r.AppendPadded("status", StatusColumn);
            r.AppendPadded("reading", ReadingColumn);
            r.AppendPadded("good", CountColumn);
            r.Append("bad");
            for (int sensor = 0; sensor < NodeSensors.Count; sensor++)
            {
                r.AppendLine();
                r.AppendPadded(NodeSensors.Name(sensor), NameColumn);
                r.AppendPadded(NodeNames.SensorStatus(s.SensorStatus(sensor)), StatusColumn);
                int start = r.Length;
                if (sensor == NodeSensors.Vibration)
                {
                    AppendFeature(r, s, NodeFeatures.AccelRms);
                    r.Append(" rms");
                }
                else
                {
                    AppendFeature(r, s, sensor == NodeSensors.Temperature ? NodeFeatures.Temperature : NodeFeatures.Current);
                }

                Pad(r, start, ReadingColumn);
                start = r.Length;
                r.AppendInt(s.SensorGoodReads(sensor));
                Pad(r, start, CountColumn);
                r.AppendInt(s.SensorBadReads(sensor));
            }
        }

        /// <summary>
        /// One event on one line: "#12 0d 00:01:23 alarm velocity level=alarm value=4.612 mm/s score=0.81
        /// reason=above_limit"; empty fields are left out.
        /// </summary>
        public static void WriteEvent(ConsoleReply r, NodeEvent e)
        {
            r.Append('#');
            r.AppendInt(e.Seq);
            r.Append(' ');
            AppendDuration(r, e.TimeMs);
            r.Append(' ');
            r.Append(NodeNames.EventType(e.Type));
            r.Append(' ');
            r.Append(e.Channel);
            if (e.Level.Length > 0)
            {
                r.Append(" level=");
                r.Append(e.Level);
            }

            if (e.Value != 0 || e.Unit.Length > 0)
            {
                r.Append(" value=");
                r.AppendFixed(e.Value, e.Decimals);
                if (e.Unit.Length > 0)
                {
                    r.Append(' ');
                    r.Append(e.Unit);
                }
            }

            if (e.ScoreQ15 != 0)
            {
                r.Append(" score=");
                r.AppendFixed(StateJson.ScoreMilli(e.ScoreQ15) / 10, 2);
            }

            if (e.Reason.Length > 0)
            {
                r.Append(" reason=");
                r.Append(e.Reason);
            }
        }

        /// <summary>Appends a duration as "Dd HH:MM:SS" (negative durations as 0).</summary>
        public static void AppendDuration(ConsoleReply r, long ms)
        {
            long seconds = ms < 0 ? 0 : ms / 1000;
            r.AppendInt(seconds / 86400);
            r.Append("d ");
            AppendTwoDigits(r, seconds / 3600 % 24);
            r.Append(':');
            AppendTwoDigits(r, seconds / 60 % 60);
            r.Append(':');
            AppendTwoDigits(r, seconds % 60);
        }

        private static void AppendFeature(ConsoleReply r, NodeSnapshot s, int feature)
        {
            AppendValue(r, s, feature);
            string unit = NodeFeatures.Unit(feature);
            if (s.FeatureValid(feature) && unit.Length > 0)
            {
                r.Append(' ');
                r.Append(unit);
            }
        }

        private static void AppendValue(ConsoleReply r, NodeSnapshot s, int feature)
        {
            if (s.FeatureValid(feature))
            {
                r.AppendFixed(s.FeatureValue(feature), NodeFeatures.Decimals(feature));
            }
            else
            {
                r.Append('-');
            }
        }

        private static void AppendTwoDigits(ConsoleReply r, long value)
        {
            r.Append((char)('0' + value / 10));
            r.Append((char)('0' + value % 10));
        }

        // Spaces up to width characters after start; bounded, so a truncated reply cannot loop.
        private static void Pad(ConsoleReply r, int start, int width)
        {
            for (int used = r.Length - start; used < width; used++)
            {
                r.Append(' ');
            }
        }
    }
}
