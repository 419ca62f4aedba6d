using SensorNode.Core.Node;
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
    public class HomeAssistantDiscoveryTests
    {
        private const string TemperatureConfig = "homeassistant/sensor/" + PublisherRig.NodeId + "/temperature/config";

        [TestMethod]
        public void EveryEntityIsAnnouncedRetainedOnConnect()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();

            Assert.AreEqual(HomeAssistantDiscovery.EntityCount, CountDiscovery(rig));
            int index = rig.Transport.LastIndexOn(TemperatureConfig);
            Assert.IsTrue(rig.Transport.Retained(index));
            string config = rig.Transport.Text(index);
            Assert.IsTrue(JsonText.HasString(config, "state_topic", PublisherRig.TopicOf("state")), config);
            Assert.IsTrue(JsonText.HasString(config, "availability_topic", PublisherRig.TopicOf("availability")), config);
            Assert.IsTrue(JsonText.HasString(config, "unique_id", PublisherRig.NodeId + "_temperature"), config);
            Assert.IsTrue(JsonText.HasString(config, "device_class", "temperature"), config);
            Assert.IsTrue(JsonText.HasString(config, "state_class", "measurement"), config);
            Assert.IsTrue(JsonText.HasString(config, "unit_of_measurement", "°C"), config);
            Assert.IsTrue(JsonText.HasString(config, "sw_version", FirmwareVersion.Text), config);
            Assert.IsFalse(TextSearch.Contains(config, "expire_after"), config);
            Assert.IsNotNull(rig.Transport.LastTextOn("homeassistant/binary_sensor/" + PublisherRig.NodeId + "/anomaly/config"));
        }

        [TestMethod]
        public void HomeAssistantComingOnlineGetsTheDiscoveryAgainButNotItsRetainedCopy()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.Transport.ClearMessages();

            rig.Transport.Deliver("homeassistant/status", "online", true);
            rig.Tick();
            Assert.AreEqual(0, CountDiscovery(rig));

            rig.Transport.Deliver("homeassistant/status", "offline", false);
            rig.Tick();
            Assert.AreEqual(0, CountDiscovery(rig));

            rig.Transport.Deliver("homeassistant/status", "online", false);
            rig.Tick();
            Assert.AreEqual(HomeAssistantDiscovery.EntityCount, CountDiscovery(rig));
        }

        [TestMethod]
        public void SleepModeAddsExpireAfterSoASleepingNodeIsNotShownBroken()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.Set("power.sleep_enabled", "on");
            rig.StartAndConnect();

            // Wakes every 900 s, but a quiet node reports only every heartbeat (3600 s): that is the longest silence.
            string config = rig.Transport.LastTextOn(TemperatureConfig);
            Assert.AreEqual(2L * 3600 + 60, JsonText.Integer(config, "expire_after"));
        }

        [TestMethod]
        [DataRow("900", "3600", 7260)]
        [DataRow("7200", "3600", 14460)]
        [DataRow("900", "21600", 43260)]
        public void ExpireAfterFollowsTheLongerOfTheWakePeriodAndTheHeartbeat(string sleepS, string heartbeatS, int expected)
        {
            PublisherRig rig = new PublisherRig(null);
            rig.Set("power.sleep_enabled", "on");
            rig.Set("report.sleep_s", sleepS);
            rig.Set("power.heartbeat_s", heartbeatS);
            rig.StartAndConnect();

            Assert.AreEqual((long)expected, JsonText.Integer(rig.Transport.LastTextOn(TemperatureConfig), "expire_after"));
        }

        [TestMethod]
        public void SwitchingDiscoveryOffRemovesTheEntities()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.StartAndConnect();
            rig.Transport.ClearMessages();

            rig.Set("ha.discovery", "off");
            rig.RunWindows(2);

            Assert.AreEqual(HomeAssistantDiscovery.EntityCount, CountDiscovery(rig));
            int index = rig.Transport.LastIndexOn(TemperatureConfig);
            Assert.AreEqual(0, rig.Transport.Length(index));
            Assert.IsTrue(rig.Transport.Retained(index));

            // Once is enough: a later birth message does not send the empty configs again.
            rig.Transport.ClearMessages();
            rig.Transport.Deliver("homeassistant/status", "online", false);
            rig.Tick();
            Assert.AreEqual(0, CountDiscovery(rig));
        }

        [TestMethod]
        public void ASensorThatIsNotFittedHasNoEntity()
        {
            PublisherRig rig = new PublisherRig(null);
            rig.Sensors.CurrentStatus = SensorReadStatus.NotFitted;
            rig.StartAndConnect();
            rig.RunWindows(2);

            string current = "homeassistant/sensor/" + PublisherRig.NodeId + "/current/config";
            Assert.AreEqual(0, rig.Transport.Length(rig.Transport.LastIndexOn(current)));
            Assert.IsTrue(rig.Transport.Length(rig.Transport.LastIndexOn(TemperatureConfig)) > 0);
        }

        [TestMethod]
        public void EveryConfigFitsItsBufferAndNamesItsTopics()
        {
            HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(new MqttTopics("a-rather-long-plant-prefix", "node-with-a-32-character-name-xx"));
            JsonWriter writer = new JsonWriter(new byte[HomeAssistantDiscovery.MaxPayloadBytes]);
            for (int entity = 0; entity < HomeAssistantDiscovery.EntityCount; entity++)
            {
                writer.Reset();
                discovery.Write(writer, entity, 1860);
                Assert.IsTrue(writer.IsComplete, HomeAssistantDiscovery.ObjectId(entity));
                Assert.IsTrue(TextSearch.Contains(discovery.ConfigTopic(entity), "/node-with-a-32-character-name-xx/"));
            }
        }

        [TestMethod]
        public void NodeIdsAreMadeSafeForDiscoveryTopics()
        {
            MqttTopics topics = new MqttTopics("plant", "press 7.line#2");
            Assert.AreEqual("press_7_line_2", topics.DiscoveryNodeId);
            Assert.AreEqual("homeassistant/sensor/press_7_line_2/kurtosis/config", topics.DiscoveryConfig("sensor", "kurtosis"));
            Assert.AreEqual("plant/press 7.line#2/state", topics.State);
        }

        private static int CountDiscovery(PublisherRig rig)
        {
            int n = 0;
            for (int i = 0; i < rig.Transport.Count; i++)
            {
                if (TextSearch.IndexOf(rig.Transport.Topic(i), "homeassistant/", 0) == 0)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
