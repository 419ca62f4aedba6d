using System;
using SensorNode.Core.Config;
using SensorNode.Core.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    [TestClass]
    public class SettingsTableTests
    {
        [TestMethod]
        public void Table_HasOneRowPerConfigKey()
        {
            Assert.AreEqual(ConfigKeys.Count, SettingsTable.All.Length);
            for (int i = 0; i < SettingsTable.All.Length; i++)
            {
                Assert.IsNotNull(SettingsTable.All[i], "row " + i.ToString());
            }
        }

        [TestMethod]
        public void Keys_AreUniqueLowerCaseDotted()
        {
            SettingDefinition[] all = SettingsTable.All;
            for (int i = 0; i < all.Length; i++)
            {
                string key = all[i].Key;
                bool hasDot = false;
                for (int c = 0; c < key.Length; c++)
                {
                    char ch = key[c];
                    Assert.IsTrue((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_', key);
                    hasDot |= ch == '.';
                }

                Assert.IsTrue(hasDot, key);
                for (int j = i + 1; j < all.Length; j++)
                {
                    Assert.IsFalse(key == all[j].Key, "duplicate " + key);
                }
            }
        }

        [TestMethod]
        [DataRow("node.id", ConfigKeys.NodeId)]
        [DataRow("wifi.ssid", ConfigKeys.WifiSsid)]
        [DataRow("wifi.password", ConfigKeys.WifiPassword)]
        [DataRow("mqtt.host", ConfigKeys.MqttHost)]
        [DataRow("mqtt.port", ConfigKeys.MqttPort)]
        [DataRow("mqtt.user", ConfigKeys.MqttUser)]
        [DataRow("mqtt.password", ConfigKeys.MqttPassword)]
        [DataRow("mqtt.tls", ConfigKeys.MqttTls)]
        [DataRow("mqtt.prefix", ConfigKeys.MqttPrefix)]
        [DataRow("report.active_s", ConfigKeys.ReportActiveS)]
        [DataRow("report.eco_s", ConfigKeys.ReportEcoS)]
        [DataRow("report.sleep_s", ConfigKeys.ReportSleepS)]
        [DataRow("vib.rate_hz", ConfigKeys.VibRateHz)]
        [DataRow("vib.range_g", ConfigKeys.VibRangeG)]
        [DataRow("iso.group", ConfigKeys.IsoGroup)]
        [DataRow("iso.foundation", ConfigKeys.IsoFoundation)]
        [DataRow("temp.max_c", ConfigKeys.TempMaxC)]
        [DataRow("current.max_ma", ConfigKeys.CurrentMaxMa)]
        [DataRow("machine.run_ma", ConfigKeys.MachineRunMa)]
        [DataRow("machine.off_ma", ConfigKeys.MachineOffMa)]
        [DataRow("machine.run_mg", ConfigKeys.MachineRunMg)]
        [DataRow("machine.off_mg", ConfigKeys.MachineOffMg)]
        [DataRow("machine.debounce", ConfigKeys.MachineDebounce)]
        [DataRow("machine.dwell_s", ConfigKeys.MachineDwellS)]
        [DataRow("anomaly.watch", ConfigKeys.AnomalyWatch)]
        [DataRow("anomaly.alarm", ConfigKeys.AnomalyAlarm)]
        [DataRow("anomaly.learn_windows", ConfigKeys.AnomalyLearnWindows)]
        [DataRow("power.eco_after_s", ConfigKeys.PowerEcoAfterS)]
        [DataRow("power.sleep_after_s", ConfigKeys.PowerSleepAfterS)]
        [DataRow("power.sleep_enabled", ConfigKeys.PowerSleepEnabled)]
        [DataRow("power.awake_max_s", ConfigKeys.PowerAwakeMaxS)]
        [DataRow("power.heartbeat_s", ConfigKeys.PowerHeartbeatS)]
        [DataRow("temp.warmup_s", ConfigKeys.TempWarmupS)]
        [DataRow("ha.discovery", ConfigKeys.HaDiscovery)]
        public void ConfigKeys_IndexTheirRows(string key, int index)
        {
            Assert.AreEqual(key, SettingsTable.All[index].Key);
            Assert.AreEqual(index, ConfigFixture.NewStore().IndexOf(key));
        }

        [TestMethod]
        public void Defaults_PassTheirOwnRulesInCanonicalForm()
        {
            SettingDefinition[] all = SettingsTable.All;
            for (int i = 0; i < all.Length; i++)
            {
                SettingDefinition definition = all[i];
                Assert.IsTrue(SettingValidator.TryParse(definition, definition.DefaultText, out long value, out string canonical),
                    definition.Key);
                Assert.AreEqual(definition.DefaultText, canonical, definition.Key);
                if (definition.Type == SettingType.Int)
                {
                    Assert.IsTrue(definition.MinValue <= value && value <= definition.MaxValue, definition.Key);
                }

                Assert.IsTrue(definition.Description.Length > 0, definition.Key);
            }
        }

        [TestMethod]
        public void SecretsAreConsoleOnly_AndTheNetworkIsConsoleOnly()
        {
            SettingDefinition[] all = SettingsTable.All;
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsTrue(!all[i].IsSecret || all[i].IsConsoleOnly, all[i].Key);
            }

            Assert.IsTrue(all[ConfigKeys.WifiPassword].IsSecret);
            Assert.IsTrue(all[ConfigKeys.MqttPassword].IsSecret);
            int[] consoleOnly =
            {
                ConfigKeys.NodeId, ConfigKeys.WifiSsid, ConfigKeys.WifiPassword, ConfigKeys.MqttHost, ConfigKeys.MqttPort,
                ConfigKeys.MqttUser, ConfigKeys.MqttPassword, ConfigKeys.MqttTls, ConfigKeys.MqttPrefix,
            };
            int flagged = 0;
            for (int i = 0; i < all.Length; i++)
            {
                flagged += all[i].IsConsoleOnly ? 1 : 0;
            }

            Assert.AreEqual(consoleOnly.Length, flagged);
            for (int i = 0; i < consoleOnly.Length; i++)
            {
                Assert.IsTrue(all[consoleOnly[i]].IsConsoleOnly, all[consoleOnly[i]].Key);
            }
        }

        [TestMethod]
        public void Defaults_MatchTheContract()
        {
            ConfigStore store = ConfigFixture.NewStore();
            Assert.AreEqual("", store.GetText(ConfigKeys.NodeId));
            Assert.AreEqual("", store.GetText(ConfigKeys.MqttHost));
            Assert.AreEqual(1883L, store.GetInt(ConfigKeys.MqttPort));
            Assert.AreEqual("plant", store.GetText(ConfigKeys.MqttPrefix));
            Assert.AreEqual(3200L, store.GetInt(ConfigKeys.VibRateHz));
            Assert.IsFalse(store.GetBool(ConfigKeys.MqttTls));
            Assert.IsTrue(store.GetBool(ConfigKeys.HaDiscovery));
        }

        [TestMethod]
        public void Store_RejectsInconsistentTables()
        {
            AssertThrows.Exactly(typeof(ArgumentException), delegate
            {
                new ConfigStore(new SettingDefinition[]
                {
                    SettingDefinition.Bool("a.b", true, SettingFlags.None, "first"),
                    SettingDefinition.Bool("a.b", false, SettingFlags.None, "duplicate"),
                });
            });
            AssertThrows.Exactly(typeof(ArgumentException), delegate
            {
                new ConfigStore(new SettingDefinition[] { SettingDefinition.Int("a.b", 0, 1, 10, "", SettingFlags.None, "bad default") });
            });
            AssertThrows.Exactly(typeof(ArgumentException), delegate
            {
                new ConfigStore(new SettingDefinition[] { SettingDefinition.Bool("A.B", true, SettingFlags.None, "upper case") });
            });
            AssertThrows.Exactly(typeof(ArgumentException), delegate
            {
                new ConfigStore(new SettingDefinition[]
                {
                    SettingDefinition.Int("x.low", 5, 0, 10, "", SettingFlags.None, "above its bound by default", "x.high"),
                    SettingDefinition.Int("x.high", 4, 0, 10, "", SettingFlags.None, "bound"),
                });
            });
        }
    }
}
