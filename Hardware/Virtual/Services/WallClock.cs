using System;
using System.Diagnostics;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// An <see cref="IClock"/> on the PC's real time: monotonic time from <see cref="Stopwatch"/> since construction, wall
    /// time from the system clock (known at once, as after SNTP). The MQTT publisher's reconnect scheduling runs on it in
    /// the virtual node and the fleet, because the broker it talks to is real. Thread-safe.
    /// </summary>
    public sealed class WallClock : IClock
    {
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly long _unixAtStartMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        public long MonotonicMs => _elapsed.ElapsedMilliseconds;

        public long MonotonicUs => _elapsed.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;

        public bool TryGetUnixTimeMs(out long unixTimeMs)
        {
            unixTimeMs = _unixAtStartMs + _elapsed.ElapsedMilliseconds;
            return true;
        }
    }
}
