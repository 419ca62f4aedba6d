using System;
using nanoFramework.Hardware.Esp32;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="IClock"/> on the ESP32's esp_timer (µs since boot) and the system's UTC clock.</summary>
    /// <remarks>
    /// <para>Monotonic time is <see cref="HighResTimer.GetCurrent"/>: the 64-bit esp_timer count in µs since boot, which
    /// ESP-IDF keeps running across light sleep and which SNTP never moves. nanoFramework's mscorlib has no
    /// Environment.TickCount64, and DateTime jumps when SNTP sets it, so neither can serve here.</para>
    /// <para>Wall time is <see cref="DateTime.UtcNow"/>. Until SNTP has set it the ESP32 counts from an arbitrary epoch,
    /// so wall time counts as known only from <see cref="EarliestValidYear"/> on.</para>
    /// </remarks>
    public sealed class Esp32Clock : IClock
    {
        /// <summary>A clock reading an earlier year has not been set by SNTP (this firmware postdates it).</summary>
        public const int EarliestValidYear = 2025;

        public long MonotonicMs => (long)HighResTimer.GetCurrent() / 1000;

        public long MonotonicUs => (long)HighResTimer.GetCurrent();

        public bool TryGetUnixTimeMs(out long unixTimeMs)
        {
            DateTime now = DateTime.UtcNow;
            if (now.Year < EarliestValidYear)
            {
                unixTimeMs = 0;
                return false;
            }

            unixTimeMs = (now.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
            return true;
        }
    }
}
