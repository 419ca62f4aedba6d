namespace SensorNode.Benchmarks.Energy
{
    /// <summary>Time awake per deep-sleep wake, split by whether the wake joined the network to report.</summary>
    internal sealed class WakeStatistics
    {
        public int Quiet { get; private set; }

        public long QuietAwakeMs { get; private set; }

        public int Reporting { get; private set; }

        public long ReportingAwakeMs { get; private set; }

        public long LongestAwakeMs { get; private set; }

        public void Add(long awakeMs, bool reported)
        {
            if (reported)
            {
                Reporting++;
                ReportingAwakeMs += awakeMs;
            }
            else
            {
                Quiet++;
                QuietAwakeMs += awakeMs;
            }

            if (awakeMs > LongestAwakeMs)
            {
                LongestAwakeMs = awakeMs;
            }
        }
    }
}
