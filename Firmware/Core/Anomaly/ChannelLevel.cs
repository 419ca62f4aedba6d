namespace SensorNode.Core.Anomaly
{
    /// <summary>
    /// Condition of one feature channel, ordered by severity so that the worst of several is the
    /// largest value. <see cref="Fault"/> (the sensor is not trustworthy) ranks above
    /// <see cref="Watch"/> because the node can no longer vouch for that channel, and below
    /// <see cref="Alarm"/> because a confirmed machine alarm is the one that needs action on the
    /// machine. <see cref="HealthAggregator"/> reports fault and alarm counts separately as well.
    /// </summary>
    public enum ChannelLevel : byte
    {
        /// <summary>Normal, or still learning (see <see cref="AnomalyChannel.IsLearned"/>).</summary>
        Ok = 0,

        /// <summary>Score above the watch threshold for the raise dwell.</summary>
        Watch = 1,

        /// <summary>The sensor is missing, stuck or reports impossible values.</summary>
        Fault = 2,

        /// <summary>Score above the alarm threshold, or an absolute limit breached, for the raise dwell.</summary>
        Alarm = 3,
    }
}
