using System;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// <see cref="ISleepControl"/> on a <see cref="VirtualClock"/>: sleeping moves simulated time instead of waiting.
    /// </summary>
    /// <remarks>
    /// <para>Light sleep advances the clock by the whole duration and returns <see cref="WakeCause.Timer"/>, unless
    /// console wake is asked for and console bytes are already waiting: then it returns
    /// <see cref="WakeCause.ConsoleUart"/> at once, as the UART wake would fire immediately on the chip. Simulated time
    /// jumps in one step, so input arriving "during" the sleep is seen on the next call; pacing against real time is the
    /// virtual node's job.</para>
    /// <para>Deep sleep never returns on the device, so here it advances the clock by the duration (the world goes on),
    /// records the request in <see cref="DeepSleepRequestedMs"/>, and throws <see cref="DeepSleepRestartException"/> so
    /// that no firmware code after the call runs. The flag is there because a subsystem's catch-all may swallow the
    /// exception: the virtual node checks it after every step and restarts the core either way, with a new
    /// <see cref="VirtualSleepControl"/> whose boot cause is <see cref="WakeCause.Timer"/>.</para>
    /// </remarks>
    public sealed class VirtualSleepControl : ISleepControl
    {
        private readonly VirtualClock _clock;
        private readonly Func<bool> _consoleInputWaiting;

        /// <param name="clock">The clock sleeps advance.</param>
        /// <param name="bootWakeCause">Why this run of the firmware started.</param>
        /// <param name="consoleInputWaiting">True when console bytes wait to be read, e.g. <see cref="StreamSerialLine.HasInput"/>.</param>
        public VirtualSleepControl(VirtualClock clock, WakeCause bootWakeCause, Func<bool> consoleInputWaiting)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _consoleInputWaiting = consoleInputWaiting ?? throw new ArgumentNullException(nameof(consoleInputWaiting));
            BootWakeCause = bootWakeCause;
            DeepSleepRequestedMs = -1;
        }

        public WakeCause BootWakeCause { get; }

        /// <summary>The duration of the deep sleep asked for in this run, or -1 if none was.</summary>
        public int DeepSleepRequestedMs { get; private set; }

        public WakeCause LightSleep(int durationMs, bool wakeOnConsole)
        {
            RequireDuration(durationMs);
            if (wakeOnConsole && _consoleInputWaiting())
            {
                return WakeCause.ConsoleUart;
            }

            _clock.AdvanceMs(durationMs);
            return WakeCause.Timer;
        }

        public void DeepSleep(int durationMs)
        {
            RequireDuration(durationMs);
            _clock.AdvanceMs(durationMs);
            DeepSleepRequestedMs = durationMs;
            throw new DeepSleepRestartException(durationMs);
        }

        private static void RequireDuration(int durationMs)
        {
            if (durationMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(durationMs), "a sleep lasts 0 ms or more");
            }
        }
    }
}
