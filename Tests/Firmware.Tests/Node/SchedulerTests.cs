using System;
using SensorNode.Core.Anomaly;
using SensorNode.Core.Config;
using SensorNode.Core.Machine;
using SensorNode.Core.Node;
using SensorNode.Core.Tests.Support;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Node
{
    [TestClass]
    public class SchedulerTests
    {
        [TestMethod]
        public void StartRecordsTheBootEventFirst()
        {
            NodeRig rig = new NodeRig();
            rig.Node.Start(WakeCause.Timer, ConfigLoadOutcome.Loaded);

            Assert.AreEqual(1L, rig.Node.Events.LastSeq);
            NodeEvent boot = rig.Node.Events.Newest(0);
            Assert.IsTrue(boot.Type == EventType.Boot);
            Assert.AreEqual("timer", boot.Reason);
            Assert.AreEqual(1, rig.Publisher.Events);
        }

        [TestMethod]
        [DataRow(1, "defaults", "no_file")]
        [DataRow(2, "recovered", "corrupt_file")]
        public void StartReportsAMissingOrCorruptConfigFile(int outcome, string level, string reason)
        {
            NodeRig rig = new NodeRig();
            rig.Node.Start(WakeCause.PowerOn, (ConfigLoadOutcome)outcome);

            NodeEvent config = rig.Newest(EventType.Config, "config");
            Assert.IsNotNull(config);
            Assert.AreEqual(level, config.Level);
            Assert.AreEqual(reason, config.Reason);
            Assert.AreEqual(2L, config.Seq);
        }

        [TestMethod]
        public void RunOnceBeforeStartAndStartTwiceAreProgrammingErrors()
        {
            NodeRig rig = new NodeRig();
            AssertThrows.Exactly(typeof(InvalidOperationException), () => rig.Node.RunOnce());
            rig.Start();
            AssertThrows.Exactly(typeof(InvalidOperationException), () => rig.Start());
        }

        [TestMethod]
        public void TheChainRunsFromSensorsToPublisher()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(16);
            NodeSnapshot s = rig.Node.Snapshot;

            Assert.AreEqual(16L, s.WindowCount);
            Assert.AreEqual(16, rig.Publisher.Windows);
            Assert.IsTrue(s.Machine == MachineState.Running);
            NodeEvent machine = rig.Newest(EventType.Machine, "machine");
            Assert.IsNotNull(machine);
            Assert.AreEqual("running", machine.Level);
            Assert.AreEqual("from_off", machine.Reason);
            Assert.AreEqual(3200, s.VibrationFrames);
            Assert.IsTrue(s.FeatureValid(NodeFeatures.VelocityRms));
            Assert.IsTrue(s.FeatureValue(NodeFeatures.VelocityRms) > 0);
            Assert.IsTrue(s.FeatureValue(NodeFeatures.AccelRms) > 50);
            Assert.AreEqual(4000, s.FeatureValue(NodeFeatures.Temperature));
            Assert.AreEqual(5000, s.FeatureValue(NodeFeatures.Current));
            Assert.IsTrue(s.Health == ChannelLevel.Ok);
            for (int channel = 0; channel < NodeChannels.Count; channel++)
            {
                Assert.IsTrue(s.ChannelLearned(channel), NodeChannels.Name(channel));
            }

            Assert.AreEqual(rig.Node.Events.LastSeq, s.LastEventSeq);
            Assert.AreEqual(3, s.QueueDepth);
            Assert.AreEqual(1, s.DroppedCount);
        }

        [TestMethod]
        public void TemperatureAboveItsLimitRaisesAnAlarmAndClearsAfterwards()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(16);
            rig.Sensors.TempCentiC = 9000;
            rig.RunWindows(3);

            NodeEvent alarm = rig.Newest(EventType.Alarm, "temperature");
            Assert.IsNotNull(alarm);
            Assert.AreEqual("alarm", alarm.Level);
            Assert.AreEqual("above_limit", alarm.Reason);
            Assert.AreEqual(9000, alarm.Value);
            Assert.AreEqual(2, alarm.Decimals);
            Assert.AreEqual("°C", alarm.Unit);
            Assert.IsTrue(rig.Node.Snapshot.Health == ChannelLevel.Alarm);
            Assert.AreEqual(1, rig.Node.Snapshot.AlarmCount);

            rig.Sensors.TempCentiC = 4000;
            rig.RunWindows(30);
            Assert.IsNotNull(rig.Newest(EventType.Clear, "temperature"));
            Assert.IsTrue(rig.Node.Snapshot.ChannelLevel(NodeChannels.Temperature) == ChannelLevel.Ok);
        }

        [TestMethod]
        public void AnUnpluggedSensorFaultsItsChannelsAndRecoversWhenReplugged()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(16);
            rig.Sensors.VibrationStatus = SensorReadStatus.BusError;
            rig.RunWindows(3);

            NodeEvent fault = rig.Newest(EventType.Fault, "velocity");
            Assert.IsNotNull(fault);
            Assert.AreEqual("missing", fault.Reason);
            Assert.IsTrue(rig.Node.Snapshot.ChannelLevel(NodeChannels.Acceleration) == ChannelLevel.Fault);
            Assert.IsTrue(rig.Node.Snapshot.SensorStatus(NodeSensors.Vibration) == SensorReadStatus.BusError);
            Assert.IsFalse(rig.Node.Snapshot.FeatureValid(NodeFeatures.AccelRms));
            Assert.IsTrue(rig.Node.Snapshot.SensorBadReads(NodeSensors.Vibration) > 0);

            rig.Sensors.VibrationStatus = SensorReadStatus.Ok;
            rig.RunWindows(5);
            NodeEvent recovered = rig.Newest(EventType.Clear, "velocity");
            Assert.IsNotNull(recovered);
            Assert.AreEqual("recovered", recovered.Reason);
            Assert.IsTrue(rig.Node.Snapshot.Health == ChannelLevel.Ok);
        }

        [TestMethod]
        public void AClampedTemperatureIsAnImpossibleFaultAtOnce()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(2);
            rig.Sensors.TemperatureStatus = SensorReadStatus.OutOfRange;
            rig.Sensors.TempCentiC = 85000;
            rig.RunWindows(1);

            NodeEvent fault = rig.Newest(EventType.Fault, "temperature");
            Assert.IsNotNull(fault);
            Assert.AreEqual("impossible", fault.Reason);
            Assert.IsFalse(rig.Node.Snapshot.FeatureValid(NodeFeatures.Temperature));
        }

        [TestMethod]
        public void ASensorThatIsNotFittedIsLeftOut()
        {
            NodeRig rig = new NodeRig();
            rig.Sensors.CurrentStatus = SensorReadStatus.NotFitted;
            rig.Start();
            rig.RunWindows(10);
            NodeSnapshot s = rig.Node.Snapshot;

            Assert.IsFalse(s.ChannelFitted(NodeChannels.Current));
            Assert.IsTrue(s.ChannelFitted(NodeChannels.Temperature));
            Assert.IsTrue(s.ChannelLevel(NodeChannels.Current) == ChannelLevel.Ok);
            Assert.AreEqual(0L, s.SensorBadReads(NodeSensors.Current));
            Assert.IsTrue(s.Machine == MachineState.Running, "vibration alone says running");
            Assert.IsTrue(rig.Newest(EventType.Fault, "current") == null);
        }

        [TestMethod]
        public void AChangedSettingIsAppliedOnTheNextTick()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            Assert.AreEqual(8000, rig.Node.Parameters.Channel(NodeChannels.Temperature).HighLimit);
            Assert.AreEqual("node-a1b2c3", rig.Node.Snapshot.NodeId);

            rig.Set("temp.max_c", "50");
            rig.Set("node.id", "press-7");
            rig.Set("iso.group", "1");
            rig.Clock.AdvanceMs(10);
            rig.Node.RunOnce();

            Assert.AreEqual(5000, rig.Node.Parameters.Channel(NodeChannels.Temperature).HighLimit);
            Assert.AreEqual(7100, rig.Node.Parameters.Channel(NodeChannels.Velocity).HighLimit);
            Assert.AreEqual("press-7", rig.Node.Snapshot.NodeId);
        }

        [TestMethod]
        public void AnomalyThresholdsComeFromPercentages()
        {
            Assert.AreEqual(16384, NodeParameters.PercentToQ15(50));
            Assert.AreEqual(24576, NodeParameters.PercentToQ15(75));
            Assert.AreEqual(32767, NodeParameters.PercentToQ15(100));
            Assert.AreEqual(327, NodeParameters.PercentToQ15(1));

            NodeRig rig = new NodeRig();
            rig.Set("anomaly.watch", "40");
            rig.Start();
            AnomalyParameters p = rig.Node.Parameters.Channel(NodeChannels.Kurtosis);
            Assert.AreEqual(13107, p.WatchRaiseQ15);
            Assert.AreEqual(10485, p.WatchClearQ15);
            Assert.AreEqual(NodeRig.LearnWindows, p.LearnWindows);
        }

        [TestMethod]
        public void ALateLoopFinishesOneWindowAndRealigns()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.Clock.AdvanceMs(5000);
            rig.Node.RunOnce();
            rig.Node.RunOnce();
            Assert.AreEqual(1L, rig.Node.Snapshot.WindowCount);

            rig.Clock.AdvanceMs(999);
            rig.Node.RunOnce();
            Assert.AreEqual(1L, rig.Node.Snapshot.WindowCount);
            rig.Clock.AdvanceMs(1);
            rig.Node.RunOnce();
            Assert.AreEqual(2L, rig.Node.Snapshot.WindowCount);
        }

        [TestMethod]
        public void RelearnForgetsOneChannelOrAll()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(16);

            rig.Node.Relearn(NodeChannels.Temperature);
            Assert.IsFalse(rig.Node.Snapshot.ChannelLearned(NodeChannels.Temperature));
            Assert.IsTrue(rig.Node.Snapshot.ChannelLearned(NodeChannels.Current));

            rig.Node.Relearn(-1);
            Assert.IsFalse(rig.Node.Snapshot.ChannelLearned(NodeChannels.Current));
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => rig.Node.Relearn(NodeChannels.Count));
        }

        [TestMethod]
        public void AModeRequestIsStoredAndRecorded()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.Node.RequestPowerMode(PowerModeRequest.Eco, "console");

            Assert.IsTrue(rig.Node.Snapshot.RequestedPowerMode == PowerModeRequest.Eco);
            Assert.AreEqual("active", rig.Node.Snapshot.PowerMode);
            NodeEvent power = rig.Newest(EventType.Power, "power");
            Assert.IsNotNull(power);
            Assert.AreEqual("eco", power.Level);
            Assert.AreEqual("console", power.Reason);
        }

        [TestMethod]
        public void EventsCarryWallTimeOnceItIsKnown()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            Assert.AreEqual(0L, rig.Node.Events.Newest(0).UnixTimeMs);

            rig.Clock.AdvanceMs(1500);
            rig.Clock.SetUnixTimeMs(1767225600000);
            NodeEvent e = rig.Node.RecordEvent(EventType.Config, "config", "saved", 0, 0, "", 0, "console");
            Assert.AreEqual(1767225600000, e.UnixTimeMs);
            Assert.AreEqual(1500L, e.TimeMs);
        }
    }
}
