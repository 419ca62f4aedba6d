using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>
    /// The technician's console on the virtual node: each main command typed on the serial line and its answer read
    /// back, on a node that has run a healthy machine for a few minutes.
    /// </summary>
    [TestClass]
    public class ConsoleTranscriptTests
    {
        private static readonly string[] Commands =
        {
            "help", "status", "sensors", "config", "get", "set", "save", "defaults", "learn", "mode", "events", "bench",
            "mqtt", "version", "reboot",
        };

        [TestMethod]
        public void HelpListsEveryCommand()
        {
            using var rig = RunningNode();

            string[] lines = rig.CommandLines("help");

            foreach (string command in Commands)
            {
                Assert.IsTrue(lines.Any(l => l.TrimStart().StartsWith(command + " ") || l.Trim() == command),
                    "help does not list " + command + ":\n" + string.Join("\n", lines));
            }
        }

        [TestMethod]
        public void StatusShowsTheRunningMachineAndEveryChannel()
        {
            using var rig = RunningNode();

            string[] lines = rig.CommandLines("status");

            StringAssert.StartsWith(lines[0], "node " + rig.Board.DefaultNodeId + "  firmware " + FirmwareVersion.Text);
            Assert.IsTrue(lines.Any(l => l.StartsWith("machine running")), string.Join("\n", lines));
            Assert.IsTrue(lines.Any(l => l.StartsWith("vibration 3200 Hz x3")), string.Join("\n", lines));
            foreach (string channel in new[] { "velocity", "acceleration", "kurtosis", "temperature", "current" })
            {
                var row = lines.SingleOrDefault(l => l.StartsWith(channel + " ") && !l.StartsWith("velocity x/y/z"));
                Assert.IsNotNull(row, "no row for " + channel + ":\n" + string.Join("\n", lines));
                Assert.IsFalse(row.Contains(" - "), channel + " has no value after 6 minutes: " + row);
            }
        }

        [TestMethod]
        public void StatusJsonIsTheStateDocument()
        {
            using var rig = RunningNode();

            string[] lines = rig.CommandLines("status json");

            Assert.AreEqual(1, lines.Length, "status json is one line");
            using var state = JsonDocument.Parse(lines[0]);
            JsonElement root = state.RootElement;
            Assert.AreEqual(rig.Board.DefaultNodeId, root.GetProperty("node").GetString());
            Assert.AreEqual(FirmwareVersion.Text, root.GetProperty("firmware").GetString());
            Assert.AreEqual("running", root.GetProperty("machine").GetString());
            Assert.AreEqual(360L, root.GetProperty("uptime_s").GetInt64());
            JsonElement current = root.GetProperty("features").GetProperty("current");
            Assert.AreEqual("A", current.GetProperty("unit").GetString());
            double amps = current.GetProperty("value").GetDouble();
            Assert.IsTrue(amps > 5 && amps < 8, "motor current at 75 % load: " + amps + " A");
            Assert.AreEqual("ok", root.GetProperty("sensors").GetProperty("vibration").GetString());
            Assert.AreEqual(5, root.GetProperty("channels").EnumerateObject().Count());
        }

        [TestMethod]
        public void SensorsListsEachSensorWithItsReading()
        {
            using var rig = RunningNode();

            string[] lines = rig.CommandLines("sensors");

            Assert.AreEqual(4, lines.Length, string.Join("\n", lines));
            StringAssert.StartsWith(lines[0], "sensor");
            foreach (string sensor in new[] { "vibration", "temperature", "current" })
            {
                var row = lines.Single(l => l.StartsWith(sensor + " "));
                StringAssert.Contains(row, " ok ");
            }

            StringAssert.Contains(lines.Single(l => l.StartsWith("temperature ")), "°C");
        }

        [TestMethod]
        public void ConfigListsEverySettingWithSecretsMasked()
        {
            using var rig = RunningNode();
            rig.Command("set wifi.password hunter2");

            string output = rig.Command("config");
            string[] lines = output.Split("\r\n", System.StringSplitOptions.RemoveEmptyEntries);

            foreach (var setting in SettingsTable.All)
            {
                Assert.AreEqual(1, lines.Count(l => l.StartsWith(setting.Key + " ")), "config lines for " + setting.Key + ":\n" + output);
            }

            StringAssert.StartsWith(lines[lines.Length - 1], "(unsaved changes", output);
            Assert.IsFalse(output.Contains("hunter2"), "a secret was printed:\n" + output);
            StringAssert.Contains(lines.Single(l => l.StartsWith("wifi.password ")), ConfigStore.MaskedText);
            StringAssert.Contains(lines.Single(l => l.StartsWith("mqtt.password ")), ConfigStore.NotSetText);
            Assert.IsFalse(rig.Command("config json").Contains("hunter2"), "a secret was printed in JSON");
            Assert.IsFalse(rig.Command("get wifi.password").Contains("hunter2"), "get printed a secret");
        }

        [TestMethod]
        public void GetAndSetAnswerBadInputWithOneErrorLineAndChangeNothing()
        {
            using var rig = RunningNode();
            int versionBefore = rig.Node.Core.Config.Version;
            long eventsBefore = rig.Node.Core.Events.LastSeq;

            foreach (string bad in new[]
            {
                "get no.such.key", "get", "set mqtt.port 70000", "set mqtt.port abc", "set mqtt.port", "set no.such.key 1",
                "set vib.rate_hz 3000", "frobnicate", "status please", "events many",
            })
            {
                string[] lines = rig.CommandLines(bad);
                Assert.AreEqual(1, lines.Length, bad + " answered:\n" + string.Join("\n", lines));
                StringAssert.StartsWith(lines[0], "error: ", bad);
            }

            StringAssert.Contains(rig.Command("set mqtt.port 70000"), "1..65535");
            Assert.AreEqual(versionBefore, rig.Node.Core.Config.Version, "a failed set changed the config");
            Assert.AreEqual(eventsBefore, rig.Node.Core.Events.LastSeq, "a failed command recorded an event");
            StringAssert.StartsWith(rig.Command("get mqtt.port"), "mqtt.port = 1883");
        }

        [TestMethod]
        public void NoiseOnTheLineGetsOneErrorPerLineAndTheConsoleCarriesOn()
        {
            using var rig = RunningNode();
            rig.Node.PollConsole();
            rig.Line.TakeOutput();

            rig.Line.Type(new byte[] { 0x00, 0xFF, 0x1B, 0x80, 0x0D, 0x0A });
            rig.Line.Type(new string('x', 300) + "\n");
            rig.Line.Type("version\r");

            // The console takes at most 256 bytes per poll, so that a flood cannot starve the scheduler.
            for (int poll = 0; poll < 3; poll++)
            {
                rig.Node.PollConsole();
            }

            string[] lines = rig.Line.TakeOutput().Split("\r\n", System.StringSplitOptions.RemoveEmptyEntries);

            Assert.AreEqual(3, lines.Length, string.Join("\n", lines));
            StringAssert.StartsWith(lines[0], "error: ");
            StringAssert.StartsWith(lines[1], "error: line longer than");
            StringAssert.StartsWith(lines[2], "firmware " + FirmwareVersion.Text);
        }

        [TestMethod]
        public void EventsListsTheNewestEventsOldestFirst()
        {
            using var rig = RunningNode();

            string[] lines = rig.CommandLines("events 3");

            long newest = rig.Node.Core.Events.LastSeq;
            Assert.AreEqual(3, lines.Length, string.Join("\n", lines));
            for (int i = 0; i < 3; i++)
            {
                StringAssert.StartsWith(lines[i], "#" + (newest - 2 + i) + " ");
            }

            StringAssert.Contains(rig.Command("events 32"), "boot node reason=power_on");
            using var json = JsonDocument.Parse(rig.CommandLines("events 2 json")[0]);
            Assert.AreEqual(2, json.RootElement.GetArrayLength());
        }

        [TestMethod]
        public void VersionNamesTheFirmwareAndTheNode()
        {
            using var rig = RunningNode();

            Assert.AreEqual("firmware " + FirmwareVersion.Text + ", node " + rig.Board.DefaultNodeId + "\r\n", rig.Command("version"));
            using var json = JsonDocument.Parse(rig.CommandLines("version json")[0]);
            Assert.AreEqual(FirmwareVersion.Text, json.RootElement.GetProperty("firmware").GetString());
        }

        [TestMethod]
        public void EventsArePrintedOnTheConsoleAsTheyHappen()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("normal-shifts"));

            rig.RunUntilMinute(3);
            string output = rig.Line.TakeOutput();

            StringAssert.Contains(output, "#1 0d 00:00:00 boot node reason=power_on\r\n");
            StringAssert.Contains(output, "machine machine level=running");
        }

        // normal-shifts: off for 2 minutes, then running at 75 % load; 6 minutes in, every sensor has read for minutes.
        private static NodeRig RunningNode()
        {
            var rig = new NodeRig(ScenarioCatalogue.Find("normal-shifts"));
            rig.RunUntilMinute(6);
            return rig;
        }
    }
}
