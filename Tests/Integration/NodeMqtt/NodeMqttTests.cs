using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Integration.NodeMqtt
{
    /// <summary>The virtual node against a real mosquitto: the topic contract, commands, discovery and credentials.</summary>
    [TestClass]
    public class NodeMqttTests
    {
        private static MosquittoBroker s_broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            s_broker = MosquittoBroker.Start();
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            s_broker?.Dispose();
        }

        [TestMethod]
        public void ALateSubscriberSeesTheRetainedAvailabilityAndState()
        {
            using var rig = new MqttNodeRig(MqttNodeRig.Plain(s_broker), null, NodeId("late"));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected && rig.Node.Core.Snapshot.WindowCount >= 2
                && rig.Publisher.IsIdle), rig.Publisher.StatusText);

            using var late = new TopicLog(MqttNodeRig.Plain(s_broker), "late-observer", rig.Topic("availability"), rig.Topic("state"));
            Assert.IsTrue(rig.RunUntil(() => late.Last(rig.Topic("state")) != null && late.Last(rig.Topic("availability")) != null,
                5_000), late.Describe());

            TopicLog.Message availability = late.On(rig.Topic("availability"))[0];
            Assert.IsTrue(availability.Retained);
            Assert.AreEqual("online", availability.Text);
            TopicLog.Message state = late.On(rig.Topic("state"))[0];
            Assert.IsTrue(state.Retained);
            using JsonDocument json = JsonDocument.Parse(state.Bytes);
            JsonElement root = json.RootElement;
            Assert.AreEqual(rig.NodeId, root.GetProperty("node").GetString());
            Assert.AreEqual(FirmwareVersion.Text, root.GetProperty("firmware").GetString());
            Assert.AreEqual("mm/s", root.GetProperty("features").GetProperty("velocity_rms").GetProperty("unit").GetString());
            Assert.AreEqual(0, root.GetProperty("dropped").GetInt32());
            // The newest state the broker had stored when the observer subscribed: the last window's may still be in flight.
            Assert.IsTrue(root.GetProperty("windows").GetInt64() >= 1);
        }

        [TestMethod]
        public void ALostConnectionMakesTheBrokerPublishOfflineAndTheNodeComesBack()
        {
            using var rig = new MqttNodeRig(MqttNodeRig.Plain(s_broker), null, NodeId("will"));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected && rig.Publisher.IsIdle), rig.Publisher.StatusText);
            using var observer = new TopicLog(MqttNodeRig.Plain(s_broker), "will-observer", rig.Topic("availability"));
            Assert.IsTrue(rig.RunUntil(() => observer.Last(rig.Topic("availability"))?.Text == "online", 5_000));

            // As a power cut would: the socket goes without DISCONNECT.
            rig.Link.Transport.Abort();

            Assert.IsTrue(rig.RunUntil(() => observer.Last(rig.Topic("availability"))?.Text == "offline", 5_000), observer.Describe());
            TopicLog.Message will = observer.Last(rig.Topic("availability"));
            Assert.IsFalse(will.Retained, "a will reaches live subscribers as a live message");
            Assert.IsTrue(rig.RunUntil(() => observer.Last(rig.Topic("availability"))?.Text == "online", 10_000), observer.Describe());
            Assert.AreEqual(2, rig.Publisher.Connections);
        }

        [TestMethod]
        public void ACommandRoundTrips()
        {
            using var rig = new MqttNodeRig(MqttNodeRig.Plain(s_broker), null, NodeId("cmd"));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected), rig.Publisher.StatusText);
            using var client = new TopicLog(MqttNodeRig.Plain(s_broker), "cmd-client", rig.Topic("cmd/reply"));

            JsonElement reply = Command(rig, client, Encoding.ASCII.GetBytes("get mqtt.port"));

            Assert.IsTrue(reply.GetProperty("ok").GetBoolean());
            StringAssert.StartsWith(reply.GetProperty("output").GetString(), "mqtt.port = 1883\n");
        }

        [TestMethod]
        public void RefusedAndMalformedCommandsGetErrorRepliesAndChangeNothing()
        {
            using var rig = new MqttNodeRig(MqttNodeRig.Plain(s_broker), null, NodeId("bad"));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected), rig.Publisher.StatusText);
            using var client = new TopicLog(MqttNodeRig.Plain(s_broker), "bad-client", rig.Topic("cmd/reply"));
            ConfigStore config = rig.Node.Core.Config;
            int version = config.Version;

            var cases = new (byte[] Payload, string Expected)[]
            {
                (Encoding.ASCII.GetBytes("set mqtt.password hunter2"), "mqtt.password can only be set on the serial console"),
                (Encoding.ASCII.GetBytes("set mqtt.host evil.example"), "mqtt.host can only be set on the serial console"),
                (Array.Empty<byte>(), "empty command"),
                (Encoding.ASCII.GetBytes(new string('x', 300)), "longer than 256 bytes"),
                (new byte[] { (byte)'g', (byte)'e', (byte)'t', (byte)' ', 0xC3, 0x28 }, "not valid UTF-8"),
            };
            foreach (var (payload, expected) in cases)
            {
                JsonElement reply = Command(rig, client, payload);
                Assert.IsFalse(reply.GetProperty("ok").GetBoolean(), expected);
                string output = reply.GetProperty("output").GetString();
                StringAssert.StartsWith(output, "error: ");
                StringAssert.Contains(output, expected);
            }

            Assert.AreEqual(version, config.Version);
            Assert.AreEqual("", config.GetText(ConfigKeys.MqttPassword));
            Assert.AreEqual("", config.GetText(ConfigKeys.MqttHost));
        }

        [TestMethod]
        public void HomeAssistantDiscoveryParsesAndPointsAtTheNodesTopics()
        {
            using var rig = new MqttNodeRig(MqttNodeRig.Plain(s_broker), null, NodeId("ha"));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected && rig.Publisher.IsIdle
                && rig.Node.Core.Snapshot.WindowCount >= 2), rig.Publisher.StatusText);
            string discoveryFilter = "homeassistant/+/" + rig.NodeId + "/+/config";
            using var ha = new TopicLog(MqttNodeRig.Plain(s_broker), "ha-observer", discoveryFilter, rig.Topic("state"));
            Assert.IsTrue(rig.RunUntil(() => Configs(ha).Length == HomeAssistantDiscovery.EntityCount
                && ha.Last(rig.Topic("state")) != null, 5_000), ha.Describe());

            using JsonDocument stateJson = JsonDocument.Parse(ha.Last(rig.Topic("state")).Bytes);
            JsonElement features = stateJson.RootElement.GetProperty("features");
            var uniqueIds = new HashSet<string>();
            foreach (TopicLog.Message message in Configs(ha))
            {
                Assert.IsTrue(message.Retained, message.Topic);
                using JsonDocument json = JsonDocument.Parse(message.Bytes);
                JsonElement config = json.RootElement;
                string[] topicParts = message.Topic.Split('/');
                Assert.AreEqual(5, topicParts.Length);
                Assert.IsTrue(topicParts[1] == "sensor" || topicParts[1] == "binary_sensor", message.Topic);
                Assert.AreEqual(rig.Topic("state"), config.GetProperty("state_topic").GetString());
                Assert.AreEqual(rig.Topic("availability"), config.GetProperty("availability_topic").GetString());
                Assert.AreEqual("online", config.GetProperty("payload_available").GetString());
                Assert.AreEqual("offline", config.GetProperty("payload_not_available").GetString());
                Assert.IsTrue(uniqueIds.Add(config.GetProperty("unique_id").GetString()));
                StringAssert.EndsWith(config.GetProperty("unique_id").GetString(), "_" + topicParts[3]);
                JsonElement device = config.GetProperty("device");
                Assert.AreEqual(rig.NodeId, device.GetProperty("identifiers")[0].GetString());
                Assert.AreEqual(FirmwareVersion.Text, device.GetProperty("sw_version").GetString());

                // A feature template must name a feature the state really carries, with the same unit.
                Match feature = Regex.Match(config.GetProperty("value_template").GetString(), @"value_json\.features\.(\w+)\.value");
                if (feature.Success)
                {
                    JsonElement stateFeature = features.GetProperty(feature.Groups[1].Value);
                    Assert.AreEqual(stateFeature.GetProperty("unit").GetString(),
                        config.TryGetProperty("unit_of_measurement", out JsonElement unit) ? unit.GetString() : "");
                    Assert.AreEqual("measurement", config.GetProperty("state_class").GetString());
                }
            }

            // Home Assistant restarting announces itself; the node answers with its discovery again.
            int before = Configs(ha).Length;
            ha.Send(MqttTopics.HomeAssistantStatus, "online");
            Assert.IsTrue(rig.RunUntil(() => Configs(ha).Length == before + HomeAssistantDiscovery.EntityCount, 5_000),
                ha.Describe());
        }

        [TestMethod]
        public void OverTlsTheRightCredentialsConnect()
        {
            using var rig = new MqttNodeRig(Tls(), null, NodeId("tls", MosquittoBroker.UserName, s_broker.Password));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected, 10_000), rig.Publisher.StatusText + "\n" + s_broker.ReadLog());
            StringAssert.Contains(rig.Publisher.StatusText, "(TLS)");
        }

        [TestMethod]
        public void WrongCredentialsGiveAClearErrorAndBackedOffRetries()
        {
            using var rig = new MqttNodeRig(Tls(), null, NodeId("creds", MosquittoBroker.UserName, "wrong-password"));
            var attemptMs = new List<long>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            int seen = 0;
            rig.RunUntil(() =>
            {
                if (rig.Publisher.FailedAttempts != seen)
                {
                    seen = rig.Publisher.FailedAttempts;
                    attemptMs.Add(clock.ElapsedMilliseconds);
                }

                return attemptMs.Count >= 3;
            }, 10_000);

            Assert.IsTrue(attemptMs.Count >= 3, "attempts: " + attemptMs.Count + "; " + rig.Publisher.StatusText);
            Assert.IsFalse(rig.Publisher.IsConnected);
            MqttStatus status = rig.Publisher.LastStatus;
            Assert.IsTrue(status == MqttStatus.RefusedBadCredentials || status == MqttStatus.RefusedNotAuthorized, status.ToString());
            StringAssert.Contains(rig.Publisher.StatusText, "refused");
            StringAssert.Contains(rig.Publisher.StatusText, "mqtt.password");

            // Loosely: about 1 s then about 2 s between attempts (±25 % jitter, plus the time a TLS attempt takes).
            long first = attemptMs[1] - attemptMs[0];
            long second = attemptMs[2] - attemptMs[1];
            Assert.IsTrue(first >= 600 && first <= 2_000, "first gap " + first + " ms");
            Assert.IsTrue(second >= 1_200 && second <= 3_500, "second gap " + second + " ms");
            Assert.IsTrue(second > first, first + " ms then " + second + " ms");

            // One error event for the run of refusals, and the console's mqtt line says why.
            int mqttErrors = 0;
            EventLog log = rig.Node.Core.Events;
            for (int age = 0; age < log.Count; age++)
            {
                NodeEvent e = log.Newest(age);
                if (e.Type == EventType.Error && e.Channel == "mqtt")
                {
                    mqttErrors++;
                    Assert.IsTrue(e.Reason == "bad_credentials" || e.Reason == "not_authorized", e.Reason);
                }
            }

            Assert.AreEqual(1, mqttErrors);
        }

        private static TopicLog.Message[] Configs(TopicLog log) =>
            log.All().Where(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)).ToArray();

        private static JsonElement Command(MqttNodeRig rig, TopicLog client, byte[] payload)
        {
            int before = client.On(rig.Topic("cmd/reply")).Length;
            Assert.AreEqual(MqttStatus.Accepted, client.Send(rig.Topic("cmd"), payload));
            Assert.IsTrue(rig.RunUntil(() => client.On(rig.Topic("cmd/reply")).Length > before, 5_000), client.Describe());
            using JsonDocument json = JsonDocument.Parse(client.Last(rig.Topic("cmd/reply")).Bytes);
            return json.RootElement.Clone();
        }

        private static MqttClientOptions Tls() => new MqttClientOptions
        {
            Port = s_broker.TlsPort,
            UseTls = true,
            CaCertificate = s_broker.CaCertificate,
            TlsServerName = "localhost",
            AckTimeoutMs = 2_000,
            ConnectTimeoutMs = 3_000,
        };

        // A node id of its own per test (retained messages of one test must not meet another), and optional credentials.
        private static Action<ConfigStore> NodeId(string name, string user = null, string password = null) => config =>
        {
            Set(config, "node.id", "it-" + name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            if (user != null)
            {
                Set(config, "mqtt.user", user);
                Set(config, "mqtt.password", password);
                Set(config, "mqtt.tls", "on");
            }
        };

        private static void Set(ConfigStore config, string key, string value)
        {
            Assert.AreEqual(ConfigResult.Ok, config.TrySet(key, value, SettingSource.Console, out string error), error);
        }
    }
}
