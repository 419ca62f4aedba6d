namespace SensorNode.Core.Anomaly
{
    /// <summary>Why a channel's level last changed; carried by every level-change event.</summary>
    public enum LevelReason : byte
    {
        /// <summary>No change has happened yet.</summary>
        None = 0,

        /// <summary>The anomaly score crossed the watch or alarm raise threshold.</summary>
        ScoreHigh = 1,

        /// <summary>The value stayed above the channel's absolute high limit.</summary>
        AboveLimit = 2,

        /// <summary>The value stayed below the channel's absolute low limit.</summary>
        BelowLimit = 3,

        /// <summary>The raw value did not change for the stuck count while the machine ran.</summary>
        Stuck = 4,

        /// <summary>No reading arrived for the missing count of windows.</summary>
        Missing = 5,

        /// <summary>The value lies outside the plausible range of the sensor.</summary>
        Impossible = 6,

        /// <summary>The sensor delivered good readings again after a fault.</summary>
        Recovered = 7,

        /// <summary>Score and limits back under the clear thresholds for the clear dwell.</summary>
        Cleared = 8,

        /// <summary>The baseline was reset by the learn command.</summary>
        Relearn = 9,
    }
}
