using SensorNode.Core.Anomaly;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Anomaly
{
    [TestClass]
    public class AnomalyFaultTests
    {
        private static AnomalyParameters FaultParameters()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.PlausibleMin = 0;
            p.PlausibleMax = 5000;
            p.StuckWindows = 10;
            p.MissingWindows = 3;
            p.RecoverWindows = 3;
            return p;
        }

        private static AnomalyChannel Learned(AnomalyParameters p, NoiseSource noise)
        {
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.Learn(channel, noise);
            return channel;
        }

        private static void AssertRecoversAfter(AnomalyChannel channel, NoiseSource noise, int recoverWindows)
        {
            for (int i = 1; i <= recoverWindows; i++)
            {
                AnomalyFixture.Run(channel, noise, 0, 1);
                Assert.AreEqual(i == recoverWindows ? ChannelLevel.Ok : ChannelLevel.Fault, channel.Level);
            }

            Assert.IsTrue(channel.LevelChanged);
            Assert.AreEqual(LevelReason.Recovered, channel.Reason);
            Assert.AreEqual(ChannelLevel.Fault, channel.PreviousLevel);
        }

        [TestMethod]
        public void ImpossibleValue_FaultsAtOnceAndRecovers()
        {
            AnomalyParameters p = FaultParameters();
            NoiseSource noise = new NoiseSource(31);
            AnomalyChannel channel = Learned(p, noise);
            int meanBefore = channel.Mean;
            for (int i = 0; i < 50; i++)
            {
                channel.Update(i % 2 == 0 ? 9000 : -5, true);
                Assert.AreEqual(ChannelLevel.Fault, channel.Level);
                Assert.AreEqual(0, channel.ScoreQ15);
                Assert.AreEqual(i == 0, channel.LevelChanged);
            }

            Assert.AreEqual(LevelReason.Impossible, channel.Reason);
            Assert.AreEqual(9000, channel.EventValue);
            Assert.AreEqual(meanBefore, channel.Mean);
            AssertRecoversAfter(channel, noise, p.RecoverWindows);
            Assert.AreEqual(meanBefore, channel.Mean);
        }

        [TestMethod]
        public void MissingSensor_FaultsAfterMissingWindowsAndRecovers()
        {
            AnomalyParameters p = FaultParameters();
            NoiseSource noise = new NoiseSource(32);
            AnomalyChannel channel = Learned(p, noise);
            channel.Update(1234, true);
            for (int i = 1; i <= p.MissingWindows; i++)
            {
                channel.MarkSensorMissing();
                Assert.AreEqual(i == p.MissingWindows, channel.LevelChanged);
            }

            Assert.AreEqual(ChannelLevel.Fault, channel.Level);
            Assert.AreEqual(LevelReason.Missing, channel.Reason);
            Assert.AreEqual(1234, channel.EventValue);
            AssertRecoversAfter(channel, noise, p.RecoverWindows);
        }

        [TestMethod]
        public void MissingWindowsMustBeConsecutive()
        {
            AnomalyParameters p = FaultParameters();
            NoiseSource noise = new NoiseSource(33);
            AnomalyChannel channel = Learned(p, noise);
            for (int i = 0; i < 20; i++)
            {
                channel.MarkSensorMissing();
                channel.MarkSensorMissing();
                AnomalyFixture.Run(channel, noise, 0, 1);
            }

            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
        }

        [TestMethod]
        public void StuckValueWhileRunning_FaultsAndRecovers()
        {
            AnomalyParameters p = FaultParameters();
            NoiseSource noise = new NoiseSource(34);
            AnomalyChannel channel = Learned(p, noise);
            for (int i = 1; i <= p.StuckWindows; i++)
            {
                channel.Update(1003, true);
                Assert.AreEqual(i == p.StuckWindows, channel.LevelChanged);
            }

            Assert.AreEqual(ChannelLevel.Fault, channel.Level);
            Assert.AreEqual(LevelReason.Stuck, channel.Reason);
            AssertRecoversAfter(channel, noise, p.RecoverWindows);
        }

        [TestMethod]
        public void RepeatedValueWhileNotRunning_IsNotStuck()
        {
            AnomalyParameters p = FaultParameters();
            NoiseSource noise = new NoiseSource(35);
            AnomalyChannel channel = Learned(p, noise);
            for (int i = 0; i < 10 * p.StuckWindows; i++)
            {
                channel.Update(20, false);
            }

            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
        }

        [TestMethod]
        public void StuckCheckDisabledByZero()
        {
            AnomalyParameters p = FaultParameters();
            p.StuckWindows = 0;
            AnomalyChannel channel = new AnomalyChannel(p);
            for (int i = 0; i < 500; i++)
            {
                channel.Update(1000, true);
            }

            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.IsTrue(channel.IsLearned);
        }

        [TestMethod]
        public void FaultOverridesAlarmAndRecoveryRestartsFromOk()
        {
            AnomalyParameters p = FaultParameters();
            NoiseSource noise = new NoiseSource(36);
            AnomalyChannel channel = Learned(p, noise);
            AnomalyFixture.Run(channel, noise, 300, 5);
            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
            channel.Update(-1, true);
            Assert.AreEqual(ChannelLevel.Fault, channel.Level);
            Assert.AreEqual(ChannelLevel.Alarm, channel.PreviousLevel);
            AssertRecoversAfter(channel, noise, p.RecoverWindows);
        }
    }
}
