using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Anomaly;
using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Node;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Tests.Power
{
    /// <summary>
    /// The virtual node's sensor rail through the power manager's sleeps: every burst finds the chips power-cycled, the
    /// front end re-initialises them, and the burst's short first window still reads the temperature.
    /// </summary>
    [TestClass]
    public class SensorRailTests
    {
        [TestMethod]
        public void EcoBursts_PowerCycleTheSensors_AndEachBurstReadsThemAgain()
        {
            var board = new VirtualBoard(MachineOff(), 5);
            var node = new VirtualNode(board, new RamFileStorage(), QuietLine(), new OfflinePublisher());
            node.Boot();
            node.RunFor(20 * 60000);

            // Into a burst far enough for its parts to have started (a step may end just as a light sleep does).
            while (board.Clock.MonotonicUs - board.SensorRail.LastSwitchOnUs < 20000)
            {
                node.Step();
            }

            Assert.AreEqual(PowerMode.Eco, node.Power.Mode);
            int switchOns = board.SensorRail.SwitchOnCount;
            Assert.IsTrue(switchOns >= 15, "rail switched on " + switchOns + " times in 19 minutes of eco");

            // One boot, so one front end: its parts were started at power-on and once after every light sleep.
            Assert.AreEqual(switchOns, node.FrontEnd.TemperatureStarts);
            Assert.AreEqual(switchOns, node.FrontEnd.AccelerometerStarts);
            NodeSnapshot snapshot = node.Core.Snapshot;
            Assert.AreEqual(0L, snapshot.SensorBadReads(NodeSensors.Temperature));
            Assert.IsTrue(snapshot.SensorGoodReads(NodeSensors.Temperature) >= switchOns - 1,
                "temperature reads " + snapshot.SensorGoodReads(NodeSensors.Temperature));
            Assert.AreNotEqual(ChannelLevel.Fault, snapshot.ChannelLevel(NodeChannels.Temperature));
            Assert.AreNotEqual(ChannelLevel.Fault, snapshot.ChannelLevel(NodeChannels.Current));
            Assert.AreNotEqual(ChannelLevel.Fault, snapshot.ChannelLevel(NodeChannels.Acceleration));
        }

        [TestMethod]
        public void DeepSleepWakes_StartOnAFreshRail_AndEveryWakeReadsTheTemperature()
        {
            var storage = new RamFileStorage();
            var config = new ConfigStore(SettingsTable.All);
            Set(config, "power.sleep_enabled", "on");
            Set(config, "power.sleep_after_s", "300");
            Set(config, "report.sleep_s", "600");
            Assert.AreEqual(ConfigResult.Ok, config.Save(storage));
            var board = new VirtualBoard(MachineOff(), 5);
            var node = new VirtualNode(board, storage, QuietLine(), new OfflinePublisher());
            node.Boot();

            SensorNodeCore core = node.Core;
            bool firstWindowSeen = false;
            int wakes = 0;
            long endUs = board.Clock.MonotonicUs + 90 * 60000000L;
            while (board.Clock.MonotonicUs < endUs)
            {
                node.Step();
                bool restarted = node.Core != core;
                bool wake = node.DeepSleeps > (restarted ? 1 : 0);

                // A wake's burst opens with a short window: the MAX31865, powered up with the rail, is read in it.
                if (wake && !firstWindowSeen && core.Snapshot.WindowCount >= 1)
                {
                    firstWindowSeen = true;
                    Assert.AreEqual(1L, core.Snapshot.WindowCount);
                    Assert.AreEqual(SensorReadStatus.Ok, core.Snapshot.SensorStatus(NodeSensors.Temperature),
                        "a wake's first window without a temperature");
                }

                if (!restarted)
                {
                    continue;
                }

                if (wake)
                {
                    wakes++;
                    Assert.IsTrue(firstWindowSeen, "a wake without a window");
                    Assert.AreEqual(0L, core.Snapshot.SensorBadReads(NodeSensors.Temperature));
                }

                core = node.Core;
                firstWindowSeen = false;
                Assert.IsTrue(board.SensorRail.IsOn, "a boot's front end switches the rail on");
                Assert.AreEqual(0, node.FrontEnd.TemperatureStarts);
            }

            Assert.IsTrue(wakes >= 5, "wakes " + wakes);
            Assert.IsTrue(board.SensorRail.SwitchOnCount >= node.Boots, "switch-ons " + board.SensorRail.SwitchOnCount);
        }

        private static Scenario MachineOff() =>
            new Scenario("off", "off all day", new[] { ScheduleSegment.Off(86400) }, Array.Empty<ScenarioEvent>(), 1);

        private static StreamSerialLine QuietLine() => new StreamSerialLine(new MemoryStream(), new MemoryStream());

        private static void Set(ConfigStore config, string key, string value)
        {
            Assert.AreEqual(ConfigResult.Ok, config.TrySet(key, value, SettingSource.Console, out string error), error);
        }
    }
}
