using System;
using System.Threading;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// An <see cref="IClock"/> that only moves when told to, so a simulated week can run in seconds and tests are exact.
    /// </summary>
    public sealed class VirtualClock : IClock
    {
        private long _monotonicUs;
        private long _unixTimeAtBootMs;
        private int _wallTimeKnown;

        public long MonotonicMs => Interlocked.Read(ref _monotonicUs) / 1000;

        public long MonotonicUs => Interlocked.Read(ref _monotonicUs);

        /// <summary>Simulated seconds since boot, for the machine model.</summary>
        public double ElapsedS => Interlocked.Read(ref _monotonicUs) / 1e6;

        public bool TryGetUnixTimeMs(out long unixTimeMs)
        {
            if (Volatile.Read(ref _wallTimeKnown) == 0)
            {
                unixTimeMs = 0;
                return false;
            }

            unixTimeMs = Interlocked.Read(ref _unixTimeAtBootMs) + MonotonicMs;
            return true;
        }

        /// <summary>Moves time forward; negative steps are a programming error.</summary>
        public void AdvanceUs(long deltaUs)
        {
            if (deltaUs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(deltaUs), "a monotonic clock cannot go backwards");
            }

            Interlocked.Add(ref _monotonicUs, deltaUs);
        }

        /// <summary>Moves time forward by whole milliseconds.</summary>
        public void AdvanceMs(long deltaMs) => AdvanceUs(checked(deltaMs * 1000));

        /// <summary>Sets wall time as SNTP would: the monotonic time base is untouched.</summary>
        public void SetUnixTimeMs(long unixTimeMs)
        {
            Interlocked.Exchange(ref _unixTimeAtBootMs, unixTimeMs - MonotonicMs);
            Volatile.Write(ref _wallTimeKnown, 1);
        }
    }
}
