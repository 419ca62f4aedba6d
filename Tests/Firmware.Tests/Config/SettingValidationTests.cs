using SensorNode.Core.Config;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    /// <summary>Every type's edges through <see cref="ConfigStore.TrySet"/>: accepted values and their canonical text; rejected values change nothing.</summary>
    [TestClass]
    public class SettingValidationTests
    {
        [TestMethod]
        [DataRow("mqtt.port", "1", "1")]
        [DataRow("mqtt.port", "65535", "65535")]
        [DataRow("mqtt.port", " 8883 ", "8883")]
        [DataRow("mqtt.port", "+8883", "8883")]
        [DataRow("mqtt.port", "008883", "8883")]
        [DataRow("temp.max_c", "-50", "-50")]
        [DataRow("temp.max_c", "500", "500")]
        [DataRow("temp.max_c", "-0", "0")]
        [DataRow("machine.dwell_s", "0", "0")]
        [DataRow("mqtt.tls", "on", "on")]
        [DataRow("mqtt.tls", "ON", "on")]
        [DataRow("mqtt.tls", "True", "on")]
        [DataRow("mqtt.tls", "1", "on")]
        [DataRow("ha.discovery", "off", "off")]
        [DataRow("ha.discovery", "FALSE", "off")]
        [DataRow("ha.discovery", " 0 ", "off")]
        [DataRow("vib.rate_hz", "100", "100")]
        [DataRow("vib.rate_hz", "1600", "1600")]
        [DataRow("vib.range_g", "2", "2")]
        [DataRow("iso.foundation", "FLEXIBLE", "flexible")]
        [DataRow("iso.group", "1", "1")]
        [DataRow("mqtt.user", "", "")]
        [DataRow("wifi.ssid", " shop floor ", " shop floor ")]
        [DataRow("mqtt.user", "a=b \"c\" {d}", "a=b \"c\" {d}")]
        [DataRow("mqtt.prefix", "site/plant", "site/plant")]
        [DataRow("wifi.ssid", "12345678901234567890123456789012", "12345678901234567890123456789012")]
        public void Accepts(string key, string value, string canonical)
        {
            ConfigStore store = ConfigFixture.NewStore();
            ConfigResult result = store.TrySet(key, value, SettingSource.Console, out string error);
            Assert.IsTrue(result == ConfigResult.Ok, error);
            Assert.AreEqual("", error);
            Assert.AreEqual(canonical, store.GetText(store.IndexOf(key)));
        }

        [TestMethod]
        [DataRow("mqtt.port", "0")]
        [DataRow("mqtt.port", "65536")]
        [DataRow("mqtt.port", "-1")]
        [DataRow("mqtt.port", "")]
        [DataRow("mqtt.port", "   ")]
        [DataRow("mqtt.port", "abc")]
        [DataRow("mqtt.port", "18 83")]
        [DataRow("mqtt.port", "1883\t")]
        [DataRow("mqtt.port", "1883.0")]
        [DataRow("mqtt.port", "99999999999999999999")]
        [DataRow("mqtt.port", "-9223372036854775809")]
        [DataRow("mqtt.port", "+")]
        [DataRow("temp.max_c", "-51")]
        [DataRow("temp.max_c", "501")]
        [DataRow("machine.dwell_s", "-1")]
        [DataRow("mqtt.tls", "yes")]
        [DataRow("mqtt.tls", "2")]
        [DataRow("mqtt.tls", "")]
        [DataRow("mqtt.tls", "onn")]
        [DataRow("mqtt.tls", "o n")]
        [DataRow("vib.rate_hz", "50")]
        [DataRow("vib.rate_hz", "3201")]
        [DataRow("vib.rate_hz", "3200.0")]
        [DataRow("vib.rate_hz", "")]
        [DataRow("iso.foundation", "rigidd")]
        [DataRow("iso.foundation", "rig")]
        [DataRow("wifi.ssid", "123456789012345678901234567890123")]
        [DataRow("wifi.ssid", "tab\there")]
        [DataRow("wifi.ssid", "line\nbreak")]
        [DataRow("wifi.ssid", "nul\u0000")]
        [DataRow("wifi.ssid", "del\u007f")]
        [DataRow("wifi.ssid", "caf\u00e9")]
        [DataRow("node.id", "a/b")]
        [DataRow("node.id", "a b")]
        [DataRow("node.id", "a+")]
        [DataRow("node.id", "#")]
        [DataRow("mqtt.prefix", "plant/#")]
        [DataRow("mqtt.host", "broker local")]
        public void Rejects_AndChangesNothing(string key, string value)
        {
            ConfigStore store = ConfigFixture.NewStore();
            string[] before = ConfigFixture.Snapshot(store);
            int version = store.Version;
            ConfigResult result = store.TrySet(key, value, SettingSource.Console, out string error);
            Assert.IsTrue(result == ConfigResult.InvalidValue, key + "=" + value);
            Assert.IsTrue(error.Length > 0);
            Assert.AreEqual(version, store.Version);
            ConfigFixture.AssertMatches(store, before);
        }

        [TestMethod]
        public void Rejects_NullValue()
        {
            ConfigStore store = ConfigFixture.NewStore();
            Assert.IsTrue(store.TrySet("mqtt.user", null, SettingSource.Console, out string error) == ConfigResult.InvalidValue);
            Assert.AreEqual("mqtt.user must be at most 64 printable ASCII characters", error);
        }

        [TestMethod]
        public void Text_AcceptsExactlyMaxLength()
        {
            ConfigStore store = ConfigFixture.NewStore();
            string sixtyFour = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
            Assert.AreEqual(64, sixtyFour.Length);
            Assert.IsTrue(store.TrySet("mqtt.password", sixtyFour, SettingSource.Console, out string error) == ConfigResult.Ok);
            Assert.IsTrue(store.TrySet("mqtt.password", sixtyFour + "x", SettingSource.Console, out error) == ConfigResult.InvalidValue);
            Assert.AreEqual(sixtyFour, store.GetText(ConfigKeys.MqttPassword));
        }

        [TestMethod]
        [DataRow("mqtt.port", "0", "mqtt.port must be an integer 1..65535")]
        [DataRow("report.active_s", "x", "report.active_s must be an integer 1..3600 s")]
        [DataRow("temp.max_c", "900", "temp.max_c must be an integer -50..500 \u00b0C")]
        [DataRow("mqtt.tls", "maybe", "mqtt.tls must be on or off")]
        [DataRow("vib.rate_hz", "50", "vib.rate_hz must be one of 100, 200, 400, 800, 1600, 3200 Hz")]
        [DataRow("iso.foundation", "soft", "iso.foundation must be one of rigid, flexible")]
        [DataRow("node.id", "a/b", "node.id must be at most 32 printable ASCII characters without spaces / + #")]
        [DataRow("nope.key", "1", "unknown key nope.key")]
        [DataRow("bad\u0001key", "1", "unknown key")]
        public void Errors_NameTheAllowedRangeAndUnit(string key, string value, string expected)
        {
            ConfigStore store = ConfigFixture.NewStore();
            store.TrySet(key, value, SettingSource.Console, out string error);
            Assert.AreEqual(expected, error);
        }

        [TestMethod]
        public void Keys_MatchIgnoringCase()
        {
            ConfigStore store = ConfigFixture.NewStore();
            Assert.AreEqual(ConfigKeys.MqttPort, store.IndexOf("MQTT.Port"));
            Assert.AreEqual(-1, store.IndexOf("mqtt.port "));
            Assert.AreEqual(-1, store.IndexOf(""));
            Assert.AreEqual(-1, store.IndexOf(null));
            Assert.IsTrue(store.TrySet("MQTT.PORT", "8883", SettingSource.Console, out string error) == ConfigResult.Ok);
            Assert.AreEqual(8883L, store.GetInt(ConfigKeys.MqttPort));
        }

        [TestMethod]
        public void OrderedPairs_RefuseCrossingValues()
        {
            ConfigStore store = ConfigFixture.NewStore();
            int version = store.Version;
            Assert.IsTrue(store.TrySet("machine.off_ma", "1001", SettingSource.Console, out string error) == ConfigResult.InvalidValue);
            Assert.AreEqual("machine.off_ma must be at most machine.run_ma (1000 mA)", error);
            Assert.IsTrue(store.TrySet("machine.run_ma", "199", SettingSource.Console, out error) == ConfigResult.InvalidValue);
            Assert.AreEqual("machine.run_ma must be at least machine.off_ma (200 mA)", error);
            Assert.IsTrue(store.TrySet("anomaly.watch", "76", SettingSource.Remote, out error) == ConfigResult.InvalidValue);
            Assert.AreEqual("anomaly.watch must be at most anomaly.alarm (75 %)", error);
            Assert.AreEqual(version, store.Version);

            // Equal is allowed, and raising the upper bound first makes room.
            ConfigFixture.Set(store, "machine.off_ma", "1000");
            ConfigFixture.Set(store, "machine.run_ma", "5000");
            ConfigFixture.Set(store, "machine.off_ma", "4000");
            Assert.AreEqual(4000L, store.GetInt(ConfigKeys.MachineOffMa));
            Assert.AreEqual(5000L, store.GetInt(ConfigKeys.MachineRunMa));
        }
    }
}
