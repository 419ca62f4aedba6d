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
    /// <summary>Remote refusal, masking, typed getters, the version counter and the config listing.</summary>
    [TestClass]
    public class ConfigAccessTests
    {
        [TestMethod]
        public void Remote_IsRefusedForEveryConsoleOnlyKey_AndAllowedForTheRest()
        {
            ConfigStore store = ConfigFixture.NewStore();
            for (int i = 0; i < store.Count; i++)
            {
                store.ResetToDefaults();
                SettingDefinition definition = store.Definition(i);
                string[] before = ConfigFixture.Snapshot(store);
                int version = store.Version;

                // A valid value that differs from the default (every Int default is below its maximum and its bound).
                string value = definition.Type == SettingType.Bool ? (store.GetBool(i) ? "off" : "on")
                    : definition.Type == SettingType.Text ? "x"
                    : definition.Type == SettingType.Choice ? definition.Choices[definition.Choices.Length - 1 - store.GetChoiceIndex(i)]
                    : (store.GetInt(i) + 1).ToString();
                ConfigResult result = store.TrySet(definition.Key, value, SettingSource.Remote, out string error);
                if (definition.IsConsoleOnly)
                {
                    Assert.IsTrue(result == ConfigResult.Refused, definition.Key);
                    Assert.AreEqual(definition.Key + " can only be set on the serial console", error);
                    Assert.AreEqual(version, store.Version);
                    ConfigFixture.AssertMatches(store, before);
                    Assert.IsTrue(store.TrySet(definition.Key, value, SettingSource.Console, out error) == ConfigResult.Ok, error);
                }
                else
                {
                    Assert.IsTrue(result == ConfigResult.Ok, definition.Key + ": " + error);
                }

                Assert.AreEqual(value, store.GetText(i), definition.Key);
            }
        }

        [TestMethod]
        public void Remote_RefusalComesBeforeValidation()
        {
            ConfigStore store = ConfigFixture.NewStore();
            Assert.IsTrue(store.TrySet("wifi.password", "\u0001", SettingSource.Remote, out string error) == ConfigResult.Refused);
            Assert.IsTrue(store.TrySet("nope", "1", SettingSource.Remote, out error) == ConfigResult.UnknownKey);
        }

        [TestMethod]
        public void Secrets_AreMaskedForDisplay_ButReadableForTheClients()
        {
            ConfigStore store = ConfigFixture.NewStore();
            Assert.AreEqual(ConfigStore.NotSetText, store.FormatForDisplay(ConfigKeys.WifiPassword));
            ConfigFixture.Set(store, "wifi.password", "hunter2 hunter2");
            ConfigFixture.Set(store, "mqtt.password", "s3cret");
            Assert.AreEqual(ConfigStore.MaskedText, store.FormatForDisplay(ConfigKeys.WifiPassword));
            Assert.AreEqual(ConfigStore.MaskedText, store.FormatForDisplay(ConfigKeys.MqttPassword));
            Assert.AreEqual("hunter2 hunter2", store.GetText(ConfigKeys.WifiPassword));

            for (int i = 0; i < store.Count; i++)
            {
                store.Describe(i, out string key, out string display, out string unit);
                Assert.AreEqual(store.Definition(i).Key, key);
                Assert.AreEqual(store.Definition(i).Unit, unit);
                Assert.AreEqual(store.FormatForDisplay(i), display);
                Assert.IsFalse(display == "hunter2 hunter2" || display == "s3cret", key);
            }

            ConfigFixture.Set(store, "mqtt.password", "");
            Assert.AreEqual(ConfigStore.NotSetText, store.FormatForDisplay(ConfigKeys.MqttPassword));
        }

        [TestMethod]
        public void Display_ShowsCanonicalValues()
        {
            ConfigStore store = ConfigFixture.NewStore();
            ConfigFixture.Set(store, "mqtt.tls", "TRUE");
            ConfigFixture.Set(store, "report.active_s", "+030");
            Assert.AreEqual("on", store.FormatForDisplay(ConfigKeys.MqttTls));
            Assert.AreEqual("30", store.FormatForDisplay(ConfigKeys.ReportActiveS));
            Assert.AreEqual("3200", store.FormatForDisplay(ConfigKeys.VibRateHz));
        }

        [TestMethod]
        public void GetInt_GivesNumbersForNumericChoices_AndPositionsOtherwise()
        {
            ConfigStore store = ConfigFixture.NewStore();
            Assert.AreEqual(3200L, store.GetInt(ConfigKeys.VibRateHz));
            Assert.AreEqual(5, store.GetChoiceIndex(ConfigKeys.VibRateHz));
            Assert.AreEqual(16L, store.GetInt(ConfigKeys.VibRangeG));
            Assert.AreEqual(2L, store.GetInt(ConfigKeys.IsoGroup));
            Assert.AreEqual(0L, store.GetInt(ConfigKeys.IsoFoundation));
            ConfigFixture.Set(store, "vib.rate_hz", "800");
            ConfigFixture.Set(store, "iso.foundation", "flexible");
            Assert.AreEqual(800L, store.GetInt(ConfigKeys.VibRateHz));
            Assert.AreEqual(1L, store.GetInt(ConfigKeys.IsoFoundation));
            Assert.AreEqual(1, store.GetChoiceIndex(ConfigKeys.IsoFoundation));
            Assert.AreEqual(1L, store.GetInt(ConfigKeys.HaDiscovery));
            Assert.AreEqual(-50L, SetAndGet(store, "temp.max_c", "-50"));
        }

        [TestMethod]
        public void Getters_RejectWrongTypesAndIndexes()
        {
            ConfigStore store = ConfigFixture.NewStore();
            AssertThrows.Exactly(typeof(ArgumentException), delegate { store.GetInt(ConfigKeys.MqttHost); });
            AssertThrows.Exactly(typeof(ArgumentException), delegate { store.GetBool(ConfigKeys.MqttPort); });
            AssertThrows.Exactly(typeof(ArgumentException), delegate { store.GetChoiceIndex(ConfigKeys.MqttPort); });
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), delegate { store.GetText(-1); });
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), delegate { store.Definition(store.Count); });
        }

        [TestMethod]
        public void Version_CountsChangesOnly()
        {
            ConfigStore store = ConfigFixture.NewStore();
            int version = store.Version;
            Assert.IsFalse(store.HasUnsavedChanges);
            ConfigFixture.Set(store, "mqtt.port", "8883");
            Assert.AreEqual(version + 1, store.Version);
            Assert.IsTrue(store.HasUnsavedChanges);
            ConfigFixture.Set(store, "mqtt.port", "08883");
            Assert.AreEqual(version + 1, store.Version);
            store.TrySet("mqtt.port", "0", SettingSource.Console, out string error);
            Assert.AreEqual(version + 1, store.Version);
            store.ResetToDefaults();
            Assert.AreEqual(version + 2, store.Version);
            store.ResetToDefaults();
            Assert.AreEqual(version + 2, store.Version);
            Assert.AreEqual(1883L, store.GetInt(ConfigKeys.MqttPort));
        }

        [TestMethod]
        public void RemoteReset_KeepsConsoleOnlySettings()
        {
            ConfigStore store = ConfigFixture.NewStore();
            ConfigFixture.Set(store, "wifi.ssid", "plant-net");
            ConfigFixture.Set(store, "mqtt.password", "s3cret");
            ConfigFixture.Set(store, "mqtt.port", "8883");
            ConfigFixture.Set(store, "report.active_s", "5");
            ConfigFixture.Set(store, "machine.run_ma", "3000");
            ConfigFixture.Set(store, "machine.off_ma", "2500");

            store.ResetToDefaults(SettingSource.Remote);
            Assert.AreEqual("plant-net", store.GetText(ConfigKeys.WifiSsid));
            Assert.AreEqual("s3cret", store.GetText(ConfigKeys.MqttPassword));
            Assert.AreEqual(8883L, store.GetInt(ConfigKeys.MqttPort));
            Assert.AreEqual(10L, store.GetInt(ConfigKeys.ReportActiveS));
            Assert.AreEqual(1000L, store.GetInt(ConfigKeys.MachineRunMa));
            Assert.AreEqual(200L, store.GetInt(ConfigKeys.MachineOffMa));

            store.ResetToDefaults(SettingSource.Console);
            Assert.AreEqual("", store.GetText(ConfigKeys.WifiSsid));
            Assert.AreEqual(1883L, store.GetInt(ConfigKeys.MqttPort));
        }

        private static long SetAndGet(ConfigStore store, string key, string value)
        {
            ConfigFixture.Set(store, key, value);
            return store.GetInt(store.IndexOf(key));
        }
    }
}
