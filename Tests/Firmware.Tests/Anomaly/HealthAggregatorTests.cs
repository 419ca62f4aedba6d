using SensorNode.Core.Anomaly;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Anomaly
{
    [TestClass]
    public class HealthAggregatorTests
    {
        private static AnomalyChannel ChannelAt(ChannelLevel level)
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.SpreadFloor = 10;
            p.PlausibleMax = 100000;
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.LearnFlat(channel, 1000);
            int value = level == ChannelLevel.Watch ? 1050 : level == ChannelLevel.Alarm ? 1090 : level == ChannelLevel.Fault ? 200000 : 1000;
            for (int i = 0; i < p.RaiseDwellWindows; i++)
            {
                channel.Update(value, true);
            }

            Assert.AreEqual(level, channel.Level);
            return channel;
        }

        [TestMethod]
        public void AllOk()
        {
            HealthAggregator health = new HealthAggregator();
            health.Evaluate(new AnomalyChannel[] { ChannelAt(ChannelLevel.Ok), ChannelAt(ChannelLevel.Ok) });
            Assert.AreEqual(ChannelLevel.Ok, health.Health);
            Assert.AreEqual(ChannelLevel.Ok, health.MachineLevel);
            Assert.AreEqual(0, health.FaultCount + health.AlarmCount + health.WatchCount);
        }

        [TestMethod]
        public void AlarmOutranksFault_AndBothAreCounted()
        {
            HealthAggregator health = new HealthAggregator();
            health.Evaluate(new AnomalyChannel[] { ChannelAt(ChannelLevel.Fault), null, ChannelAt(ChannelLevel.Alarm), ChannelAt(ChannelLevel.Watch) });
            Assert.AreEqual(ChannelLevel.Alarm, health.Health);
            Assert.AreEqual(ChannelLevel.Alarm, health.MachineLevel);
            Assert.AreEqual(1, health.FaultCount);
            Assert.AreEqual(1, health.AlarmCount);
            Assert.AreEqual(1, health.WatchCount);
        }

        [TestMethod]
        public void FaultOutranksWatch_ButNotTheMachineLevel()
        {
            HealthAggregator health = new HealthAggregator();
            health.Evaluate(new AnomalyChannel[] { ChannelAt(ChannelLevel.Watch), ChannelAt(ChannelLevel.Fault) });
            Assert.AreEqual(ChannelLevel.Fault, health.Health);
            Assert.AreEqual(ChannelLevel.Watch, health.MachineLevel);
        }
    }
}
