using SensorNode.Core.Config;
using SensorNode.Core.Machine;
using SensorNode.Core.Power;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Power
{
    [TestClass]
    public class PowerPolicyTests
    {
        // eco after 30 s, sleep after 60 s; machine: 0 off, 1 idle, 2 running.
        [TestMethod]
        [DataRow(2, 0L, 0L, true, 0, "machine_running")]
        [DataRow(1, 29999L, 0L, true, 0, "policy")]
        [DataRow(1, 30000L, 0L, true, 1, "machine_idle")]
        [DataRow(0, 30000L, 30000L, true, 1, "machine_off")]
        [DataRow(0, 59999L, 59999L, true, 1, "machine_off")]
        [DataRow(0, 60000L, 60000L, true, 2, "machine_off")]
        [DataRow(0, 600000L, 600000L, false, 1, "machine_off")]
        [DataRow(0, 120000L, 10000L, true, 1, "machine_off")]
        public void DecidesModeFromMachineStateAndDwell(int machine, long notRunningForMs, long offForMs, bool sleepEnabled,
            int expectedMode, string expectedReason)
        {
            var settings = Settings(sleepEnabled);
            string reason;
            PowerMode mode = PowerPolicy.Decide((MachineState)machine, notRunningForMs, offForMs, settings, out reason);
            Assert.AreEqual(expectedMode, (int)mode);
            Assert.AreEqual(expectedReason, reason);
        }

        [TestMethod]
        public void SettingsAreReadInMilliseconds()
        {
            PowerSettings settings = Settings(true);
            Assert.AreEqual(30000L, settings.EcoAfterMs);
            Assert.AreEqual(60000L, settings.SleepAfterMs);
            Assert.AreEqual(20000L, settings.AwakeMaxMs);
            Assert.AreEqual(300000L, settings.SleepIntervalMs);
            Assert.AreEqual(3600000L, settings.HeartbeatMs);
            Assert.IsTrue(settings.SleepEnabled);
        }

        private static PowerSettings Settings(bool sleepEnabled)
        {
            var config = new ConfigStore(SettingsTable.All);
            string error;
            config.TrySet("power.eco_after_s", "30", SettingSource.Console, out error);
            config.TrySet("power.sleep_after_s", "60", SettingSource.Console, out error);
            config.TrySet("power.sleep_enabled", sleepEnabled ? "on" : "off", SettingSource.Console, out error);
            config.TrySet("power.awake_max_s", "20", SettingSource.Console, out error);
            config.TrySet("report.sleep_s", "300", SettingSource.Console, out error);
            var settings = new PowerSettings();
            settings.Apply(config);
            return settings;
        }
    }
}
