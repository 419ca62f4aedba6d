using System;

namespace SensorNode.Core.Tests.Power
{
    /// <summary>Thrown by <see cref="FakeSleep.DeepSleep"/> in place of the chip's restart: nothing after the call runs.</summary>
    public sealed class DeepSleepTaken : Exception
    {
        /// <summary>A deep sleep of <paramref name="durationMs"/>.</summary>
        public DeepSleepTaken(int durationMs)
            : base("deep sleep")
        {
            DurationMs = durationMs;
        }

        /// <summary>How long the chip was to sleep, ms.</summary>
        public int DurationMs { get; }
    }
}
