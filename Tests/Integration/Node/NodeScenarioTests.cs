using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Anomaly;
using SensorNode.Core.Machine;
using SensorNode.Core.Node;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>
    /// The firmware core end to end on the virtual board: the simulated machine develops a fault, the real drivers read
    /// it from the register-level chip models, and the node's events say so. Simulated time, faster than real time
    /// (about 4 s per simulated hour of running; the production day takes about a minute). Every test runs with the
    /// default settings unless it says otherwise.
    /// </summary>
    [TestClass]
    public class NodeScenarioTests
    {
        /// <summary>Minutes within which every vibration channel is back to ok after the bearing is replaced.</summary>
        private const double ClearAfterRepairMinutes = 2;

        [TestMethod]
        public void BearingWearRaisesAVibrationAlarmThatClearsWithinMinutesOfTheRepair()
        {
            using var rig = new NodeRig(TestScenarios.WearThenRepair());

            rig.RunUntilMinute(8);
            Assert.IsFalse(VibrationAlarms(rig).Any(), "a vibration alarm before the bearing wore:\n" + rig.Describe());

            rig.RunUntilMinute(20);
            var alarmed = VibrationAlarms(rig).Where(e => e.Level == "alarm").Select(e => e.Channel).Distinct().ToList();
            Assert.IsTrue(alarmed.Count > 0, "no vibration alarm while the bearing wore:\n" + rig.Describe());

            rig.RunUntilMinute(20 + ClearAfterRepairMinutes);
            foreach (string channel in TestScenarios.VibrationChannels)
            {
                var level = rig.Snapshot.ChannelLevel(NodeChannels.IndexOf(channel));
                Assert.AreEqual(ChannelLevel.Ok, level,
                    channel + " still " + NodeNames.Level(level) + " " + ClearAfterRepairMinutes + " minutes after the repair:\n" + rig.Describe());
            }

            foreach (string channel in alarmed)
            {
                Assert.IsTrue(
                    rig.EventsOn(channel).Any(e => e.Type == EventType.Clear && e.Level == "ok" && NodeRig.MinuteOf(e) > 20),
                    channel + " alarmed and never cleared after the repair:\n" + rig.Describe());
            }

            // The repaired machine stays quiet: the baseline did not learn the wear.
            rig.RunUntilMinute(35);
            Assert.IsFalse(VibrationAlarms(rig).Any(e => NodeRig.MinuteOf(e) > 20),
                "a vibration alarm on the repaired machine:\n" + rig.Describe());
        }

        [TestMethod]
        public void OverheatingRaisesATemperatureAlarmAtTheLimitAndClearsWhenItCools()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("overheating"));

            // The bearing is still warming up when it runs dry (20 minutes into a 45-minute warm-up), so the temperature
            // channel has no baseline yet and answers to the limit alone: a healthy bearing (about 38 °C) never reaches
            // 60 °C, the dry one (heading for 75 °C) crosses it some 13 minutes after the fault.
            StringAssert.Contains(rig.Command("set temp.max_c 60"), "(not saved");

            rig.RunUntilMinute(20);
            Assert.AreEqual(0, rig.EventsOn("temperature").Count, "temperature events before the fault:\n" + rig.Describe());

            rig.RunUntilMinute(50);
            var alarm = rig.EventsOn("temperature").FirstOrDefault(e => e.Type == EventType.Alarm && e.Level == "alarm");
            Assert.IsNotNull(alarm, "no temperature alarm while the bearing ran dry:\n" + rig.Describe());
            Assert.AreEqual("above_limit", alarm.Reason);
            Assert.IsTrue(alarm.Value >= 6000, "alarm at " + alarm.Value / 100.0 + " °C, below the 60 °C limit");
            Assert.IsTrue(NodeRig.MinuteOf(alarm) > 20, "alarm at minute " + NodeRig.MinuteOf(alarm));

            rig.RunUntilMinute(75);
            Assert.IsTrue(
                rig.EventsOn("temperature").Any(e => e.Type == EventType.Clear && NodeRig.MinuteOf(e) > 50),
                "the temperature alarm did not clear after relubrication:\n" + rig.Describe());
            Assert.AreEqual(ChannelLevel.Ok, rig.Snapshot.ChannelLevel(NodeChannels.Temperature));
        }

        [TestMethod]
        public void AnUnpluggedSensorFaultsItsChannelsAndRecoversWhenPluggedBack()
        {
            using var rig = new NodeRig(TestScenarios.UnplugAndReplug());

            rig.RunUntilMinute(6);
            Assert.AreEqual(SensorReadStatus.BusError, rig.Snapshot.SensorStatus(NodeSensors.Vibration));
            StringAssert.Contains(rig.Command("sensors"), "bus_error");
            foreach (string channel in TestScenarios.VibrationChannels)
            {
                var faults = rig.EventsOn(channel).Where(e => e.Type == EventType.Fault && e.Reason == "missing").ToList();
                Assert.AreEqual(1, faults.Count, channel + " missing faults:\n" + rig.Describe());
                Assert.IsTrue(NodeRig.MinuteOf(faults[0]) >= 5, channel + " faulted before the cable came out");
                Assert.AreEqual(ChannelLevel.Fault, rig.Snapshot.ChannelLevel(NodeChannels.IndexOf(channel)));
            }

            rig.RunUntilMinute(9);
            Assert.AreEqual(SensorReadStatus.Ok, rig.Snapshot.SensorStatus(NodeSensors.Vibration));
            foreach (string channel in TestScenarios.VibrationChannels)
            {
                Assert.IsTrue(
                    rig.EventsOn(channel).Any(e => e.Type == EventType.Clear && e.Reason == "recovered" && NodeRig.MinuteOf(e) >= 7),
                    channel + " did not recover after the cable went back:\n" + rig.Describe());
            }

            Assert.IsTrue(rig.Node.FrontEnd.AccelerometerStarts >= 2, "the accelerometer was never re-initialised");
            Assert.AreEqual(0, rig.EventsOn("temperature").Count(e => e.Type == EventType.Fault), "the RTD faulted early");

            rig.RunUntilMinute(10);
            var rtdFault = rig.EventsOn("temperature").SingleOrDefault(e => e.Type == EventType.Fault);
            Assert.IsNotNull(rtdFault, "no temperature fault with the RTD out:\n" + rig.Describe());
            Assert.AreEqual("missing", rtdFault.Reason);

            rig.RunUntilMinute(13);
            Assert.IsTrue(
                rig.EventsOn("temperature").Any(e => e.Type == EventType.Clear && e.Reason == "recovered" && NodeRig.MinuteOf(e) >= 11),
                "the temperature channel did not recover:\n" + rig.Describe());
            Assert.AreNotEqual(ChannelLevel.Fault, rig.Snapshot.ChannelLevel(NodeChannels.Temperature));
            Assert.AreEqual(0L, rig.Snapshot.ErrorCount, "exceptions escaped a subsystem");
            Assert.IsFalse(rig.Publisher.Events.Any(e => e.Type == EventType.Alarm), "an alarm around the replugs:\n" + rig.Describe());
        }

        [TestMethod]
        public void AProductionDayOnAHealthyMachineRaisesNoAlarmAndNoFault()
        {
            using var rig = new NodeRig(TestScenarios.ProductionDay());
            int pauseWindows = 0;
            int minCurrentMa = int.MaxValue;
            int maxCurrentMa = 0;
            rig.Publisher.WindowSeen = snapshot =>
            {
                if (snapshot.Machine != MachineState.Running || !snapshot.FeatureValid(NodeFeatures.Current))
                {
                    return;
                }

                int currentMa = snapshot.FeatureValue(NodeFeatures.Current);
                minCurrentMa = System.Math.Min(minCurrentMa, currentMa);
                maxCurrentMa = System.Math.Max(maxCurrentMa, currentMa);
                pauseWindows += currentMa < 4000 ? 1 : 0;
            };

            rig.RunUntilMinute(24 * 60);

            var bad = rig.Publisher.Events.Where(e => e.Type == EventType.Alarm || e.Type == EventType.Fault || e.Type == EventType.Error)
                .ToList();
            Assert.AreEqual(0, bad.Count, "alarms or faults on a healthy day:\n" + rig.Describe());

            // The day did what it says: two shifts started and stopped, the load moved from 6.4 A to the unloaded 3.2 A
            // through the pauses, and every channel learned its baseline (temperature after its warm-up).
            Assert.AreEqual(1, rig.Publisher.Events.Count(e => e.Type == EventType.Machine && e.Level == "running"), rig.Describe());
            Assert.AreEqual(MachineState.Off, rig.Snapshot.Machine);
            Assert.IsTrue(pauseWindows > 3 * 25 * 60, "windows at the unloaded current: " + pauseWindows);
            Assert.IsTrue(minCurrentMa < 3500 && maxCurrentMa > 6000, "current from " + minCurrentMa + " to " + maxCurrentMa + " mA");
            for (int channel = 0; channel < NodeChannels.Count; channel++)
            {
                Assert.IsTrue(rig.Snapshot.ChannelLearned(channel), NodeChannels.Name(channel) + " never learned");
            }
        }

        [TestMethod]
        public void KnocksFromNearbyWorkRaiseNoAlarm()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("noise-burst"));
            int maxAccelMilliG = 0;
            rig.Publisher.WindowSeen = snapshot =>
            {
                if (snapshot.FeatureValid(NodeFeatures.AccelRms))
                {
                    maxAccelMilliG = System.Math.Max(maxAccelMilliG, snapshot.FeatureValue(NodeFeatures.AccelRms));
                }
            };

            rig.RunUntilMinute(60);

            Assert.IsTrue(maxAccelMilliG > 100, "the bursts never reached the windows: " + maxAccelMilliG + " mg at most");
            Assert.IsFalse(rig.Publisher.Events.Any(e => e.Type == EventType.Alarm || e.Type == EventType.Fault),
                "knocks raised events:\n" + rig.Describe());
            Assert.IsTrue(rig.Snapshot.ChannelLearned(NodeChannels.Acceleration));
        }

        [TestMethod]
        public void StuckSensorsFaultAsStuckAndRecover()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("stuck-sensor"));

            // The RTD's code freezes at minute 15: after 10 running minutes without a flicker the channel faults.
            rig.RunUntilMinute(27);
            var rtdFault = rig.EventsOn("temperature").SingleOrDefault(e => e.Type == EventType.Fault);
            Assert.IsNotNull(rtdFault, "no temperature fault with a frozen RTD:\n" + rig.Describe());
            Assert.AreEqual("stuck", rtdFault.Reason);
            Assert.IsTrue(NodeRig.MinuteOf(rtdFault) >= 24.5, "stuck after " + NodeRig.MinuteOf(rtdFault) + " minutes");

            rig.RunUntilMinute(47);
            Assert.IsTrue(rig.EventsOn("temperature").Any(e => e.Reason == "recovered" && NodeRig.MinuteOf(e) >= 45),
                "the temperature channel did not recover:\n" + rig.Describe());

            // The accelerometer repeats one sample from minute 50 to 55: three such windows fault each vibration channel.
            rig.RunUntilMinute(51);
            foreach (string channel in TestScenarios.VibrationChannels)
            {
                var fault = rig.EventsOn(channel).SingleOrDefault(e => e.Type == EventType.Fault);
                Assert.IsNotNull(fault, channel + " did not fault with a frozen accelerometer:\n" + rig.Describe());
                Assert.AreEqual("stuck", fault.Reason);
                Assert.IsTrue(NodeRig.MinuteOf(fault) >= 50, channel + " faulted at minute " + NodeRig.MinuteOf(fault));
            }

            rig.RunUntilMinute(57);
            foreach (string channel in TestScenarios.VibrationChannels)
            {
                Assert.IsTrue(rig.EventsOn(channel).Any(e => e.Reason == "recovered" && NodeRig.MinuteOf(e) >= 55),
                    channel + " did not recover:\n" + rig.Describe());
                Assert.AreEqual(ChannelLevel.Ok, rig.Snapshot.ChannelLevel(NodeChannels.IndexOf(channel)));
            }

            Assert.IsFalse(rig.Publisher.Events.Any(e => e.Type == EventType.Alarm), "a stuck sensor raised an alarm:\n" + rig.Describe());
        }

        [TestMethod]
        public void AStallAlarmsOnCurrentAndClearsOnceTheMachineRunsAgain()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("stall"));

            // The 135 % overload from minute 20 to 26 stays below current.max_ma and within the current channel's
            // departure band: motor current follows load, and an overload limit is the motor's rating (current.max_ma).
            rig.RunUntilMinute(40);
            Assert.IsFalse(rig.Publisher.Events.Any(e => e.Type == EventType.Alarm), "alarms before the jam:\n" + rig.Describe());

            rig.RunUntilMinute(41);
            var alarm = rig.EventsOn("current").FirstOrDefault(e => e.Type == EventType.Alarm && e.Level == "alarm");
            Assert.IsNotNull(alarm, "no current alarm while the motor was stalled:\n" + rig.Describe());
            Assert.IsTrue(alarm.Value > 30000, "alarm at " + alarm.Value + " mA");

            rig.RunUntilMinute(43);
            Assert.AreEqual(ChannelLevel.Ok, rig.Snapshot.ChannelLevel(NodeChannels.Current), rig.Describe());
            Assert.IsTrue(rig.EventsOn("current").Any(e => e.Type == EventType.Clear && e.Level == "ok" && NodeRig.MinuteOf(e) > 40),
                "the current alarm never cleared:\n" + rig.Describe());
        }

        private static List<SeenEvent> VibrationAlarms(NodeRig rig) =>
            rig.Publisher.Events.Where(e => e.Type == EventType.Alarm && TestScenarios.VibrationChannels.Contains(e.Channel))
                .ToList();
    }
}
