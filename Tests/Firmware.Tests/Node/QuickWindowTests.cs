using SensorNode.Core.Anomaly;
using SensorNode.Core.Machine;
using SensorNode.Core.Node;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Node
{
    [TestClass]
    public class QuickWindowTests
    {
        [TestMethod]
        public void AQuickWindowEndsAfterAQuarterSecondAndTheNextOneIsFull()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.Node.StartQuickWindow();

            long firstEndMs = RunUntilWindow(rig, 1);
            Assert.AreEqual((long)SensorNodeCore.QuickWindowMs, firstEndMs);
            Assert.AreEqual(3200 * SensorNodeCore.QuickWindowMs / 1000, rig.Node.Snapshot.VibrationFrames);

            long secondEndMs = RunUntilWindow(rig, 2);
            Assert.AreEqual((long)(SensorNodeCore.QuickWindowMs + SensorNodeCore.WindowMs), secondEndMs);
            Assert.AreEqual(3200, rig.Node.Snapshot.VibrationFrames);
        }

        [TestMethod]
        public void AQuickWindowReadsAccelerationTemperatureAndCurrentButNoVelocity()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.Node.StartQuickWindow();
            RunUntilWindow(rig, 1);
            NodeSnapshot s = rig.Node.Snapshot;

            Assert.IsTrue(s.FeatureValid(NodeFeatures.AccelRms));
            Assert.IsTrue(s.FeatureValue(NodeFeatures.AccelRms) > 50);
            Assert.IsFalse(s.FeatureValid(NodeFeatures.VelocityRms));
            Assert.AreEqual(4000, s.FeatureValue(NodeFeatures.Temperature));
            Assert.AreEqual(5000, s.FeatureValue(NodeFeatures.Current));

            // Settling is not a missing sensor: no channel faulted.
            Assert.IsTrue(s.Health == ChannelLevel.Ok);
        }

        [TestMethod]
        public void QuickWindowsDecideTheMachineStateAndTeachOnlyTheNonVibrationChannels()
        {
            NodeRig rig = new NodeRig();
            rig.Start();

            // Three windows of debounce, then ten running windows: enough for every baseline, were they full windows.
            for (int window = 1; window <= 3 + NodeRig.LearnWindows + 1; window++)
            {
                rig.Node.StartQuickWindow();
                RunUntilWindow(rig, window);
            }

            NodeSnapshot s = rig.Node.Snapshot;
            Assert.IsTrue(s.Machine == MachineState.Running);
            Assert.IsTrue(s.ChannelLearned(NodeChannels.Temperature));
            Assert.IsFalse(s.ChannelLearned(NodeChannels.Current));
            Assert.IsFalse(s.ChannelLearned(NodeChannels.Velocity));
            Assert.IsFalse(s.ChannelLearned(NodeChannels.Acceleration));
            Assert.IsFalse(s.ChannelLearned(NodeChannels.Kurtosis));

            rig.RunWindows(NodeRig.LearnWindows + 1);
            Assert.IsTrue(rig.Node.Snapshot.ChannelLearned(NodeChannels.Acceleration));
            Assert.IsTrue(rig.Node.Snapshot.ChannelLearned(NodeChannels.Velocity));
            Assert.IsTrue(rig.Node.Snapshot.ChannelLearned(NodeChannels.Current));
        }

        [TestMethod]
        public void AStartUpInrushInAQuickWindowIsNoCurrentAlarmButTheSameCurrentInAFullWindowIs()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(20);
            Assert.IsTrue(rig.Node.Snapshot.Machine == MachineState.Running);

            // 40 A against the 30 A limit: in quick windows nothing, in the full windows after them an alarm (after its dwell).
            // Five quick windows in a row: longer than the raise dwell, were they scored.
            rig.Sensors.CurrentMa = 40000;
            for (int window = 21; window <= 25; window++)
            {
                rig.Node.StartQuickWindow();
                RunUntilWindow(rig, window);
            }

            Assert.AreEqual(40000, rig.Node.Snapshot.FeatureValue(NodeFeatures.Current));
            Assert.AreEqual(0, rig.Count(EventType.Alarm, "current"));

            RunUntilWindow(rig, 30);
            NodeEvent alarm = rig.Newest(EventType.Alarm, "current");
            Assert.IsNotNull(alarm);
            Assert.AreEqual("above_limit", alarm.Reason);
        }

        [TestMethod]
        public void AnUnpluggedAccelerometerStillFaultsInQuickWindows()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.Sensors.VibrationStatus = SensorReadStatus.BusError;
            for (int window = 1; window <= 3; window++)
            {
                rig.Node.StartQuickWindow();
                RunUntilWindow(rig, window);
            }

            NodeEvent fault = rig.Newest(EventType.Fault, "acceleration");
            Assert.IsNotNull(fault);
            Assert.AreEqual("missing", fault.Reason);
        }

        // Runs 10 ms ticks until the node has finished `window` windows; returns the node time then.
        private static long RunUntilWindow(NodeRig rig, long window)
        {
            for (int tick = 0; tick < 2000 && rig.Node.Snapshot.WindowCount < window; tick++)
            {
                rig.Clock.AdvanceMs(NodeRig.TickMs);
                rig.Node.RunOnce();
            }

            Assert.AreEqual(window, rig.Node.Snapshot.WindowCount);
            return rig.Clock.MonotonicMs;
        }
    }
}
