using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Node;
using SensorNode.Core.Tests.Support;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class MqttConnectionTests
    {
        [TestMethod]
        public void TheNodeConnectsWithItsWillAndAnnouncesItselfOnline()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();

            FakeMqttTransport broker = rig.Transport;
            Assert.AreEqual(1, broker.ConnectCalls);
            Assert.AreEqual(PublisherRig.NodeId, broker.ClientId);
            Assert.AreEqual(PublisherRig.TopicOf("availability"), broker.WillTopic);
            Assert.AreEqual("offline", broker.WillPayload);
            Assert.IsTrue(broker.WillQos == MqttQos.AtLeastOnce);
            Assert.IsTrue(broker.WillRetain);
            Assert.AreEqual(30, broker.KeepAliveS);
            Assert.IsTrue(broker.UserName == null);
            Assert.IsTrue(broker.IsSubscribed(PublisherRig.TopicOf("cmd")));
            Assert.IsTrue(broker.IsSubscribed("homeassistant/status"));

            Assert.AreEqual(PublisherRig.TopicOf("availability"), broker.Topic(0));
            Assert.AreEqual("online", broker.Text(0));
            Assert.IsTrue(broker.Retained(0));
            Assert.IsTrue(broker.Qos(0) == MqttQos.AtLeastOnce);
            Assert.IsTrue(rig.Publisher.IsConnected);
            Assert.IsTrue(TextSearch.Contains(rig.Publisher.StatusText, "connected"));
        }

        [TestMethod]
        public void CredentialsFromTheSettingsAreSent()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.Set("mqtt.user", "press7");
            rig.Set("mqtt.password", "s3cret");
            rig.StartAndConnect();

            Assert.AreEqual("press7", rig.Transport.UserName);
            Assert.AreEqual("s3cret", rig.Transport.Password);
        }

        [TestMethod]
        public void WrongCredentialsGiveOneClearEventAndBackedOffRetries()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.Transport.ConnectResult = MqttStatus.RefusedBadCredentials;
            rig.Start();

            // Record when each attempt happens over 40 s.
            long[] attemptMs = new long[16];
            int attempts = 0;
            int seen = 0;
            for (int t = 0; t < 40000; t += PublisherRig.TickMs)
            {
                rig.Tick();
                if (rig.Transport.ConnectCalls != seen)
                {
                    seen = rig.Transport.ConnectCalls;
                    attemptMs[attempts++] = rig.Clock.MonotonicMs;
                }
            }

            // 1 s, 2 s, 4 s, 8 s, 16 s base delays, each ±25 %: attempts 2..6 in 40 s, the gaps growing.
            Assert.IsTrue(attempts >= 4 && attempts <= 6, "attempts " + attempts);
            for (int i = 1; i < attempts; i++)
            {
                long gap = attemptMs[i] - attemptMs[i - 1];
                long baseMs = 1000L << (i - 1);
                Assert.IsTrue(gap >= baseMs * 3 / 4 && gap <= baseMs * 5 / 4 + PublisherRig.TickMs, "gap " + i + ": " + gap);
            }

            Assert.IsFalse(rig.Publisher.IsConnected);
            Assert.IsTrue(rig.Publisher.LastStatus == MqttStatus.RefusedBadCredentials);
            Assert.IsTrue(TextSearch.Contains(rig.Publisher.StatusText, "bad user name or password"));
            Assert.IsTrue(TextSearch.Contains(rig.Publisher.StatusText, "next attempt in"));

            // One event for the whole run of refusals, not one per attempt.
            int mqttErrors = 0;
            EventLog log = rig.Node.Events;
            for (int age = 0; age < log.Count; age++)
            {
                NodeEvent e = log.Newest(age);
                if (e.Type == EventType.Error && e.Channel == "mqtt")
                {
                    mqttErrors++;
                    Assert.AreEqual("bad_credentials", e.Reason);
                }
            }

            Assert.AreEqual(1, mqttErrors);

            // Fixed on the broker: the next attempt gets in.
            rig.Transport.ConnectResult = MqttStatus.Accepted;
            rig.RunMs(60000);
            Assert.IsTrue(rig.Publisher.IsConnected);
            Assert.AreEqual(0, rig.Publisher.FailedAttempts);
        }

        [TestMethod]
        public void ALostConnectionIsRetriedAfterABackOffAndAnnouncedAgain()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.RunWindows(2);
            rig.Transport.BrokerUp = false;
            rig.Transport.Drop();
            rig.Transport.ClearMessages();

            rig.RunMs(500);
            Assert.IsFalse(rig.Publisher.IsConnected);
            int attemptsWhileDown = rig.Transport.ConnectCalls;
            rig.RunMs(5000);
            Assert.IsTrue(rig.Transport.ConnectCalls > attemptsWhileDown);

            rig.Transport.BrokerUp = true;
            rig.RunMs(20000);

            Assert.IsTrue(rig.Publisher.IsConnected);
            Assert.AreEqual(2, rig.Publisher.Connections);
            int online = rig.Transport.LastIndexOn(PublisherRig.TopicOf("availability"));
            Assert.AreEqual("online", rig.Transport.Text(online));
            Assert.IsTrue(rig.Transport.CountOn(PublisherRig.TopicOf("state")) >= 1);
        }

        [TestMethod]
        public void ANewNodeIdSaysOfflineUnderTheOldRootAndReconnectsUnderTheNewOne()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.RunWindows(1);
            rig.Transport.ClearMessages();

            rig.Set("node.id", "press-7");
            rig.RunWindows(2);

            Assert.AreEqual("offline", rig.Transport.Text(0));
            Assert.AreEqual(PublisherRig.TopicOf("availability"), rig.Transport.Topic(0));
            Assert.AreEqual("press-7", rig.Transport.ClientId);
            Assert.AreEqual("plant/press-7/availability", rig.Transport.WillTopic);
            Assert.IsTrue(rig.Transport.IsSubscribed("plant/press-7/cmd"));
            Assert.AreEqual("online", rig.Transport.LastTextOn("plant/press-7/availability"));
            Assert.IsTrue(rig.Transport.CountOn("plant/press-7/state") >= 1);
        }

        [TestMethod]
        public void BeforeSleepTheNodeFlushesSaysSleepingAndDisconnectsCleanly()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.RunWindows(1);
            rig.Node.RecordEvent(EventType.Power, "power", "sleep", 0, 0, "", 0, "machine_off");

            rig.Publisher.RequestSleep();
            rig.Tick();

            Assert.IsTrue(rig.Publisher.ReadyForSleep);
            Assert.AreEqual(1, rig.Transport.DisconnectCalls);
            int last = rig.Transport.Count - 1;
            Assert.AreEqual(PublisherRig.TopicOf("availability"), rig.Transport.Topic(last));
            Assert.AreEqual("sleeping", rig.Transport.Text(last));
            Assert.IsTrue(rig.Transport.Retained(last));
            Assert.AreEqual(0, rig.Publisher.QueueDepth);

            // Asleep: no reconnection attempts until Resume.
            int calls = rig.Transport.ConnectCalls;
            rig.RunMs(5000);
            Assert.AreEqual(calls, rig.Transport.ConnectCalls);

            rig.Publisher.Resume();
            rig.Tick();
            Assert.IsTrue(rig.Publisher.IsConnected);
            Assert.AreEqual("online", rig.Transport.LastTextOn(PublisherRig.TopicOf("availability")));
        }

        [TestMethod]
        public void WithoutABrokerTheNodeRunsOfflineAndQueuesItsEvents()
        {
            PublisherRig rig = new PublisherRig(null, new MemoryFileStorage(), false);
            rig.Start();
            rig.RunWindows(3);
            rig.Node.RecordEvent(EventType.Config, "test", "set", 1, 0, "", 0, "console");

            Assert.IsFalse(rig.Publisher.IsConnected);
            Assert.IsTrue(rig.Publisher.QueueDepth >= 2);
            Assert.IsTrue(TextSearch.Contains(rig.Publisher.StatusText, "no broker configured"));

            ConsoleReplyCheck(rig, "mqtt", "no broker configured");
            rig.Publisher.RequestSleep();
            Assert.IsTrue(rig.Publisher.ReadyForSleep);
        }

        private static void ConsoleReplyCheck(PublisherRig rig, string line, string expected)
        {
            SensorNode.Core.Console.ConsoleReply reply = new SensorNode.Core.Console.ConsoleReply(1024);
            rig.Interpreter.Execute(line, SettingSource.Console, reply);
            Assert.IsTrue(reply.Ok);
            Assert.IsTrue(TextSearch.Contains(reply.ToString(), expected), reply.ToString());
        }
    }
}
