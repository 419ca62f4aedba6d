using SensorNode.Core.Anomaly;
using SensorNode.Core.Machine;
using SensorNode.Core.Node;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Node
{
    /// <summary>
    /// How each channel's tuning treats what a healthy machine does (NodeParameters): steady vibration, a coasting motor,
    /// load changes on the current, a bearing warming up; and what a stuck accelerometer looks like.
    /// </summary>
    [TestClass]
    public class NodeTuningTests
    {
        [TestMethod]
        public void AFrozenAccelerometerFaultsItsVibrationChannelsAsStuckAndRecovers()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(16);

            rig.Sensors.VibrationFrozen = true;
            rig.RunWindows(2);
            Assert.AreEqual(0, rig.Count(EventType.Fault, "velocity"));
            rig.RunWindows(3);

            string[] vibration = { "velocity", "acceleration", "kurtosis" };
            for (int i = 0; i < vibration.Length; i++)
            {
                NodeEvent fault = rig.Newest(EventType.Fault, vibration[i]);
                Assert.IsNotNull(fault, vibration[i]);
                Assert.AreEqual("stuck", fault.Reason);
                Assert.IsTrue(rig.Node.Snapshot.ChannelLevel(NodeChannels.IndexOf(vibration[i])) == ChannelLevel.Fault);
            }

            Assert.AreEqual(0, rig.Count(EventType.Alarm, "velocity") + rig.Count(EventType.Alarm, "acceleration")
                + rig.Count(EventType.Alarm, "kurtosis"));

            rig.Sensors.VibrationFrozen = false;
            rig.RunWindows(5);
            for (int i = 0; i < vibration.Length; i++)
            {
                NodeEvent clear = rig.Newest(EventType.Clear, vibration[i]);
                Assert.IsNotNull(clear, vibration[i]);
                Assert.AreEqual("recovered", clear.Reason);
            }
        }

        [TestMethod]
        public void ASteadyVibrationRepeatingItsFeaturesIsNoFault()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            int longestRun = 0;
            int run = 0;
            int last = -1;
            for (int window = 0; window < 150; window++)
            {
                rig.RunWindows(1);
                int accel = rig.Node.Snapshot.FeatureValue(NodeFeatures.AccelRms);
                run = accel == last ? run + 1 : 1;
                last = accel;
                longestRun = run > longestRun ? run : longestRun;
            }

            // The old feature-level check faulted after 60 identical windows.
            Assert.IsTrue(longestRun > 60, "longest run of one accel RMS: " + longestRun);
            Assert.AreEqual(0, rig.Count(EventType.Fault, "acceleration"));
            Assert.IsTrue(rig.Node.Snapshot.ChannelLevel(NodeChannels.Acceleration) == ChannelLevel.Ok);
        }

        [TestMethod]
        public void TemperatureLearnsOnlyAfterTheWarmUpAndOnlyARiseIsAnAnomaly()
        {
            NodeRig rig = new NodeRig();
            rig.Set("temp.warmup_s", "60");
            rig.Start();

            // A start from cold: 20 K of rise in the first 50 s is the warm-up, not an anomaly.
            for (int window = 0; window < 60; window++)
            {
                rig.Sensors.TempCentiC = window < 50 ? 3000 + window * 40 : 5000;
                rig.RunWindows(1);
            }

            Assert.IsFalse(rig.Node.Snapshot.ChannelLearned(NodeChannels.Temperature));
            Assert.AreEqual(0, rig.Count(EventType.Alarm, "temperature"));

            rig.RunWindows(20);
            Assert.IsTrue(rig.Node.Snapshot.ChannelLearned(NodeChannels.Temperature));

            // 15 K above the warm baseline, 3 spreads of the 5 K floor, well below temp.max_c: an anomaly.
            rig.Sensors.TempCentiC = 6500;
            rig.RunWindows(60);
            NodeEvent alarm = rig.Newest(EventType.Alarm, "temperature");
            Assert.IsNotNull(alarm);
            Assert.AreEqual("score_high", alarm.Reason);

            // Cooling 20 K below the baseline (the machine idles) clears it and raises nothing.
            rig.Sensors.TempCentiC = 3000;
            rig.RunWindows(200);
            Assert.IsTrue(rig.Node.Snapshot.ChannelLevel(NodeChannels.Temperature) == ChannelLevel.Ok);
            Assert.AreEqual(alarm.Seq, rig.Newest(EventType.Alarm, "temperature").Seq);
        }

        [TestMethod]
        public void ACoastingMotorIsNotScored()
        {
            // A machine whose coast-down shakes above its run threshold (set for this machine, below the default).
            NodeRig rig = new NodeRig();
            rig.Set("machine.off_mg", "5");
            rig.Set("machine.run_mg", "20");
            rig.Start();
            rig.RunWindows(20);

            // Supply off, the shaft still turning: half the vibration, no current. The machine still reads as running
            // (vibration above machine.run_mg) but nothing drives it, so those windows are no sign of a fault.
            rig.Sensors.CurrentMa = 0;
            rig.Sensors.VibrationAmplitudeCounts = 20;
            rig.RunWindows(15);
            Assert.IsTrue(rig.Node.Snapshot.Machine == MachineState.Running);
            Assert.AreEqual(0, rig.Count(EventType.Alarm, "acceleration"));

            // The same vibration with the motor energised is scored: it is half the learned level.
            rig.Sensors.CurrentMa = 5000;
            rig.RunWindows(15);
            Assert.IsTrue(rig.Count(EventType.Alarm, "acceleration") > 0);
        }

        [TestMethod]
        public void CurrentFollowsLoadButAStallAlarms()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(20);

            int[] loads = { 2500, 7000, 5000 };
            for (int i = 0; i < loads.Length; i++)
            {
                rig.Sensors.CurrentMa = loads[i];
                rig.RunWindows(60);
            }

            Assert.AreEqual(0, rig.Count(EventType.Alarm, "current"));

            // Locked rotor: five times the running current, still below current.max_ma (30 A).
            rig.Sensors.CurrentMa = 25000;
            rig.RunWindows(5);
            NodeEvent alarm = rig.Newest(EventType.Alarm, "current");
            Assert.IsNotNull(alarm);
            Assert.AreEqual("score_high", alarm.Reason);
        }
    }
}
