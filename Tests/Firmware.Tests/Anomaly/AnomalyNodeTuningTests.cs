using SensorNode.Core.Anomaly;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Anomaly
{
    /// <summary>
    /// What the node's channels rely on: a stuck fault from a frozen raw output, the stuck check gated apart from
    /// learning, high-side-only scoring, and a CUSUM that cannot wind up during a long fault.
    /// </summary>
    [TestClass]
    public class AnomalyNodeTuningTests
    {
        [TestMethod]
        public void FrozenRawOutput_FaultsAsStuckAfterTheMissingCountAndRecovers()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.MissingWindows = 3;
            p.RecoverWindows = 2;
            NoiseSource noise = new NoiseSource(5);
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.Learn(channel, noise);
            int meanBefore = channel.Mean;

            channel.MarkSensorStuck(0);
            channel.MarkSensorStuck(0);
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.IsTrue(channel.ChangePending);
            channel.MarkSensorStuck(0);

            Assert.AreEqual(ChannelLevel.Fault, channel.Level);
            Assert.IsTrue(channel.LevelChanged);
            Assert.AreEqual(LevelReason.Stuck, channel.Reason);
            Assert.AreEqual(0, channel.EventValue);
            Assert.AreEqual(meanBefore, channel.Mean);

            AnomalyFixture.Run(channel, noise, 0, 2);
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.AreEqual(LevelReason.Recovered, channel.Reason);
        }

        [TestMethod]
        public void AReadingBetweenFrozenWindows_RestartsTheCount()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.MissingWindows = 3;
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.Learn(channel, new NoiseSource(6));
            for (int i = 0; i < 10; i++)
            {
                channel.MarkSensorStuck(0);
                channel.MarkSensorStuck(0);
                channel.Update(AnomalyFixture.Mean, true);
            }

            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
        }

        [TestMethod]
        public void StuckCheckCountsWhileRunningEvenWhenNotLearning()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.StuckWindows = 20;
            AnomalyChannel channel = new AnomalyChannel(p);
            for (int i = 0; i < 19; i++)
            {
                channel.Update(4000, true, false);
            }

            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.IsFalse(channel.IsLearned);
            channel.Update(4000, true, false);

            Assert.AreEqual(ChannelLevel.Fault, channel.Level);
            Assert.AreEqual(LevelReason.Stuck, channel.Reason);

            // Not running: a repeated value is a machine at rest, never a stuck sensor.
            AnomalyChannel resting = new AnomalyChannel(p);
            for (int i = 0; i < 100; i++)
            {
                resting.Update(4000, false, false);
            }

            Assert.AreEqual(ChannelLevel.Ok, resting.Level);
        }

        [TestMethod]
        public void RunningWithoutLearning_NeitherLearnsNorScoresButKeepsTheLimit()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.HighLimit = 5000;
            AnomalyChannel channel = new AnomalyChannel(p);
            for (int i = 0; i < 100; i++)
            {
                channel.Update(1000 + 30 * i, true, false);
                Assert.AreEqual(0, channel.ScoreQ15);
            }

            Assert.IsFalse(channel.IsLearned);
            for (int i = 0; i < 3; i++)
            {
                channel.Update(6000, true, false);
            }

            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
            Assert.AreEqual(LevelReason.AboveLimit, channel.Reason);
        }

        [TestMethod]
        public void HighSideOnly_ScoresARiseAndIgnoresAFall()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.HighSideOnly = true;
            NoiseSource noise = new NoiseSource(8);
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.Learn(channel, noise);

            AnomalyFixture.Run(channel, noise, -600, 50);
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.AreEqual(0, channel.ScoreQ15);

            AnomalyChannel both = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            AnomalyFixture.Learn(both, new NoiseSource(8));
            AnomalyFixture.Run(both, new NoiseSource(9), -600, 10);
            Assert.AreEqual(ChannelLevel.Alarm, both.Level);

            AnomalyChannel rising = new AnomalyChannel(p);
            AnomalyFixture.Learn(rising, new NoiseSource(8));
            AnomalyFixture.Run(rising, new NoiseSource(9), 600, 10);
            Assert.AreEqual(ChannelLevel.Alarm, rising.Level);
        }

        [TestMethod]
        public void ALongFault_ClearsWithinTheCusumCapAfterItEnds()
        {
            // CUSUM alone (slack 0.75, reference 16 spreads): a sustained shift of 4 spreads alarms; a thousand windows of
            // it wind the sum up no further than 8 references, which drains below the watch clear threshold (score 0.4,
            // 0.67 references) in (8 - 0.67) * 16 / 0.75 = 156 windows of the fault's end, plus two clear dwells and the
            // noise's share. Uncapped, the same fault would hold the alarm for (4 - 0.75) * 1000 / 0.75 = 4333 windows.
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.CusumRefQ8 = 4096;
            p.SpreadFloor = 20;
            NoiseSource noise = new NoiseSource(12);
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.Learn(channel, noise);
            AnomalyFixture.Run(channel, noise, 400, 1000);
            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);

            int windows = 0;
            while (channel.Level != ChannelLevel.Ok && windows < 10000)
            {
                AnomalyFixture.Run(channel, noise, 0, 1);
                windows++;
            }

            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.IsTrue(windows <= 200, "cleared after " + windows + " windows");
        }
    }
}
