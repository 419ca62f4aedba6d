using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Node;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;
using SensorNode.Hardware.Virtual.Tests.Support;

namespace SensorNode.Hardware.Virtual.Tests.Power
{
    /// <summary>
    /// The virtual node with its real MQTT publisher and power manager through simulated deep sleeps: each sleep moves
    /// the world on and restarts the firmware core from its flash files, as on the chip.
    /// </summary>
    [TestClass]
    public class DeepSleepRestartTests
    {
        private static readonly Regex Seq = new Regex("\"seq\":(\\d+)");

        [TestMethod]
        public void BaselinesAndEventsSurviveDeepSleepsWithoutLossOrDuplicates()
        {
            using var rig = new SleepRig(broker: true);
            rig.RunMinutes(150);
            VirtualNode node = rig.Node;

            // The machine ran 20 minutes (baselines learned), then stayed off: eco, then sleep, waking every 10 minutes.
            Assert.IsTrue(node.DeepSleeps >= 8, "deep sleeps " + node.DeepSleeps);
            Assert.AreEqual(PowerMode.Sleep, node.Power.Mode);
            Assert.AreEqual(StateLoadOutcome.Loaded, node.Power.StateLoad);
            Assert.IsTrue(node.Power.PlannedWake);
            foreach (int channel in new[] { NodeChannels.Velocity, NodeChannels.Acceleration, NodeChannels.Temperature, NodeChannels.Current })
            {
                Assert.IsTrue(node.Core.Snapshot.ChannelLearned(channel), NodeChannels.Name(channel) + " relearning after a wake");
            }

            // Every event any boot recorded reached the broker once, in order; sequence numbers never repeat.
            long[] delivered = rig.Broker.Messages.Where(m => m.Topic.EndsWith("/event", StringComparison.Ordinal))
                .Select(m => long.Parse(Seq.Match(m.Payload).Groups[1].Value)).ToArray();
            CollectionAssert.AreEqual(rig.RecordedSeqs().ToArray(), delivered);
            for (int i = 1; i < delivered.Length; i++)
            {
                Assert.IsTrue(delivered[i] > delivered[i - 1], "seq " + delivered[i] + " after " + delivered[i - 1]);
            }

            // Quiet wakes stay off the network: joins only for the reports (the sleep itself, then the 30-minute heartbeats).
            Assert.IsTrue(node.PowerLedger.NetworkStarts <= 1 + node.DeepSleeps / 3 + 1, "joins " + node.PowerLedger.NetworkStarts);
            Assert.IsTrue(node.PowerLedger.NetworkStarts >= node.DeepSleeps / 3);

            // The console echoed every boot's events and nothing else (a woken core starts with an empty log).
            Assert.IsFalse(rig.ConsoleText.Contains("error", StringComparison.Ordinal), rig.ConsoleText);

            // Announced before each deep sleep: power (retained, next wake) and availability "sleeping".
            Assert.IsTrue(rig.Broker.Messages.Any(m => m.Topic.EndsWith("/power", StringComparison.Ordinal)
                && m.Payload.Contains("\"mode\":\"sleep\"", StringComparison.Ordinal) && m.Retain));

            // A woken node's reports say what woke it, without an event per routine wake.
            Assert.IsTrue(rig.Broker.Messages.Any(m => m.Topic.EndsWith("/power", StringComparison.Ordinal)
                && m.Payload.Contains("\"wake\":\"timer\"", StringComparison.Ordinal)));
            Assert.IsTrue(rig.Broker.Messages.Any(m => m.Topic.EndsWith("/availability", StringComparison.Ordinal)
                && m.Payload == "sleeping"));
        }

        [TestMethod]
        public void EventsWaitInFlashWhileTheBrokerIsDownAndArriveLater()
        {
            using var rig = new SleepRig(broker: true);
            rig.RunMinutes(40);
            rig.Broker.Up = false;
            rig.RunMinutes(60);
            int sleepsWhileDown = rig.Node.DeepSleeps;
            Assert.IsTrue(sleepsWhileDown >= 3);

            // Each wake while the broker was down stayed awake no longer than power.awake_max_s and the hand-over.
            Assert.IsTrue(rig.Node.PowerLedger.AwakeMs < rig.AwakeBeforeOutageMs + (sleepsWhileDown + 2) * (120000 + 6000));

            rig.Broker.Up = true;
            rig.RunMinutes(80);
            long[] delivered = rig.Broker.Messages.Where(m => m.Topic.EndsWith("/event", StringComparison.Ordinal))
                .Select(m => long.Parse(Seq.Match(m.Payload).Groups[1].Value)).ToArray();
            CollectionAssert.AreEqual(rig.RecordedSeqs().ToArray(), delivered);
        }

        [TestMethod]
        public void AMachineStartFoundWithoutTheRadioIsSentAfterARestartWithIt()
        {
            // Runs 20 minutes, off for 50 minutes (sleep from minute 26, wakes every 10, the heartbeat every third), then
            // runs again: the first wake after that is one without the radio.
            using var rig = new SleepRig(true, new[]
            {
                ScheduleSegment.Off(60), ScheduleSegment.Running(1200, 0.75), ScheduleSegment.Off(3000),
                ScheduleSegment.Running(3600, 0.75),
            });
            rig.RunMinutes(120);
            VirtualNode node = rig.Node;

            // The wake that found the machine running had no radio: it restarted with it within seconds.
            Assert.IsTrue(rig.BootsWithoutRadio > 0, "every wake had the radio");
            Assert.IsTrue(rig.RadioRestartsWithinSeconds > 0, "no restart with the radio after a wake without it: " + string.Join(" ", rig.Boots));
            Assert.IsTrue(node.Network.RadioChoiceWrites >= 2);
            Assert.AreEqual(PowerMode.Active, node.Power.Mode);

            // The second start reached the broker once, in order with everything else.
            long[] delivered = rig.Broker.Messages.Where(m => m.Topic.EndsWith("/event", StringComparison.Ordinal))
                .Select(m => long.Parse(Seq.Match(m.Payload).Groups[1].Value)).ToArray();
            CollectionAssert.AreEqual(rig.RecordedSeqs().ToArray(), delivered);
            Assert.AreEqual(2, rig.Broker.Messages.Count(m => m.Topic.EndsWith("/event", StringComparison.Ordinal)
                && m.Payload.Contains("\"type\":\"machine\"", StringComparison.Ordinal)
                && m.Payload.Contains("\"level\":\"running\"", StringComparison.Ordinal)));
        }

        /// <summary>
        /// A battery node (sleep enabled, short timings) on a machine that runs 20 minutes then stays off, with the real
        /// publisher over <see cref="BrokerStandIn"/>, its flash in a temporary folder.
        /// </summary>
        private sealed class SleepRig : IDisposable
        {
            private readonly string _folder = Path.Combine(Path.GetTempPath(), "sleep-rig-" + Guid.NewGuid().ToString("N"));
            private readonly MqttPublisher _publisher;
            private readonly SortedSet<long> _recorded = new SortedSet<long>();
            private readonly MemoryStream _console = new MemoryStream();
            private SensorNodeCore _core;
            private bool _outageSeen;

            private long _lastBootUs;
            private bool _lastBootHadRadio = true;

            public SleepRig(bool broker)
                : this(broker, new[] { ScheduleSegment.Off(60), ScheduleSegment.Running(1200, 0.75), ScheduleSegment.Off(36000) })
            {
            }

            public SleepRig(bool broker, ScheduleSegment[] schedule)
            {
                var storage = new FolderFileStorage(_folder);
                var config = new ConfigStore(SettingsTable.All);
                Set(config, "anomaly.learn_windows", "300");

                // No temperature warm-up (45 minutes by default): every baseline learns within the 20-minute run.
                Set(config, "temp.warmup_s", "0");
                Set(config, "power.sleep_enabled", "on");
                Set(config, "power.eco_after_s", "60");
                Set(config, "power.sleep_after_s", "300");
                Set(config, "report.sleep_s", "600");
                Set(config, "power.heartbeat_s", "1800");
                Set(config, "mqtt.host", "broker.test");
                Assert.AreEqual(ConfigResult.Ok, config.Save(storage));

                var scenario = new Scenario("sleep-rig", "runs, then off (and maybe runs again)", schedule,
                    Array.Empty<ScenarioEvent>(), 60);
                var board = new VirtualBoard(scenario, 3);
                Broker = new BrokerStandIn { Up = broker };
                _publisher = new MqttPublisher(Broker, board.Clock, null);
                Node = new VirtualNode(board, storage, new StreamSerialLine(new MemoryStream(), _console), _publisher);
                Node.Boot();
                _core = Node.Core;
            }

            public VirtualNode Node { get; }

            public BrokerStandIn Broker { get; }

            /// <summary>What the node printed on its console, all boots.</summary>
            public string ConsoleText => System.Text.Encoding.UTF8.GetString(_console.ToArray());

            public long AwakeBeforeOutageMs { get; private set; }

            public List<string> Boots { get; } = new List<string>();

            /// <summary>Boots that started without the radio (the previous boot chose so).</summary>
            public int BootsWithoutRadio { get; private set; }

            /// <summary>Boots with the radio that came at most 15 s after a boot without it (not a routine wake).</summary>
            public int RadioRestartsWithinSeconds { get; private set; }

            /// <summary>Steps the node (and the publisher's network round after each step) for simulated minutes.</summary>
            public void RunMinutes(double minutes)
            {
                if (!Broker.Up && !_outageSeen)
                {
                    _outageSeen = true;
                    AwakeBeforeOutageMs = Node.PowerLedger.AwakeMs;
                }

                long endUs = Node.Board.Clock.MonotonicUs + (long)(minutes * 60e6);
                while (Node.Board.Clock.MonotonicUs < endUs)
                {
                    Node.Step();
                    if (Node.Core != _core)
                    {
                        Collect(_core);
                        _core = Node.Core;
                        long nowUs = Node.Board.Clock.MonotonicUs;
                        bool radio = Node.Network.RadioAvailable;
                        BootsWithoutRadio += radio ? 0 : 1;
                        RadioRestartsWithinSeconds += radio && !_lastBootHadRadio && nowUs - _lastBootUs <= 15000000 ? 1 : 0;
                        Boots.Add((nowUs / 1000000.0).ToString("F1") + (radio ? "R" : "-"));
                        _lastBootUs = nowUs;
                        _lastBootHadRadio = radio;
                    }

                    _publisher.Service();
                }
            }

            /// <summary>The sequence numbers of every event the firmware recorded, all boots, in order.</summary>
            public IEnumerable<long> RecordedSeqs()
            {
                Collect(_core);
                return _recorded;
            }

            public void Dispose()
            {
                if (Directory.Exists(_folder))
                {
                    Directory.Delete(_folder, true);
                }
            }

            private void Collect(SensorNodeCore core)
            {
                EventLog log = core.Events;
                for (int age = 0; age < log.Count; age++)
                {
                    _recorded.Add(log.Newest(age).Seq);
                }
            }

            private static void Set(ConfigStore config, string key, string value)
            {
                Assert.AreEqual(ConfigResult.Ok, config.TrySet(key, value, SettingSource.Console, out string error), error);
            }
        }
    }
}
