using SensorNode.Hardware;

namespace SensorNode.Core.Tests.Node
{
    /// <summary>
    /// An <see cref="IClock"/> that moves only when a test says so; optionally it also moves by
    /// <see cref="AutoAdvanceUs"/> on every microsecond read, so that a timed stretch of code measures a duration.
    /// Wall time is unknown until <see cref="SetUnixTimeMs"/>.
    /// </summary>
    public sealed class TestClock : IClock
    {
        private long monotonicUs;
        private long unixOffsetMs;
        private bool unixKnown;

        /// <summary>Microseconds added on every <see cref="MonotonicUs"/> read (0: a paused clock).</summary>
        public long AutoAdvanceUs { get; set; }

        /// <inheritdoc/>
        public long MonotonicMs => monotonicUs / 1000;

        /// <inheritdoc/>
        public long MonotonicUs
        {
            get
            {
                monotonicUs += AutoAdvanceUs;
                return monotonicUs;
            }
        }

        /// <inheritdoc/>
        public bool TryGetUnixTimeMs(out long unixTimeMs)
        {
            unixTimeMs = unixKnown ? unixOffsetMs + monotonicUs / 1000 : 0;
            return unixKnown;
        }

        /// <summary>Moves time forward by <paramref name="ms"/> milliseconds.</summary>
        public void AdvanceMs(long ms)
        {
            monotonicUs += ms * 1000;
        }

        /// <summary>Sets the wall clock to <paramref name="unixTimeMs"/> now.</summary>
        public void SetUnixTimeMs(long unixTimeMs)
        {
            unixOffsetMs = unixTimeMs - monotonicUs / 1000;
            unixKnown = true;
        }
    }
}
