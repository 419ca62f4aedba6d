using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>
    /// Settings through the console, the flash files and a reboot of the firmware (a new core from the same storage),
    /// including flash files damaged between boots.
    /// </summary>
    [TestClass]
    public class ConfigPersistenceTests
    {
        [TestMethod]
        public void SavedSettingsSurviveARebootAndUnsavedOnesDoNot()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("normal-shifts"));
            rig.RunUntilMinute(1);
            Assert.AreEqual(ConfigLoadOutcome.Defaults, rig.Node.ConfigLoad);

            rig.Command("set report.active_s 42");
            rig.Command("set node.id press-7");
            rig.Command("set mqtt.password hunter2");
            StringAssert.Contains(rig.Command("save"), "settings saved");
            rig.Command("set report.eco_s 99");

            string reboot = rig.Command("reboot");
            Assert.AreEqual(2, rig.Node.Boots, "reboot did not restart the firmware: " + reboot);
            Assert.AreEqual(ConfigLoadOutcome.Loaded, rig.Node.ConfigLoad);
            rig.RunUntilMinute(2);

            Assert.AreEqual(42L, rig.Node.Core.Config.GetInt(ConfigKeys.ReportActiveS));
            Assert.AreEqual(60L, rig.Node.Core.Config.GetInt(ConfigKeys.ReportEcoS), "an unsaved setting survived the reboot");
            Assert.AreEqual("hunter2", rig.Node.Core.Config.GetText(ConfigKeys.MqttPassword));
            Assert.AreEqual("press-7", rig.Snapshot.NodeId);
            StringAssert.StartsWith(rig.Command("get report.active_s"), "report.active_s = 42 s");

            var secondBoot = rig.Publisher.Events.Where(e => e.Boot == 2).ToList();
            Assert.AreEqual(EventType.Boot, secondBoot[0].Type);
            Assert.IsFalse(secondBoot.Any(e => e.Type == EventType.Config && e.Level == "recovered"),
                "an intact file was reported as recovered:\n" + rig.Describe());
        }

        [TestMethod]
        public void ACorruptConfigFileIsReportedAndTheBackupTakesOver()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("normal-shifts"));
            rig.Command("set report.active_s 42");
            rig.Command("save");

            // One flipped bit in the middle of config.dat: the checksum no longer matches.
            string path = Path.Combine(rig.FlashFolder, ConfigStore.FileName);
            byte[] bytes = File.ReadAllBytes(path);
            bytes[bytes.Length / 2] ^= 0x04;
            File.WriteAllBytes(path, bytes);

            rig.Command("reboot");

            Assert.AreEqual(ConfigLoadOutcome.Recovered, rig.Node.ConfigLoad);
            Assert.AreEqual(42L, rig.Node.Core.Config.GetInt(ConfigKeys.ReportActiveS), "the backup's value was not used");
            AssertRecoveredEvent(rig, 2);
        }

        [TestMethod]
        public void APartialConfigFileWithoutBackupFallsBackToTheDefaults()
        {
            using var first = new NodeRig(ScenarioCatalogue.Find("normal-shifts"));
            first.Command("set report.active_s 42");
            first.Command("save");

            // A power cut in the middle of writing: half the file, and no backup to fall back on.
            string path = Path.Combine(first.FlashFolder, ConfigStore.FileName);
            byte[] bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes.Take(bytes.Length / 2).ToArray());
            File.Delete(Path.Combine(first.FlashFolder, ConfigStore.BackupFileName));

            // Power back: a new node on the same flash.
            using var second = new NodeRig(ScenarioCatalogue.Find("normal-shifts"), first.FlashFolder);
            Assert.AreEqual(ConfigLoadOutcome.Recovered, second.Node.ConfigLoad);
            Assert.AreEqual(10L, second.Node.Core.Config.GetInt(ConfigKeys.ReportActiveS), "not the default");
            AssertRecoveredEvent(second, 1);

            // Saving again repairs the flash: the next boot loads cleanly.
            second.Command("save");
            second.Command("reboot");
            Assert.AreEqual(ConfigLoadOutcome.Loaded, second.Node.ConfigLoad);
        }

        private static void AssertRecoveredEvent(NodeRig rig, int boot)
        {
            rig.RunUntilMinute(rig.Minutes + 0.1);
            var recovered = rig.Publisher.Events.Where(e => e.Boot == boot && e.Type == EventType.Config && e.Level == "recovered")
                .ToList();
            Assert.AreEqual(1, recovered.Count, "recovered events at boot " + boot + ":\n" + rig.Describe());
            Assert.AreEqual("corrupt_file", recovered[0].Reason);
            StringAssert.Contains(rig.Command("events 5"), "config config level=recovered reason=corrupt_file");
        }
    }
}
