using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Anomaly;
using SensorNode.Core.Node;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>
    /// The firmware core end to end on the virtual board: the simulated machine develops a fault, the real drivers read
    /// it from the register-level chip models, and the node's events say so. Simulated time, faster than real time.
    /// </summary>
    [TestClass]
    public class NodeScenarioTests
    {
        [TestMethod]
        public void BearingWearRaisesAVibrationAlarmThatClearsAfterTheRepair()
        {
            using var rig = new NodeRig(TestScenarios.WearThenRepair());

            rig.RunUntilMinute(8);
            Assert.IsFalse(VibrationAlarms(rig).Any(), "a vibration alarm before the bearing wore:\n" + rig.Describe());

            rig.RunUntilMinute(20);
            var alarms = VibrationAlarms(rig);
            Assert.IsTrue(alarms.Any(e => e.Level == "alarm"), "no vibration alarm while the bearing wore:\n" + rig.Describe());

            rig.RunUntilMinute(90);
            foreach (string channel in TestScenarios.VibrationChannels)
            {
                var level = rig.Snapshot.ChannelLevel(NodeChannels.IndexOf(channel));
                Assert.IsTrue(level == ChannelLevel.Ok || level == ChannelLevel.Fault,
                    channel + " still " + NodeNames.Level(level) + " 70 minutes after the repair:\n" + rig.Describe());
            }

            Assert.IsTrue(
                rig.Publisher.Events.Any(e => TestScenarios.VibrationChannels.Contains(e.Channel) && e.Type == EventType.Clear
                    && e.Level == "ok" && NodeRig.MinuteOf(e) > 20),
                "no vibration channel cleared after the repair:\n" + rig.Describe());
        }

        [TestMethod]
        public void OverheatingRaisesATemperatureAlarmAtTheLimitAndClearsWhenItCools()
        {
            using var rig = new NodeRig(ScenarioCatalogue.Find("overheating"));

            // A baseline that takes longer to learn than the test runs keeps the anomaly score at 0, so the channel's
            // level answers to the temperature limit alone: a healthy bearing (about 38 °C) never reaches 60 °C, the dry
            // one (heading for 75 °C) crosses it some 13 minutes after the fault.
            foreach (string set in new[] { "set temp.max_c 60", "set anomaly.learn_windows 100000" })
            {
                StringAssert.Contains(rig.Command(set), "(not saved", set);
            }

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
        }

        private static System.Collections.Generic.List<SeenEvent> VibrationAlarms(NodeRig rig) =>
            rig.Publisher.Events.Where(e => e.Type == EventType.Alarm && TestScenarios.VibrationChannels.Contains(e.Channel))
                .ToList();
    }
}
