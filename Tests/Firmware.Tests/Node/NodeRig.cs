using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Node
{
    /// <summary>
    /// One test's node: a manual clock, a fake front end at 3200 Hz, the real settings (learning shortened to
    /// <see cref="LearnWindows"/> windows, no machine-state dwell), a recording publisher and a counting watchdog.
    /// Ticks are 10 ms, so each read drains the 32 frames a real FIFO would hold.
    /// </summary>
    public sealed class NodeRig
    {
        /// <summary>Windows the anomaly baselines learn from in the rig.</summary>
        public const int LearnWindows = 10;

        /// <summary>Tick length, ms.</summary>
        public const int TickMs = 10;

        /// <summary>Builds the rig; the node is not started.</summary>
        public NodeRig()
        {
            Clock = new TestClock();
            Sensors = new FakeFrontEnd(Clock, 3200);
            Config = new ConfigStore(SettingsTable.All);
            Set("anomaly.learn_windows", "10");
            Set("machine.dwell_s", "0");

            // The fake bearing is warm from the start; NodeTuningTests tests the warm-up itself.
            Set("temp.warmup_s", "0");
            Publisher = new RecordingPublisher();
            Watchdog = new CountingWatchdog();
            Node = new SensorNodeCore(Config, Sensors, Clock, Publisher, Watchdog, "node-a1b2c3");
        }

        /// <summary>The node's clock.</summary>
        public TestClock Clock { get; }

        /// <summary>The fake sensors.</summary>
        public FakeFrontEnd Sensors { get; }

        /// <summary>The settings.</summary>
        public ConfigStore Config { get; }

        /// <summary>The publisher.</summary>
        public RecordingPublisher Publisher { get; }

        /// <summary>The watchdog.</summary>
        public CountingWatchdog Watchdog { get; }

        /// <summary>The node under test.</summary>
        public SensorNodeCore Node { get; }

        /// <summary>Sets a setting from the console; the test fails if it is refused.</summary>
        public void Set(string key, string value)
        {
            string error;
            ConfigResult result = Config.TrySet(key, value, SettingSource.Console, out error);
            Assert.IsTrue(result == ConfigResult.Ok, key + " " + value + ": " + error);
        }

        /// <summary>Starts the node after a power-on with an intact config file.</summary>
        public void Start()
        {
            Node.Start(WakeCause.PowerOn, ConfigLoadOutcome.Loaded);
        }

        /// <summary>Runs <paramref name="windows"/> whole windows of 10 ms ticks.</summary>
        public void RunWindows(int windows)
        {
            int ticks = windows * SensorNodeCore.WindowMs / TickMs;
            for (int i = 0; i < ticks; i++)
            {
                Clock.AdvanceMs(TickMs);
                Node.RunOnce();
            }
        }

        /// <summary>The newest event of <paramref name="type"/> on <paramref name="channel"/> still in the log, or null.</summary>
        public NodeEvent Newest(EventType type, string channel)
        {
            EventLog log = Node.Events;
            for (int age = 0; age < log.Count; age++)
            {
                NodeEvent e = log.Newest(age);
                if (e.Type == type && e.Channel == channel)
                {
                    return e;
                }
            }

            return null;
        }

        /// <summary>Events of <paramref name="type"/> on <paramref name="channel"/> still in the log.</summary>
        public int Count(EventType type, string channel)
        {
            EventLog log = Node.Events;
            int count = 0;
            for (int age = 0; age < log.Count; age++)
            {
                NodeEvent e = log.Newest(age);
                if (e.Type == type && e.Channel == channel)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
