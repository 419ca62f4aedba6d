using SensorNode.Core.Anomaly;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// The firmware's <see cref="AnomalyChannel"/> behind the harness seam: the exact device code,
    /// fixed point, one instance per channel. Ok before the baseline is learned is reported as
    /// <see cref="EvalLevel.Learning"/> so the plots can show the learning period.
    /// </summary>
    public sealed class FirmwareChannelDetector : IChannelDetector
    {
        public const string Name = "sensorNodeAnomalyChannel";

        private readonly AnomalyChannel channel;

        public FirmwareChannelDetector(AnomalyParameters parameters)
        {
            channel = new AnomalyChannel(parameters);
        }

        public string DetectorName => Name;

        public int ScoreQ15 => channel.ScoreQ15;

        public bool IsLearned => channel.IsLearned;

        public EvalLevel Level
        {
            get
            {
                switch (channel.Level)
                {
                    case ChannelLevel.Watch:
                        return EvalLevel.Watch;
                    case ChannelLevel.Alarm:
                        return EvalLevel.Alarm;
                    case ChannelLevel.Fault:
                        return EvalLevel.Fault;
                    default:
                        return channel.IsLearned ? EvalLevel.Ok : EvalLevel.Learning;
                }
            }
        }

        public void Update(int value, bool learningAllowed)
        {
            channel.Update(value, learningAllowed);
        }
    }
}
