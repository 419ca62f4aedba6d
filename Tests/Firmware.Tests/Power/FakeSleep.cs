using SensorNode.Core.Tests.Node;
using SensorNode.Hardware;

namespace SensorNode.Core.Tests.Power
{
    /// <summary>
    /// Sleep on a <see cref="TestClock"/>: a light sleep moves the clock by its whole duration (or returns at once with
    /// the console cause when <see cref="ConsoleWaiting"/>); a deep sleep logs and throws <see cref="DeepSleepTaken"/>.
    /// </summary>
    public sealed class FakeSleep : ISleepControl
    {
        private readonly TestClock clock;
        private readonly CallLog log;

        /// <summary>Sleep for one boot, started by <paramref name="bootWakeCause"/>.</summary>
        public FakeSleep(TestClock clock, CallLog log, WakeCause bootWakeCause)
        {
            this.clock = clock;
            this.log = log;
            BootWakeCause = bootWakeCause;
        }

        /// <inheritdoc/>
        public WakeCause BootWakeCause { get; }

        /// <summary>When true, the next light sleep with console wake ends at once with <see cref="WakeCause.ConsoleUart"/>.</summary>
        public bool ConsoleWaiting { get; set; }

        /// <summary>Light sleeps so far.</summary>
        public int LightSleeps { get; private set; }

        /// <summary>Duration of the last light sleep asked for, ms.</summary>
        public int LastLightSleepMs { get; private set; }

        /// <inheritdoc/>
        public WakeCause LightSleep(int durationMs, bool wakeOnConsole)
        {
            LightSleeps++;
            LastLightSleepMs = durationMs;
            log.Add(wakeOnConsole ? "lightsleep:console" : "lightsleep");
            if (wakeOnConsole && ConsoleWaiting)
            {
                ConsoleWaiting = false;
                return WakeCause.ConsoleUart;
            }

            clock.AdvanceMs(durationMs);
            return WakeCause.Timer;
        }

        /// <inheritdoc/>
        public void DeepSleep(int durationMs)
        {
            log.Add("deepsleep");
            throw new DeepSleepTaken(durationMs);
        }
    }
}
