using System;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// Thrown by <see cref="VirtualSleepControl.DeepSleep"/> in place of the device's reboot: nothing after the call
    /// runs, as on the chip. The virtual node catches it at the top of its loop and restarts the firmware core from
    /// storage, as the chip would after its sleep timer.
    /// </summary>
    public sealed class DeepSleepRestartException : Exception
    {
        public DeepSleepRestartException(int durationMs)
            : base("deep sleep for " + durationMs + " ms: the firmware core restarts")
        {
            DurationMs = durationMs;
        }

        /// <summary>How long the chip slept before its restart.</summary>
        public int DurationMs { get; }
    }
}
