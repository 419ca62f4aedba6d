namespace SensorNode.Core.Anomaly
{
    /// <summary>
    /// The node's health from its channels: <see cref="Health"/> is the worst channel level by
    /// severity (Ok &lt; Watch &lt; Fault &lt; Alarm, see <see cref="ChannelLevel"/>), and the
    /// counts keep both kinds of trouble visible, so a sensor fault never hides a machine alarm
    /// on another channel, nor the reverse. One instance is reused: <see cref="Evaluate"/>
    /// allocates nothing.
    /// </summary>
    public sealed class HealthAggregator
    {
        /// <summary>Worst level of all channels after the last <see cref="Evaluate"/>.</summary>
        public ChannelLevel Health { get; private set; }

        /// <summary>Worst of Ok, Watch and Alarm over the channels not in fault: the machine's condition as far as the node can see it.</summary>
        public ChannelLevel MachineLevel { get; private set; }

        /// <summary>Channels in Alarm.</summary>
        public int AlarmCount { get; private set; }

        /// <summary>Channels in Fault.</summary>
        public int FaultCount { get; private set; }

        /// <summary>Channels in Watch.</summary>
        public int WatchCount { get; private set; }

        /// <summary>Recomputes every figure from <paramref name="channels"/>; null entries are skipped.</summary>
        public void Evaluate(AnomalyChannel[] channels)
        {
            ChannelLevel worst = ChannelLevel.Ok;
            ChannelLevel machine = ChannelLevel.Ok;
            int alarms = 0;
            int faults = 0;
            int watches = 0;
            for (int i = 0; i < channels.Length; i++)
            {
                AnomalyChannel channel = channels[i];
                if (channel == null)
                {
                    continue;
                }

                ChannelLevel level = channel.Level;
                if (level > worst)
                {
                    worst = level;
                }

                if (level == ChannelLevel.Fault)
                {
                    faults++;
                    continue;
                }

                if (level == ChannelLevel.Alarm)
                {
                    alarms++;
                }
                else if (level == ChannelLevel.Watch)
                {
                    watches++;
                }

                if (level > machine)
                {
                    machine = level;
                }
            }

            Health = worst;
            MachineLevel = machine;
            AlarmCount = alarms;
            FaultCount = faults;
            WatchCount = watches;
        }
    }
}
