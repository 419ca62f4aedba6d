using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Tests.Node;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Console
{
    /// <summary>Transcripts of every console command: what a technician types and the answer's content.</summary>
    [TestClass]
    public class CommandTranscriptTests
    {
        [TestMethod]
        public void HelpListsEveryCommandAndExplainsOne()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            string help = rig.Run("help");

            Assert.IsTrue(rig.Reply.Ok);
            Assert.AreEqual(16, rig.Reply.LineCount());
            string[] usages =
            {
                "help [command]", "status [json]", "sensors [json]", "config [json]", "get <key> [json]", "set <key> <value>",
                "save", "defaults", "learn [channel]", "mode <auto|active|eco|sleep>", "events [n] [json]", "bench",
                "mqtt [json]", "version [json]", "reboot",
            };
            for (int i = 0; i < usages.Length; i++)
            {
                Assert.IsTrue(TextSearch.Contains(help, "  " + usages[i]), usages[i]);
            }

            Assert.AreEqual("usage: events [n] [json]\nthe last n events, oldest first (default 10)", rig.Run("HELP Events"));
        }

        [TestMethod]
        public void StatusIsAReadableTable()
        {
            ConsoleRig rig = new ConsoleRig(true, 16);
            string status = rig.Run("status");

            Assert.IsTrue(rig.Reply.Ok);
            Assert.IsFalse(rig.Reply.IsJson);
            Assert.IsTrue(TextSearch.Contains(status, "node node-a1b2c3  firmware 0.5.0  uptime 0d 00:00:16\n"), status);
            Assert.IsTrue(TextSearch.Contains(status, "\nhealth ok (alarms 0, faults 0, watch 0)\n"), status);
            Assert.IsTrue(TextSearch.Contains(status, "\nmachine running for "), status);
            Assert.IsTrue(TextSearch.Contains(status, "power active (requested auto)"), status);
            Assert.IsTrue(TextSearch.Contains(status, "\nvibration 3200 Hz x3: 3200 frames in the last window, 0 lost; ISO zone "), status);
            Assert.IsTrue(TextSearch.Contains(status, "\nchannel       value           level  score  baseline\n"), status);
            Assert.IsTrue(TextSearch.Contains(status, "\ntemperature   40.00 °C        ok     0.00   learned\n"), status);
            Assert.IsTrue(TextSearch.Contains(status, "\ncurrent       5.000 A         ok     0.00   learned\n"), status);
            Assert.IsTrue(TextSearch.Contains(status, "\nvelocity x/y/z "), status);
        }

        [TestMethod]
        public void StatusJsonIsTheStateDocument()
        {
            ConsoleRig rig = new ConsoleRig(true, 3);
            string json = rig.Run("status json");

            Assert.IsTrue(rig.Reply.Ok);
            Assert.IsTrue(rig.Reply.IsJson);
            Assert.AreEqual('{', json[0]);
            Assert.AreEqual('}', json[json.Length - 1]);
            Assert.IsTrue(TextSearch.Contains(json, "{\"node\":\"node-a1b2c3\",\"firmware\":\"0.5.0\",\"uptime_s\":3,\"health\":\"ok\","), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"temperature\":{\"value\":40.00,\"unit\":\"°C\"}"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"current\":{\"value\":5.000,\"unit\":\"A\"}"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"velocity_rms\":{\"value\":"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"channels\":{\"velocity\":{\"level\":\"ok\",\"score\":0.000,\"learned\":false}"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"sensors\":{\"vibration\":\"ok\",\"temperature\":\"ok\",\"current\":\"ok\"}"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"windows\":3,"), json);
            Assert.AreEqual(1, rig.Reply.LineCount());
            Assert.AreEqual(NodeFeatures.Count, TextSearch.Count(json, "\"unit\":"));
        }

        [TestMethod]
        public void SensorsShowsStatusReadingAndCounts()
        {
            ConsoleRig rig = new ConsoleRig(true, 2);
            rig.Node.Sensors.TemperatureStatus = SensorReadStatus.OpenCircuit;
            rig.Node.RunWindows(1);
            string text = rig.Run("sensors");

            Assert.AreEqual(4, rig.Reply.LineCount());
            Assert.IsTrue(TextSearch.Contains(text, "sensor        status              reading           good      bad"), text);
            Assert.IsTrue(TextSearch.Contains(text, "\ntemperature   open_circuit        -                 2         1"), text);
            Assert.IsTrue(TextSearch.Contains(text, "\ncurrent       ok                  5.000 A           3         0"), text);

            string json = rig.Run("sensors json");
            Assert.IsTrue(rig.Reply.IsJson);
            Assert.IsTrue(TextSearch.Contains(json, "{\"status\":{\"vibration\":\"ok\",\"temperature\":\"open_circuit\",\"current\":\"ok\"},"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"temperature\":{\"value\":null,\"unit\":\"°C\"}"), json);
        }

        [TestMethod]
        public void ConfigListsEverySettingWithSecretsMasked()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            string text = rig.Run("config");
            Assert.AreEqual(rig.Node.Config.Count + 1, rig.Reply.LineCount(), "one line per setting, and the rig's unsaved learn setting");
            Assert.IsTrue(TextSearch.Contains(text, "mqtt.port               1883  [console only]\n"), text);
            Assert.IsTrue(TextSearch.Contains(text, "wifi.password           (not set)  [secret]\n"), text);
            Assert.IsTrue(TextSearch.Contains(text, "temp.max_c              80 °C\n"), text);

            rig.Run("set wifi.password hunter22");
            text = rig.Run("config");
            Assert.IsTrue(TextSearch.Contains(text, "wifi.password           ********  [secret]\n"), text);
            Assert.IsFalse(TextSearch.Contains(text, "hunter22"));
            Assert.IsTrue(TextSearch.Contains(text, "\n(unsaved changes: save keeps them)"), text);

            string json = rig.Run("config json");
            Assert.IsTrue(rig.Reply.IsJson);
            Assert.IsTrue(TextSearch.Contains(json, "\"mqtt.port\":1883,"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"mqtt.tls\":false,"), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"wifi.password\":\"********\","), json);
            Assert.IsTrue(TextSearch.Contains(json, "\"iso.foundation\":\"rigid\","), json);
            Assert.IsFalse(TextSearch.Contains(json, "hunter22"));
        }

        [TestMethod]
        public void GetShowsOneSettingWithItsRules()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            Assert.AreEqual("mqtt.port = 1883\n  MQTT broker TCP port\n  allowed: an integer 1..65535; default: 1883; serial console only",
                rig.Run("get MQTT.PORT"));

            string json = rig.Run("get report.active_s json");
            Assert.AreEqual("{\"key\":\"report.active_s\",\"value\":10,\"unit\":\"s\",\"allowed\":\"an integer 1..3600 s\",\"default\":\"10\",\"secret\":false,\"console_only\":false}", json);

            rig.Run("set mqtt.password s3cret");
            string secret = rig.Run("get mqtt.password");
            Assert.IsFalse(TextSearch.Contains(secret, "s3cret"));
            Assert.IsTrue(TextSearch.Contains(secret, "mqtt.password = ********\n"), secret);
        }

        [TestMethod]
        public void SetChangesOneSettingAndRecordsIt()
        {
            ConsoleRig rig = new ConsoleRig(true, 0);
            int version = rig.Node.Config.Version;

            Assert.AreEqual("report.active_s = 20 s (not saved: save keeps it)", rig.Run("set report.active_s 20"));
            Assert.AreEqual(version + 1, rig.Node.Config.Version);
            NodeEvent e = rig.Node.Newest(EventType.Config, "report.active_s");
            Assert.IsNotNull(e);
            Assert.AreEqual("set", e.Level);
            Assert.AreEqual(20, e.Value);
            Assert.AreEqual("s", e.Unit);
            Assert.AreEqual("console", e.Reason);

            long seq = rig.Node.Node.Events.LastSeq;
            Assert.AreEqual("report.active_s = 20 s (unchanged)", rig.Run("set report.active_s 20"));
            Assert.AreEqual(seq, rig.Node.Node.Events.LastSeq);

            rig.Run("set wifi.ssid Plant Floor 2");
            Assert.AreEqual("Plant Floor 2", rig.Node.Config.GetText(ConfigKeys.WifiSsid));
            rig.Run("set wifi.ssid \" spaced \"");
            Assert.AreEqual(" spaced ", rig.Node.Config.GetText(ConfigKeys.WifiSsid));
            Assert.AreEqual("mqtt.user = (empty) (unchanged)", rig.Run("set mqtt.user \"\""));
            NodeEvent secret = rig.Node.Newest(EventType.Config, "wifi.ssid");
            Assert.AreEqual(0, secret.Value);
        }

        [TestMethod]
        public void RemoteLinesCannotTouchConsoleOnlySettingsOrRunDefaults()
        {
            ConsoleRig rig = new ConsoleRig(true, 0);
            int version = rig.Node.Config.Version;

            Assert.AreEqual("error: mqtt.host can only be set on the serial console", rig.RunRemote("set mqtt.host evil.example"));
            Assert.AreEqual("error: wifi.password can only be set on the serial console", rig.RunRemote("set wifi.password x"));
            Assert.AreEqual("error: defaults only runs on the serial console: it would erase the network settings", rig.RunRemote("defaults"));
            Assert.AreEqual(version, rig.Node.Config.Version);

            Assert.AreEqual("report.eco_s = 30 s (not saved: save keeps it)", rig.RunRemote("set report.eco_s 30"));
            Assert.AreEqual("remote", rig.Node.Newest(EventType.Config, "report.eco_s").Reason);
            Assert.AreEqual("rebooting (unsaved settings are lost)", rig.RunRemote("reboot"));
            Assert.AreEqual(1, rig.System.RebootRequests);
        }

        [TestMethod]
        public void SaveWritesTheFileOrSaysWhyNot()
        {
            ConsoleRig rig = new ConsoleRig(true, 0);
            rig.Run("set report.active_s 42");
            Assert.AreEqual("settings saved", rig.Run("save"));
            Assert.IsTrue(rig.Storage.Exists(ConfigStore.FileName));
            Assert.AreEqual("saved", rig.Node.Newest(EventType.Config, "config").Level);

            ConfigStore reloaded = new ConfigStore(SettingsTable.All);
            Assert.IsTrue(reloaded.Load(rig.Storage) == ConfigLoadOutcome.Loaded);
            Assert.AreEqual(42L, reloaded.GetInt(ConfigKeys.ReportActiveS));

            long seq = rig.Node.Node.Events.LastSeq;
            rig.Storage.NextWriteStatus = StorageStatus.Full;
            Assert.AreEqual("error: save failed: storage full; the previous settings file is kept", rig.Run("save"));
            Assert.AreEqual(seq, rig.Node.Node.Events.LastSeq);
        }

        [TestMethod]
        public void DefaultsResetsEverySetting()
        {
            ConsoleRig rig = new ConsoleRig(true, 0);
            rig.Run("set report.active_s 42");
            Assert.AreEqual("every setting is back to its default (not saved: save keeps them)", rig.Run("defaults"));
            Assert.AreEqual(10L, rig.Node.Config.GetInt(ConfigKeys.ReportActiveS));
            Assert.AreEqual("defaults", rig.Node.Newest(EventType.Config, "config").Level);
        }

        [TestMethod]
        public void LearnRestartsOneBaselineOrAll()
        {
            ConsoleRig rig = new ConsoleRig(true, 16);
            Assert.AreEqual("relearning velocity: baseline from the next 10 windows while the machine runs", rig.Run("learn Velocity"));
            Assert.IsFalse(rig.Node.Node.Snapshot.ChannelLearned(NodeChannels.Velocity));
            Assert.IsTrue(rig.Node.Node.Snapshot.ChannelLearned(NodeChannels.Current));

            Assert.AreEqual("relearning every channel: baseline from the next 10 windows while the machine runs", rig.Run("learn"));
            Assert.IsFalse(rig.Node.Node.Snapshot.ChannelLearned(NodeChannels.Current));
            Assert.AreEqual("error: unknown channel 'bearing' (velocity, acceleration, kurtosis, temperature, current)", rig.Run("learn bearing"));
        }

        [TestMethod]
        public void ModeStoresTheRequest()
        {
            ConsoleRig rig = new ConsoleRig(true, 0);
            Assert.AreEqual("power mode sleep requested; now active", rig.Run("mode SLEEP"));
            Assert.IsTrue(rig.Node.Node.Snapshot.RequestedPowerMode == PowerModeRequest.Sleep);
            Assert.AreEqual("error: unknown mode 'turbo' (auto, active, eco, sleep)", rig.Run("mode turbo"));
            Assert.IsTrue(rig.Node.Node.Snapshot.RequestedPowerMode == PowerModeRequest.Sleep);
        }

        [TestMethod]
        public void EventsListsTheNewestOldestFirst()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            Assert.AreEqual("no events", rig.Run("events"));
            Assert.AreEqual("[]", rig.Run("events json"));

            rig.Node.Start();
            rig.Node.RunWindows(4);
            rig.Run("mode eco");
            string two = rig.Run("events 2");
            Assert.AreEqual("#2 0d 00:00:03 machine machine level=running value=5.000 A reason=from_off\n"
                + "#3 0d 00:00:04 power power level=eco reason=console", two);
            Assert.AreEqual(3, TextSearch.Count(rig.Run("events"), "#"));

            for (int i = 0; i < 40; i++)
            {
                rig.Run("mode auto");
            }

            Assert.AreEqual("error: that many events do not fit one JSON reply; ask for fewer, e.g. events 10 json", rig.Run("events 32 json"));
            Assert.AreEqual('[', rig.Run("events 10 json")[0]);
            rig.Run("mode eco");
            string json = rig.Run("events 1 json");
            Assert.AreEqual("[{\"seq\":44,\"time_ms\":4000,\"time\":null,\"type\":\"power\",\"channel\":\"power\",\"level\":\"eco\",\"value\":0,\"unit\":\"\",\"score\":0.000,\"reason\":\"console\"}]", json);
        }

        [TestMethod]
        public void BenchTimesThePipelineWithTheNodesClock()
        {
            ConsoleRig rig = new ConsoleRig(true, 0);
            Assert.AreEqual("bench: 9600 samples (3200 frames x 3 axes, one window) in 0 us: the clock did not advance (a paused or virtual clock), no rate",
                rig.Run("bench"));

            rig.Node.Clock.AutoAdvanceUs = 5000;
            Assert.AreEqual("bench: 9600 samples (3200 frames x 3 axes, one window) in 5.000 ms: 1920000 samples/s, 200.0x real time",
                rig.Run("bench"));
        }

        [TestMethod]
        public void MqttVersionAndRebootAnswer()
        {
            ConsoleRig rig = new ConsoleRig(true, 0);
            Assert.AreEqual("mqtt: recording\nqueue 3, dropped 1", rig.Run("mqtt"));
            Assert.AreEqual("{\"connected\":false,\"status\":\"recording\",\"queue\":3,\"dropped\":1}", rig.Run("mqtt json"));
            Assert.AreEqual("firmware 0.5.0, node node-a1b2c3", rig.Run("version"));
            Assert.AreEqual("{\"firmware\":\"0.5.0\",\"node\":\"node-a1b2c3\"}", rig.Run("Version JSON"));
            Assert.AreEqual("rebooting (unsaved settings are lost)", rig.Run("reboot"));
            rig.Run("save");
            Assert.AreEqual("rebooting", rig.Run("reboot"));
            Assert.AreEqual(2, rig.System.RebootRequests);
        }

        [TestMethod]
        public void ABlankLineGetsAnEmptyReply()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            Assert.AreEqual("", rig.Run("   \t "));
            Assert.IsTrue(rig.Reply.Ok);
            Assert.AreEqual(0, rig.Reply.LineCount());
        }
    }
}
