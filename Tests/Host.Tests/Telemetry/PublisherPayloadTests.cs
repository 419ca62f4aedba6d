using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Node;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Host.Tests.Telemetry
{
    /// <summary>
    /// Everything the MQTT publisher writes for a running virtual node (state, event, telemetry, power, command replies,
    /// Home Assistant discovery) parses with System.Text.Json and carries what the contract says.
    /// </summary>
    [TestClass]
    public class PublisherPayloadTests
    {
        private const long StartUnixMs = 1767225600000;

        [TestMethod]
        public void EveryPayloadOfARunningNodeParses()
        {
            Rig rig = Rig.Run(90_000);
            RecordingTransport.Message[] messages = rig.Transport.Messages.ToArray();
            string root = "plant/" + rig.Node.Core.Snapshot.NodeId + "/";
            foreach (string leaf in new[] { "state", "event", "telemetry", "power" })
            {
                Assert.IsTrue(messages.Any(m => m.Topic == root + leaf), "nothing on " + leaf);
            }

            long previousSeq = 0;
            int measured = 0;
            foreach (RecordingTransport.Message message in messages)
            {
                if (message.Topic == root + "availability")
                {
                    Assert.AreEqual("online", Encoding.ASCII.GetString(message.Payload));
                    continue;
                }

                using JsonDocument json = JsonDocument.Parse(message.Payload);
                JsonElement e = json.RootElement;
                switch (message.Topic.Substring(message.Topic.LastIndexOf('/') + 1))
                {
                    case "event":
                        long seq = e.GetProperty("seq").GetInt64();
                        Assert.AreEqual(previousSeq + 1, seq);
                        previousSeq = seq;
                        Assert.IsTrue(e.GetProperty("time").GetInt64() >= StartUnixMs);
                        Assert.IsTrue(message.Qos == Hardware.MqttQos.AtLeastOnce && !message.Retain);
                        break;
                    case "telemetry":
                        Assert.IsTrue(e.GetProperty("time").GetInt64() >= StartUnixMs);
                        JsonValueKind temperature = e.GetProperty("temperature").ValueKind;
                        Assert.IsTrue(temperature == JsonValueKind.Number || temperature == JsonValueKind.Null);
                        measured += temperature == JsonValueKind.Number ? 1 : 0;
                        Assert.IsTrue(message.Qos == Hardware.MqttQos.AtMostOnce && !message.Retain);
                        break;
                    case "state":
                        Assert.AreEqual(rig.Node.Core.Snapshot.NodeId, e.GetProperty("node").GetString());
                        Assert.AreEqual("°C", e.GetProperty("features").GetProperty("temperature").GetProperty("unit").GetString());
                        Assert.IsTrue(message.Retain);
                        break;
                    case "power":
                        CollectionAssert.Contains(new[] { "active", "eco", "sleep" }, e.GetProperty("mode").GetString());
                        Assert.IsTrue(message.Retain);
                        break;
                    case "config":
                        StringAssert.StartsWith(e.GetProperty("state_topic").GetString(), root);
                        Assert.IsTrue(message.Retain);
                        break;
                    default:
                        Assert.Fail("unexpected topic " + message.Topic);
                        break;
                }
            }

            Assert.IsTrue(measured > 0, "no telemetry with a temperature");
        }

        [TestMethod]
        public void CommandRepliesCarryTheConsolesExactTextAsValidJson()
        {
            Rig rig = Rig.Run(5_000);
            var console = new CommandInterpreter(rig.Node.Core, rig.Storage, new NoReboot());
            var expected = new ConsoleReply(SerialConsole.ReplyCapacityChars);

            // Quotes, backslashes, line breaks and "°C" in the output, a JSON reply inside the JSON, and an error.
            foreach (string line in new[] { "help", "config", "get temp.max_c", "version json", "set vib.rate_hz 12" })
            {
                console.Execute(line, SettingSource.Remote, expected);
                JsonElement reply = rig.Command(line);
                Assert.AreEqual(expected.Ok, reply.GetProperty("ok").GetBoolean(), line);
                Assert.AreEqual(expected.ToString(), reply.GetProperty("output").GetString(), line);
            }
        }

        private sealed class NoReboot : ISystemControl
        {
            public void RequestReboot()
            {
            }
        }

        private sealed class Rig
        {
            public RecordingTransport Transport { get; } = new RecordingTransport();

            public RamFileStorage Storage { get; } = new RamFileStorage();

            public VirtualNode Node { get; private set; }

            public MqttPublisher Publisher { get; private set; }

            public static Rig Run(long simulatedMs)
            {
                var rig = new Rig();
                var board = new VirtualBoard(ScenarioCatalogue.Find("normal-shifts"), 3);
                board.Clock.SetUnixTimeMs(StartUnixMs);
                rig.Publisher = new MqttPublisher(rig.Transport, board.Clock, null);
                rig.Node = new VirtualNode(board, rig.Storage, new StreamSerialLine(new MemoryStream(), new MemoryStream()),
                    rig.Publisher);
                rig.Node.Boot();
                long end = board.Clock.MonotonicMs + simulatedMs;
                while (board.Clock.MonotonicMs < end)
                {
                    rig.Node.Step();
                    rig.Publisher.Service();
                }

                return rig;
            }

            public JsonElement Command(string line)
            {
                string topic = "plant/" + Node.Core.Snapshot.NodeId + "/cmd";
                int before = Transport.Messages.Count(m => m.Topic == topic + "/reply");
                Transport.Deliver(topic, Encoding.ASCII.GetBytes(line));
                Node.PollConsole();
                Publisher.Service();
                RecordingTransport.Message[] replies = Transport.Messages.Where(m => m.Topic == topic + "/reply").ToArray();
                Assert.AreEqual(before + 1, replies.Length, line);
                using JsonDocument json = JsonDocument.Parse(replies[^1].Payload);
                return json.RootElement.Clone();
            }
        }
    }
}
