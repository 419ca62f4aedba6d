using SensorNode.Core.Anomaly;
using SensorNode.Core.Node;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Node
{
    [TestClass]
    public class FaultIsolationTests
    {
        [TestMethod]
        public void AThrowingFrontEndIsCountedReportedOnceAndTheLoopGoesOn()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(2);
            rig.Sensors.ThrowOnVibration = true;
            rig.RunWindows(2);

            Assert.AreEqual(200L, rig.Node.ErrorCount(NodeSubsystem.Vibration));
            Assert.AreEqual(200L, rig.Node.Snapshot.ErrorCount);
            Assert.AreEqual(1, rig.Count(EventType.Error, "vibration"));
            NodeEvent error = rig.Newest(EventType.Error, "vibration");
            Assert.AreEqual("InvalidOperationException", error.Reason);
            Assert.AreEqual(1, error.Value);

            // The rest of the chain kept running: windows, temperature, publisher, watchdog.
            Assert.AreEqual(4L, rig.Node.Snapshot.WindowCount);
            Assert.IsTrue(rig.Node.Snapshot.FeatureValid(NodeFeatures.Temperature));
            Assert.IsFalse(rig.Node.Snapshot.FeatureValid(NodeFeatures.AccelRms));
            Assert.AreEqual(4, rig.Publisher.Windows);
            Assert.AreEqual(400, rig.Watchdog.Feeds);
            Assert.AreEqual(0L, rig.Node.ErrorCount(NodeSubsystem.Temperature));
        }

        [TestMethod]
        public void ErrorEventsOfOneStepAreRateLimited()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.Sensors.ThrowOnVibration = true;
            rig.RunWindows(59);
            Assert.AreEqual(1, rig.Count(EventType.Error, "vibration"));

            rig.RunWindows(2);
            Assert.AreEqual(2, rig.Count(EventType.Error, "vibration"));
            Assert.AreEqual(6001, rig.Newest(EventType.Error, "vibration").Value);
        }

        [TestMethod]
        public void ASensorThatKeepsThrowingEndsInItsChannelsMissingFault()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(2);
            rig.Sensors.ThrowOnTemperature = true;
            rig.RunWindows(3);

            Assert.AreEqual(3L, rig.Node.ErrorCount(NodeSubsystem.Temperature));
            Assert.AreEqual(1, rig.Count(EventType.Error, "temperature"));
            NodeEvent fault = rig.Newest(EventType.Fault, "temperature");
            Assert.IsNotNull(fault);
            Assert.AreEqual("missing", fault.Reason);
            Assert.IsTrue(rig.Node.Snapshot.ChannelLevel(NodeChannels.Temperature) == ChannelLevel.Fault);
            Assert.IsTrue(rig.Node.Snapshot.ChannelLevel(NodeChannels.Current) == ChannelLevel.Ok);
        }

        [TestMethod]
        public void AThrowingPublisherDoesNotStopTheLogOrTheLoop()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.Publisher.Throw = true;
            rig.Node.RequestPowerMode(PowerModeRequest.Eco, "console");
            Assert.AreEqual(2L, rig.Node.Events.LastSeq);
            Assert.AreEqual(1L, rig.Node.ErrorCount(NodeSubsystem.Publish));

            rig.RunWindows(3);
            Assert.AreEqual(3L, rig.Node.Snapshot.WindowCount);
            Assert.IsTrue(rig.Node.ErrorCount(NodeSubsystem.Publish) >= 4);
            Assert.AreEqual(1, rig.Count(EventType.Error, "publish"));
            Assert.AreEqual(300, rig.Watchdog.Feeds);

            rig.Publisher.Throw = false;
            long errors = rig.Node.ErrorCount(NodeSubsystem.Publish);
            rig.RunWindows(1);
            Assert.AreEqual(errors, rig.Node.ErrorCount(NodeSubsystem.Publish));
        }

        [TestMethod]
        public void TheWatchdogIsFedOnEveryTick()
        {
            NodeRig rig = new NodeRig();
            rig.Start();
            rig.RunWindows(1);
            Assert.AreEqual(100, rig.Watchdog.Feeds);
        }
    }
}
