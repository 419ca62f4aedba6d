using System;
using SensorNode.Hardware;

namespace SensorNode.Drivers.Tests.Support
{
    /// <summary>
    /// An <see cref="IClock"/> for the shared driver tests that moves only when told to, so chip models fill their
    /// buffers exactly as the test says. Portable (the host's VirtualClock uses APIs the device lacks). Wall time stays
    /// unknown.
    /// </summary>
    public sealed class ManualClock : IClock
    {
        private long _monotonicUs;

        /// <inheritdoc/>
        public long MonotonicMs => _monotonicUs / 1000;

        /// <inheritdoc/>
        public long MonotonicUs => _monotonicUs;

        /// <inheritdoc/>
        public bool TryGetUnixTimeMs(out long unixTimeMs)
        {
            unixTimeMs = 0;
            return false;
        }

        /// <summary>Moves time forward by <paramref name="deltaUs"/>; negative steps are a programming error.</summary>
        public void AdvanceUs(long deltaUs)
        {
            if (deltaUs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(deltaUs));
            }

            _monotonicUs += deltaUs;
        }

        /// <summary>Moves time forward by whole milliseconds; matches <see cref="DelayMs"/>, so a driver's waits advance it.</summary>
        public void AdvanceMs(int deltaMs)
        {
            AdvanceUs(deltaMs * 1000L);
        }
    }
}
