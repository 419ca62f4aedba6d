using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Core.Tests.Node;
using SensorNode.Core.Tests.Support;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Power
{
    /// <summary>
    /// One boot of a node with its power manager, on fakes that log every call into one <see cref="CallLog"/>: a test
    /// clock, a machine that can be switched on and off, a network and publisher that deliver at once, sleep on the test
    /// clock, and flash in RAM. A deep sleep ends the boot (<see cref="RunFor"/> returns true); <see cref="WakeUp"/> then
    /// builds the next boot on the same flash, as the chip restarts.
    /// </summary>
    public sealed class PowerRig
    {
        /// <summary>Tick length, ms.</summary>
        public const int TickMs = 10;

        /// <summary>Wall time at the first boot: 2026-01-01, Unix ms.</summary>
        public const long StartUnixMs = 1767225600000;

        /// <summary>
        /// Short timings for tests: learning 10 windows, no machine dwell, eco after 30 s, sleep after 60 s (enabled),
        /// bursts every 20 s in eco, wakes every 300 s in sleep, 20 s awake at most, heartbeat every hour.
        /// </summary>
        public static readonly string[] Fast =
        {
            "anomaly.learn_windows", "10", "machine.dwell_s", "0", "power.eco_after_s", "30", "power.sleep_after_s", "60",
            "power.sleep_enabled", "on", "report.eco_s", "20", "report.sleep_s", "300", "power.awake_max_s", "20",
            "power.heartbeat_s", "3600",
        };

        private readonly string[] settings;

        /// <summary>A first power-on with <paramref name="settings"/> (key, value pairs) on empty flash.</summary>
        public PowerRig(string[] settings)
            : this(settings, new MemoryFileStorage(), WakeCause.PowerOn, StartUnixMs, false, true)
        {
        }

        private PowerRig(string[] settings, MemoryFileStorage storage, WakeCause wake, long unixMs, bool running, bool radio)
        {
            this.settings = settings;
            Storage = storage;
            Log = new CallLog();
            Clock = new TestClock();
            Clock.SetUnixTimeMs(unixMs);
            Sensors = new MachineFrontEnd(Clock);
            Sensors.Running = running;
            Config = new ConfigStore(SettingsTable.All);
            for (int i = 0; i + 1 < settings.Length; i += 2)
            {
                string error;
                Assert.IsTrue(Config.TrySet(settings[i], settings[i + 1], SettingSource.Console, out error) == ConfigResult.Ok,
                    settings[i] + ": " + error);
            }

            Network = new FakeNetwork(Log);
            Network.Available = radio;
            Announcer = new FakeAnnouncer(Log, Network);
            Sleep = new FakeSleep(Clock, Log, wake);
            Core = new SensorNodeCore(Config, Sensors, Clock, Announcer, null, "node-a1b2c3");
            Announcer.Watch(Core.Snapshot);
            Store = new NodeStateStore(storage);
            Power = new PowerManager(Core, Sleep, Network, Announcer, new FakeSensorPower(Log), Store, null);
            Interpreter = new CommandInterpreter(Core, storage, new CountingSystem());
            Reply = new ConsoleReply(512);
        }

        /// <summary>The node's flash.</summary>
        public MemoryFileStorage Storage { get; }

        /// <summary>Every fake's calls, in order.</summary>
        public CallLog Log { get; }

        /// <summary>The node's clock (0 at boot).</summary>
        public TestClock Clock { get; }

        /// <summary>The machine's sensors.</summary>
        public MachineFrontEnd Sensors { get; }

        /// <summary>The settings.</summary>
        public ConfigStore Config { get; }

        /// <summary>The network link.</summary>
        public FakeNetwork Network { get; }

        /// <summary>The publisher, both sides.</summary>
        public FakeAnnouncer Announcer { get; }

        /// <summary>The chip's sleep.</summary>
        public FakeSleep Sleep { get; }

        /// <summary>The node.</summary>
        public SensorNodeCore Core { get; }

        /// <summary>The state file.</summary>
        public NodeStateStore Store { get; }

        /// <summary>The power manager under test.</summary>
        public PowerManager Power { get; }

        /// <summary>The console's interpreter.</summary>
        public CommandInterpreter Interpreter { get; }

        /// <summary>The console's last reply.</summary>
        public ConsoleReply Reply { get; }

        /// <summary>The deep sleep that ended this boot, ms; 0 while awake.</summary>
        public int SleptMs { get; private set; }

        /// <summary>Node time of the deep sleep that ended this boot, ms.</summary>
        public long SleptAtMs { get; private set; }

        /// <summary>Starts the node as the composition root does, its config file intact.</summary>
        public void Boot()
        {
            Boot(ConfigLoadOutcome.Loaded);
        }

        /// <summary>Starts the node as the composition root does, after a config load with <paramref name="configOutcome"/>.</summary>
        public void Boot(ConfigLoadOutcome configOutcome)
        {
            Power.Boot(Sleep.BootWakeCause, configOutcome);
        }

        /// <summary>Runs one console command line.</summary>
        public void Command(string line)
        {
            Interpreter.Execute(line, SettingSource.Console, Reply);
            Assert.IsTrue(Reply.Ok, line);
        }

        /// <summary>
        /// Runs 10 ms ticks (scheduler, publisher, power manager) until <paramref name="ms"/> of node time have passed,
        /// sleeps included; returns true, early, when the node went into deep sleep.
        /// </summary>
        public bool RunFor(long ms)
        {
            long endMs = Clock.MonotonicMs + ms;
            while (Clock.MonotonicMs < endMs)
            {
                Clock.AdvanceMs(TickMs);
                Core.RunOnce();
                Announcer.Service();
                try
                {
                    Power.RunOnce();
                }
                catch (DeepSleepTaken sleep)
                {
                    SleptMs = sleep.DurationMs;
                    SleptAtMs = Clock.MonotonicMs;
                    return true;
                }
            }

            return false;
        }

        /// <summary>Runs until the node deep-sleeps; fails the test if it is still awake after <paramref name="limitMs"/>.</summary>
        public void RunUntilDeepSleep(long limitMs)
        {
            Assert.IsTrue(RunFor(limitMs), "no deep sleep within " + limitMs.ToString() + " ms");
        }

        /// <summary>
        /// The next boot after this one's deep sleep: same flash and settings, wall time moved on by the sleep, the machine
        /// as it was, the radio as this boot chose for it; booted with <paramref name="cause"/>.
        /// </summary>
        public PowerRig WakeUp(WakeCause cause)
        {
            return WakeUp(cause, ConfigLoadOutcome.Loaded);
        }

        /// <summary><see cref="WakeUp(WakeCause)"/> after a config load with <paramref name="configOutcome"/>.</summary>
        public PowerRig WakeUp(WakeCause cause, ConfigLoadOutcome configOutcome)
        {
            long unixMs;
            Clock.TryGetUnixTimeMs(out unixMs);
            var next = new PowerRig(settings, Storage, cause, unixMs + SleptMs, Sensors.Running, Network.RadioAtNextBoot);
            next.Boot(configOutcome);
            return next;
        }

        /// <summary>The newest event of <paramref name="type"/> in the log, or null.</summary>
        public NodeEvent Newest(EventType type)
        {
            EventLog log = Core.Events;
            for (int age = 0; age < log.Count; age++)
            {
                if (log.Newest(age).Type == type)
                {
                    return log.Newest(age);
                }
            }

            return null;
        }
    }
}
