using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Node;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class MqttContentTests
    {
        [TestMethod]
        public void TheRetainedStateIsExactlyTheConsolesStatusJson()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.RunWindows(3);

            int last = rig.Transport.LastIndexOn(PublisherRig.TopicOf("state"));
            Assert.IsTrue(last >= 0);
            Assert.IsTrue(rig.Transport.Retained(last));
            Assert.IsTrue(rig.Transport.Qos(last) == MqttQos.AtLeastOnce);

            ConsoleReply reply = new ConsoleReply(4096);
            rig.Interpreter.Execute("status json", SettingSource.Console, reply);
            Assert.AreEqual(reply.ToString(), rig.Transport.Text(last));
        }

        [TestMethod]
        public void StateGoesOutOnChangeAndOtherwiseAtTheReportPeriod()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.RunWindows(40);
            rig.Transport.ClearMessages();

            rig.RunWindows(30);
            Assert.AreEqual(3, rig.Transport.CountOn(PublisherRig.TopicOf("state")));

            // A change (here a relearn, which clears the learned flags) goes out in the next window.
            rig.Transport.ClearMessages();
            rig.Node.Relearn(-1);
            rig.RunWindows(1);
            Assert.AreEqual(1, rig.Transport.CountOn(PublisherRig.TopicOf("state")));
        }

        [TestMethod]
        public void TelemetryFollowsTheReportPeriodAndItsDeadbands()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.RunWindows(40);
            rig.Transport.ClearMessages();

            rig.RunWindows(30);
            string topic = PublisherRig.TopicOf("telemetry");
            Assert.AreEqual(3, rig.Transport.CountOn(topic));
            string interval = rig.Transport.LastTextOn(topic);
            Assert.IsTrue(JsonText.HasString(interval, "reason", "interval"), interval);
            Assert.IsTrue(rig.Transport.Qos(rig.Transport.LastIndexOn(topic)) == MqttQos.AtMostOnce);
            Assert.IsFalse(rig.Transport.Retained(rig.Transport.LastIndexOn(topic)));

            // 2 °C warmer: beyond the 0.5 °C deadband, reported in the next window.
            rig.Transport.ClearMessages();
            rig.Sensors.TempCentiC += 200;
            rig.RunWindows(1);
            Assert.AreEqual(1, rig.Transport.CountOn(topic));
            string moved = rig.Transport.LastTextOn(topic);
            Assert.IsTrue(JsonText.HasString(moved, "reason", "deadband"), moved);
            Assert.IsTrue(TextSearch.Contains(moved, "\"temperature\":42.00"), moved);

            // A slower report period applies at once.
            rig.Set("report.active_s", "20");
            rig.RunWindows(40);
            Assert.IsTrue(rig.Transport.CountOn(topic) <= 4);
        }

        [TestMethod]
        public void EventsAreQueuedOfflineAndArriveInOrderWithoutGaps()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.Transport.BrokerUp = false;
            rig.Start();
            rig.RunWindows(5);
            for (int i = 0; i < 20; i++)
            {
                rig.Node.RecordEvent(EventType.Config, "test", "set", i, 0, "", 0, "console");
            }

            Assert.IsTrue(rig.Publisher.QueueDepth >= 21);
            Assert.AreEqual(0, rig.Publisher.DroppedCount);

            rig.Transport.BrokerUp = true;
            rig.RunWindows(20);

            Assert.IsTrue(rig.Publisher.IsConnected);
            long total = rig.Node.Events.LastSeq;
            long nextSeq = 1;
            for (int i = 0; i < rig.Transport.Count; i++)
            {
                if (rig.Transport.Topic(i) != PublisherRig.TopicOf("event"))
                {
                    continue;
                }

                Assert.IsTrue(rig.Transport.Qos(i) == MqttQos.AtLeastOnce);
                Assert.IsFalse(rig.Transport.Retained(i));
                Assert.AreEqual(nextSeq, JsonText.Integer(rig.Transport.Text(i), "seq"));
                nextSeq++;
            }

            long published = nextSeq - 1;
            Assert.AreEqual(total, published);
            Assert.AreEqual(0, rig.Publisher.QueueDepth);
        }

        [TestMethod]
        public void AnOverflowingQueueCountsWhatItDroppedAndTheStateSaysSo()
        {
            MqttPublisherOptions options = new MqttPublisherOptions();
            options.QueueCapacity = 8;
            PublisherRig rig = new PublisherRig(options);
            rig.Transport.BrokerUp = false;
            rig.Start();
            rig.RunWindows(12);
            for (int i = 0; i < 20; i++)
            {
                rig.Node.RecordEvent(EventType.Config, "test", "set", i, 0, "", 0, "console");
            }

            long events = rig.Node.Events.LastSeq;
            Assert.AreEqual(8, rig.Publisher.QueueDepth);
            Assert.AreEqual((int)events - 8, rig.Publisher.DroppedCount);

            rig.Transport.BrokerUp = true;
            rig.RunWindows(20);

            // The survivors are the newest events, in order; with the drops they account for every event.
            long previous = 0;
            int delivered = 0;
            for (int i = 0; i < rig.Transport.Count; i++)
            {
                if (rig.Transport.Topic(i) == PublisherRig.TopicOf("event"))
                {
                    long seq = JsonText.Integer(rig.Transport.Text(i), "seq");
                    Assert.IsTrue(seq > previous);
                    previous = seq;
                    delivered++;
                }
            }

            Assert.AreEqual(events, (long)(delivered + rig.Publisher.DroppedCount));
            string state = rig.Transport.LastTextOn(PublisherRig.TopicOf("state"));
            Assert.AreEqual((long)rig.Publisher.DroppedCount, JsonText.Integer(state, "dropped"));
        }

        [TestMethod]
        public void AlarmsAndFaultsAreKeptWhenOrdinaryEventsOverflow()
        {
            MqttPublisherOptions options = new MqttPublisherOptions();
            options.QueueCapacity = 4;
            PublisherRig rig = new PublisherRig(options);
            rig.Transport.BrokerUp = false;
            rig.Start();
            rig.Node.RecordEvent(EventType.Alarm, "velocity", "alarm", 12000, 3, "mm/s", 30000, "above_limit");
            rig.Node.RecordEvent(EventType.Fault, "temperature", "fault", 0, 2, "°C", 0, "missing");
            long alarmSeq = rig.Node.Events.LastSeq - 1;
            for (int i = 0; i < 10; i++)
            {
                rig.Node.RecordEvent(EventType.Config, "test", "set", i, 0, "", 0, "console");
            }

            rig.Transport.BrokerUp = true;
            rig.RunMs(3000);

            string first = rig.Transport.Text(FirstIndexOn(rig.Transport, PublisherRig.TopicOf("event")));
            Assert.AreEqual(alarmSeq, JsonText.Integer(first, "seq"));
            Assert.IsTrue(JsonText.HasString(first, "type", "alarm"));
        }

        [TestMethod]
        public void SequenceNumbersContinueAfterAReboot()
        {
            PublisherRig first = new PublisherRig(null);
            first.StartAndConnect();
            for (int i = 0; i < 5; i++)
            {
                first.Node.RecordEvent(EventType.Config, "test", "set", i, 0, "", 0, "console");
            }

            long lastBeforeReboot = first.Node.Events.LastSeq;

            PublisherRig second = new PublisherRig(null, first.Storage, true);
            second.StartAndConnect();

            NodeEvent boot = second.Node.Events.Newest(second.Node.Events.Count - 1);
            Assert.IsTrue(boot.Type == EventType.Boot);
            Assert.IsTrue(boot.Seq > lastBeforeReboot);
            Assert.IsTrue(boot.Seq <= lastBeforeReboot + 1 + EventSequenceStore.DefaultBlockSize);
            string published = second.Transport.LastTextOn(PublisherRig.TopicOf("event"));
            Assert.AreEqual(boot.Seq, JsonText.Integer(published, "seq"));
        }

        [TestMethod]
        public void PowerIsRetainedFromBootAndFollowsThePowerManager()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.RunWindows(1);

            string topic = PublisherRig.TopicOf("power");
            int index = rig.Transport.LastIndexOn(topic);
            Assert.IsTrue(index >= 0);
            Assert.IsTrue(rig.Transport.Retained(index));
            string boot = rig.Transport.Text(index);
            Assert.IsTrue(JsonText.HasString(boot, "mode", "active"), boot);
            Assert.IsTrue(JsonText.HasString(boot, "reason", "boot"), boot);
            Assert.IsTrue(TextSearch.Contains(boot, "\"next_wake\":null"), boot);

            // Without a power manager nothing says what woke the node.
            Assert.IsTrue(TextSearch.Contains(boot, "\"wake\":null"), boot);

            rig.Clock.SetUnixTimeMs(1767225600000);
            rig.Publisher.PublishPower("sleep", "machine_off", rig.Clock.MonotonicMs, 900000);
            rig.Tick();
            string sleep = rig.Transport.LastTextOn(topic);
            Assert.IsTrue(JsonText.HasString(sleep, "mode", "sleep"), sleep);
            Assert.AreEqual(900L, JsonText.Integer(sleep, "next_wake_in_s"));
            Assert.AreEqual(JsonText.Integer(sleep, "since") + 900000, JsonText.Integer(sleep, "next_wake"));
        }

        private static int FirstIndexOn(FakeMqttTransport transport, string topic)
        {
            for (int i = 0; i < transport.Count; i++)
            {
                if (transport.Topic(i) == topic)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
