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

            // Announced before each deep sleep: power (retained, next wake) and availability "sleeping".
            Assert.IsTrue(rig.Broker.Messages.Any(m => m.Topic.EndsWith("/power", StringComparison.Ordinal)
                && m.Payload.Contains("\"mode\":\"sleep\"", StringComparison.Ordinal) && m.Retain));
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

        /// <summary>
        /// A battery node (sleep enabled, short timings) on a machine that runs 20 minutes then stays off, with the real
        /// publisher over <see cref="BrokerStandIn"/>, its flash in a temporary folder.
        /// </summary>
        private sealed class SleepRig : IDisposable
        {
            private readonly string _folder = Path.Combine(Path.GetTempPath(), "sleep-rig-" + Guid.NewGuid().ToString("N"));
            private readonly MqttPublisher _publisher;
            private readonly SortedSet<long> _recorded = new SortedSet<long>();
            private SensorNodeCore _core;
            private bool _outageSeen;

            public SleepRig(bool broker)
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

                var scenario = new Scenario("run-then-off", "runs 20 minutes, then off",
                    new[] { ScheduleSegment.Off(60), ScheduleSegment.Running(1200, 0.75), ScheduleSegment.Off(36000) },
                    Array.Empty<ScenarioEvent>(), 60);
                var board = new VirtualBoard(scenario, 3);
                Broker = new BrokerStandIn { Up = broker };
                _publisher = new MqttPublisher(Broker, board.Clock, null);
                Node = new VirtualNode(board, storage, new StreamSerialLine(new MemoryStream(), new MemoryStream()), _publisher);
                Node.Boot();
                _core = Node.Core;
            }

            public VirtualNode Node { get; }

            public BrokerStandIn Broker { get; }

            public long AwakeBeforeOutageMs { get; private set; }

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
