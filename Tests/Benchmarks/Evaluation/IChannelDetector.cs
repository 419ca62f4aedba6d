namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>The level of one channel as the evaluation records it.</summary>
    public enum EvalLevel
    {
        Learning,
        Ok,
        Watch,
        Alarm,
        Fault,
    }

    /// <summary>
    /// The seam between the harness and the filter under test: one feature channel, updated once
    /// per window with a value in the channel's integer unit. The firmware's
    /// <c>SensorNode.Core.Anomaly.AnomalyChannel</c> is adapted to it; nothing else in the harness
    /// knows which filter runs.
    /// </summary>
    public interface IChannelDetector
    {
        /// <summary>Name used in the NAB results folder and in the report.</summary>
        string DetectorName { get; }

        void Update(int value, bool learningAllowed);

        /// <summary>Anomaly score in [0, 1] as Q1.15 (0..32767).</summary>
        int ScoreQ15 { get; }

        EvalLevel Level { get; }

        bool IsLearned { get; }
    }
}
