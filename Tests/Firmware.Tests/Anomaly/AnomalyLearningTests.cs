using System;
using SensorNode.Core.Anomaly;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Anomaly
{
    [TestClass]
    public class AnomalyLearningTests
    {
        [TestMethod]
        public void NotLearnedUntilLearnWindows_ScoresZeroMeanwhile()
        {
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            for (int i = 0; i < AnomalyFixture.LearnWindows - 1; i++)
            {
                // Wild values while learning: no score, no level change.
                channel.Update(i % 2 == 0 ? 0 : 100000, true);
                Assert.IsFalse(channel.IsLearned);
                Assert.AreEqual(0, channel.ScoreQ15);
                Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            }

            channel.Update(1000, true);
            Assert.IsTrue(channel.IsLearned);
        }

        [TestMethod]
        public void LearnsOnlyWhileRunning()
        {
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            for (int i = 0; i < 3 * AnomalyFixture.LearnWindows; i++)
            {
                channel.Update(5000, false);
            }

            Assert.IsFalse(channel.IsLearned);
            Assert.AreEqual(0, channel.Mean);

            AnomalyFixture.LearnFlat(channel, 1000);
            Assert.IsTrue(channel.IsLearned);
            Assert.AreEqual(1000, channel.Mean);
        }

        [TestMethod]
        public void LearnedMeanAndSpreadMatchTheSignal()
        {
            // Uniform noise +/-20: mean 1000, mean absolute deviation 10.
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            AnomalyFixture.Learn(channel, new NoiseSource(1));
            Assert.IsTrue(channel.Mean >= 995 && channel.Mean <= 1005, "mean " + channel.Mean);
            Assert.IsTrue(channel.Spread >= 7 && channel.Spread <= 13, "spread " + channel.Spread);
        }

        [TestMethod]
        public void OutlierWhileLearningIsClipped()
        {
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            NoiseSource noise = new NoiseSource(2);
            for (int i = 0; i < AnomalyFixture.LearnWindows; i++)
            {
                channel.Update(i == 20 ? 1000000 : AnomalyFixture.Mean + noise.Next(AnomalyFixture.NoiseAmplitude), true);
            }

            // Unclipped, the outlier alone would move the mean by 1e6 / 21, about 47600.
            Assert.IsTrue(channel.Mean >= 990 && channel.Mean <= 1010, "mean " + channel.Mean);
            Assert.IsTrue(channel.Spread <= 20, "spread " + channel.Spread);
        }

        [TestMethod]
        public void BaselineFreezesWhileAbnormal()
        {
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            NoiseSource noise = new NoiseSource(3);
            AnomalyFixture.Learn(channel, noise);
            int meanBefore = channel.Mean;
            AnomalyFixture.Run(channel, noise, 300, 200);
            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
            Assert.AreEqual(meanBefore, channel.Mean);
        }

        [TestMethod]
        public void AdaptAfterWindowsAcceptsANewNormal()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.AdaptAfterWindows = 5;
            AnomalyChannel channel = new AnomalyChannel(p);
            NoiseSource noise = new NoiseSource(3);
            AnomalyFixture.Learn(channel, noise);
            int meanBefore = channel.Mean;
            AnomalyFixture.Run(channel, noise, 300, 200);
            Assert.IsTrue(channel.Mean > meanBefore + 50, "mean " + channel.Mean);
        }

        [TestMethod]
        public void AdaptsSlowlyWhileNormal()
        {
            // A shift of 1 spread stays under the watch threshold; the mean follows it by 2^-8 per window.
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            NoiseSource noise = new NoiseSource(4);
            AnomalyFixture.Learn(channel, noise);
            int meanBefore = channel.Mean;
            int changes = AnomalyFixture.Run(channel, noise, 10, 512);
            Assert.AreEqual(0, changes);
            Assert.IsTrue(channel.Mean >= meanBefore + 6 && channel.Mean <= meanBefore + 14, "mean " + channel.Mean);
        }

        [TestMethod]
        public void RelearnResetsBaselineAndLevel()
        {
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            NoiseSource noise = new NoiseSource(5);
            AnomalyFixture.Learn(channel, noise);
            AnomalyFixture.Run(channel, noise, 300, 10);
            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);

            channel.Relearn();
            Assert.IsTrue(channel.LevelChanged);
            Assert.AreEqual(ChannelLevel.Alarm, channel.PreviousLevel);
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.AreEqual(LevelReason.Relearn, channel.Reason);
            Assert.IsFalse(channel.IsLearned);
            Assert.AreEqual(0, channel.ScoreQ15);

            // The new normal is learned and then scores low.
            AnomalyFixture.Run(channel, noise, 300, AnomalyFixture.LearnWindows);
            Assert.IsTrue(channel.IsLearned);
            int changes = AnomalyFixture.Run(channel, noise, 300, 100);
            Assert.AreEqual(0, changes);
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.IsTrue(channel.Mean >= 1290 && channel.Mean <= 1310, "mean " + channel.Mean);
        }

        [TestMethod]
        public void RelearnWhileOkReportsNoChange()
        {
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            AnomalyFixture.LearnFlat(channel, 1000);
            channel.Relearn();
            Assert.IsFalse(channel.LevelChanged);
            Assert.IsFalse(channel.IsLearned);
        }

        [TestMethod]
        public void InvalidParametersAreRejected()
        {
            AnomalyParameters p = new AnomalyParameters();
            p.WatchClearQ15 = p.WatchRaiseQ15 + 1;
            AssertThrowsHelper.OutOfRange(p);

            AnomalyParameters q = new AnomalyParameters();
            q.RaiseDwellWindows = 0;
            AssertThrowsHelper.OutOfRange(q);

            AnomalyParameters r = new AnomalyParameters();
            r.LowLimit = 10;
            r.HighLimit = 9;
            AssertThrowsHelper.OutOfRange(r);
        }
    }
}
