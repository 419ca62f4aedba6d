using SensorNode.Core.Config;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Node;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class MqttCommandTests
    {
        [TestMethod]
        public void ACommandRunsThroughTheConsoleInterpreterAndIsAnswered()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();

            string reply = rig.Command("get mqtt.port");

            Assert.IsNotNull(reply);
            Assert.IsTrue(TextSearch.Contains(reply, "\"ok\":true"), reply);
            Assert.IsTrue(TextSearch.Contains(reply, "\"output\":\"mqtt.port = 1883\\n"), reply);
            int index = rig.Transport.LastIndexOn(PublisherRig.TopicOf("cmd/reply"));
            Assert.IsFalse(rig.Transport.Retained(index));
        }

        [TestMethod]
        public void AnOpenSettingCanBeChangedRemotely()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();

            string reply = rig.Command("set report.active_s 20");

            Assert.IsTrue(TextSearch.Contains(reply, "\"ok\":true"), reply);
            Assert.AreEqual(20L, rig.Config.GetInt(ConfigKeys.ReportActiveS));
        }

        [TestMethod]
        [DataRow("set mqtt.password hunter2")]
        [DataRow("set wifi.password hunter2")]
        [DataRow("set mqtt.host evil.example")]
        [DataRow("set node.id hijacked")]
        public void SecretAndConsoleOnlySettingsAreRefusedRemotely(string line)
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            int version = rig.Config.Version;
            long events = rig.Node.Events.LastSeq;

            string reply = rig.Command(line);

            Assert.IsTrue(TextSearch.Contains(reply, "\"ok\":false"), reply);
            Assert.IsTrue(TextSearch.Contains(reply, "can only be set on the serial console"), reply);
            Assert.AreEqual(version, rig.Config.Version);
            Assert.AreEqual(events, rig.Node.Events.LastSeq);
        }

        [TestMethod]
        public void DefaultsIsRefusedRemotely()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            int version = rig.Config.Version;

            string reply = rig.Command("defaults");

            Assert.IsTrue(TextSearch.Contains(reply, "\"ok\":false"), reply);
            Assert.AreEqual(version, rig.Config.Version);
        }

        [TestMethod]
        public void MalformedPayloadsGetAnErrorAndChangeNothing()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            int version = rig.Config.Version;
            long events = rig.Node.Events.LastSeq;
            string replyTopic = PublisherRig.TopicOf("cmd/reply");

            byte[] oversize = new byte[300];
            for (int i = 0; i < oversize.Length; i++)
            {
                oversize[i] = (byte)'x';
            }

            byte[] notUtf8 = { (byte)'s', (byte)'e', (byte)'t', 0xFF, 0xFE };
            byte[] empty = new byte[0];
            byte[][] payloads = { empty, oversize, notUtf8 };
            string[] expected = { "empty command", "longer than 256 bytes", "not valid UTF-8" };
            for (int i = 0; i < payloads.Length; i++)
            {
                int before = rig.Transport.CountOn(replyTopic);
                rig.Transport.Deliver(PublisherRig.TopicOf("cmd"), payloads[i], payloads[i].Length, false);
                rig.Tick();
                Assert.AreEqual(before + 1, rig.Transport.CountOn(replyTopic), expected[i]);
                string reply = rig.Transport.LastTextOn(replyTopic);
                Assert.IsTrue(TextSearch.Contains(reply, "\"ok\":false"), reply);
                Assert.IsTrue(TextSearch.Contains(reply, expected[i]), reply);
            }

            // Two lines in one message, and a retained command (it would run again on every reconnect).
            rig.Transport.Deliver(PublisherRig.TopicOf("cmd"), "status\nreboot", false);
            rig.Tick();
            Assert.IsTrue(TextSearch.Contains(rig.Transport.LastTextOn(replyTopic), "one command per message"));
            rig.Transport.Deliver(PublisherRig.TopicOf("cmd"), "reboot", true);
            rig.Tick();
            Assert.IsTrue(TextSearch.Contains(rig.Transport.LastTextOn(replyTopic), "retained command ignored"));

            Assert.AreEqual(version, rig.Config.Version);
            Assert.AreEqual(events, rig.Node.Events.LastSeq);
            Assert.AreEqual(0, rig.SystemControl.RebootRequests);
        }

        [TestMethod]
        public void NonAsciiTextIsValidUtf8ButTheInterpreterRefusesIt()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            byte[] payload = { (byte)'g', (byte)'e', (byte)'t', (byte)' ', 0xC3, 0xA9 };

            rig.Transport.Deliver(PublisherRig.TopicOf("cmd"), payload, payload.Length, false);
            rig.Tick();

            string reply = rig.Transport.LastTextOn(PublisherRig.TopicOf("cmd/reply"));
            Assert.IsTrue(TextSearch.Contains(reply, "\"ok\":false"), reply);
            Assert.IsTrue(TextSearch.Contains(reply, "non-ASCII"), reply);
        }

        [TestMethod]
        public void CommandsArrivingTogetherRunInOrderAndTheSurplusIsToldToRetry()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            string replyTopic = PublisherRig.TopicOf("cmd/reply");
            rig.Transport.ClearMessages();

            for (int i = 1; i <= 6; i++)
            {
                rig.Transport.Deliver(PublisherRig.TopicOf("cmd"), "set report.eco_s " + (60 + i), false);
            }

            for (int i = 0; i < 10; i++)
            {
                rig.Tick();
            }

            Assert.AreEqual(6, rig.Transport.CountOn(replyTopic));
            int busy = 0;
            for (int i = 0; i < rig.Transport.Count; i++)
            {
                if (rig.Transport.Topic(i) == replyTopic && TextSearch.Contains(rig.Transport.Text(i), "too many commands"))
                {
                    busy++;
                }
            }

            Assert.AreEqual(2, busy);
            Assert.AreEqual(64L, rig.Config.GetInt(ConfigKeys.ReportEcoS));
        }

        [TestMethod]
        public void AJsonCommandAnswersWithItsJsonAsTheOutputString()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();

            string reply = rig.Command("version json");

            Assert.IsTrue(TextSearch.Contains(reply, "\"output\":\"{\\\"firmware\\\":"), reply);
        }
    }
}
