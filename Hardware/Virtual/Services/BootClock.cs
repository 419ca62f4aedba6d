using System;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// The node's <see cref="IClock"/> for one run of the firmware: the world's <see cref="VirtualClock"/> seen from the
    /// instant of boot, so monotonic time starts at 0 on every (re)boot, as the chip's timer does, while the simulated
    /// machine and the chips keep the world's time. Wall time is the world's.
    /// </summary>
    public sealed class BootClock : IClock
    {
        private readonly VirtualClock _world;
        private readonly long _bootUs;

        /// <summary>A clock that reads 0 now.</summary>
        public BootClock(VirtualClock world)
        {
            _world = world ?? throw new ArgumentNullException(nameof(world));
            _bootUs = world.MonotonicUs;
        }

        public long MonotonicMs => MonotonicUs / 1000;

        public long MonotonicUs => _world.MonotonicUs - _bootUs;

        public bool TryGetUnixTimeMs(out long unixTimeMs) => _world.TryGetUnixTimeMs(out unixTimeMs);
    }
}
