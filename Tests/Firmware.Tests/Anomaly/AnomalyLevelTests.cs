using SensorNode.Core.Anomaly;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Anomaly
{
    [TestClass]
    public class AnomalyLevelTests
    {
        // Flat learned signal at 1000, SpreadFloor 10 (see AnomalyScoreTests): 1050 scores 0.571
        // (watch), 1090 scores 0.8 (alarm), 1042 scores 0.444 (between watch clear 0.4 and raise 0.5).
        private const int WatchValue = 1050;
        private const int AlarmValue = 1090;
        private const int BandValue = 1042;

        private static AnomalyChannel FlatChannel(AnomalyParameters p)
        {
            p.SpreadFloor = 10;
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.LearnFlat(channel, 1000);
            return channel;
        }

        /// <summary>Feeds value for windows-1 windows (no change allowed), then once more; returns whether that last one changed the level.</summary>
        private static bool ChangesExactlyAt(AnomalyChannel channel, int value, int windows)
        {
            for (int i = 0; i < windows - 1; i++)
            {
                channel.Update(value, true);
                if (channel.LevelChanged)
                {
                    return false;
                }
            }

            channel.Update(value, true);
            return channel.LevelChanged;
        }

        [TestMethod]
        public void StepChange_AlarmsAfterRaiseDwell()
        {
            AnomalyChannel channel = new AnomalyChannel(AnomalyFixture.EnvelopeOnly());
            NoiseSource noise = new NoiseSource(21);
            AnomalyFixture.Learn(channel, noise);
            for (int i = 1; i <= 3; i++)
            {
                channel.Update(AnomalyFixture.Mean + 200 + noise.Next(AnomalyFixture.NoiseAmplitude), true);
                Assert.AreEqual(i == 3, channel.LevelChanged);
            }

            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
            Assert.AreEqual(ChannelLevel.Ok, channel.PreviousLevel);
            Assert.AreEqual(LevelReason.ScoreHigh, channel.Reason);
            Assert.IsTrue(channel.EventValue >= 1180 && channel.EventValue <= 1220);
            Assert.AreEqual(channel.ScoreQ15, channel.EventScoreQ15);
            Assert.IsTrue(channel.EventScoreQ15 >= 24576);
            Assert.AreEqual(1, channel.ChangeCount);
        }

        [TestMethod]
        public void NoiseBurstShorterThanRaiseDwell_DoesNotAlarm()
        {
            // All three score terms on: the burst must not charge the smoothed or CUSUM terms either.
            AnomalyParameters p = new AnomalyParameters();
            p.LearnWindows = AnomalyFixture.LearnWindows;
            AnomalyChannel channel = new AnomalyChannel(p);
            NoiseSource noise = new NoiseSource(22);
            AnomalyFixture.Learn(channel, noise);
            int changes = 0;
            for (int burst = 0; burst < 5; burst++)
            {
                changes += AnomalyFixture.Run(channel, noise, 5000, p.RaiseDwellWindows - 1);
                changes += AnomalyFixture.Run(channel, noise, 0, 60);
            }

            Assert.AreEqual(0, changes);
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
        }

        [TestMethod]
        public void NormalNoise_NeverChangesLevel()
        {
            AnomalyParameters p = new AnomalyParameters();
            p.LearnWindows = AnomalyFixture.LearnWindows;
            AnomalyChannel channel = new AnomalyChannel(p);
            NoiseSource noise = new NoiseSource(23);
            AnomalyFixture.Learn(channel, noise);
            Assert.AreEqual(0, AnomalyFixture.Run(channel, noise, 0, 2000));
        }

        [TestMethod]
        public void EachTransitionWaitsForItsDwell()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            AnomalyChannel channel = FlatChannel(p);

            Assert.IsTrue(ChangesExactlyAt(channel, WatchValue, p.RaiseDwellWindows));
            Assert.AreEqual(ChannelLevel.Watch, channel.Level);
            Assert.AreEqual(LevelReason.ScoreHigh, channel.Reason);

            Assert.IsTrue(ChangesExactlyAt(channel, AlarmValue, p.RaiseDwellWindows));
            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
            Assert.AreEqual(ChannelLevel.Watch, channel.PreviousLevel);

            Assert.IsTrue(ChangesExactlyAt(channel, WatchValue, p.ClearDwellWindows));
            Assert.AreEqual(ChannelLevel.Watch, channel.Level);
            Assert.AreEqual(LevelReason.Cleared, channel.Reason);

            Assert.IsTrue(ChangesExactlyAt(channel, 1000, p.ClearDwellWindows));
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.AreEqual(ChannelLevel.Watch, channel.PreviousLevel);
            Assert.AreEqual(4, channel.ChangeCount);
        }

        [TestMethod]
        public void InterruptedRaiseRestartsTheDwell()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            AnomalyChannel channel = FlatChannel(p);
            channel.Update(AlarmValue, true);
            channel.Update(AlarmValue, true);
            channel.Update(1000, true);
            Assert.IsTrue(ChangesExactlyAt(channel, AlarmValue, p.RaiseDwellWindows));
            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
        }

        [TestMethod]
        public void RaiseTakesTheMildestLevelOfItsDwell()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            AnomalyChannel channel = FlatChannel(p);
            channel.Update(AlarmValue, true);
            channel.Update(WatchValue, true);
            channel.Update(AlarmValue, true);
            Assert.IsTrue(channel.LevelChanged);
            Assert.AreEqual(ChannelLevel.Watch, channel.Level);
        }

        [TestMethod]
        public void Hysteresis_HoldsWatchBetweenClearAndRaise()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            AnomalyChannel channel = FlatChannel(p);

            // From Ok, a score in the band never raises.
            for (int i = 0; i < 20; i++)
            {
                AnomalyChannel fresh = FlatChannel(AnomalyFixture.EnvelopeOnly());
                fresh.Update(BandValue, true);
                Assert.AreEqual(ChannelLevel.Ok, fresh.Level);
                Assert.IsTrue(fresh.ScoreQ15 > p.WatchClearQ15 && fresh.ScoreQ15 < p.WatchRaiseQ15);
            }

            Assert.IsTrue(ChangesExactlyAt(channel, WatchValue, p.RaiseDwellWindows));
            for (int i = 0; i < 50; i++)
            {
                channel.Update(BandValue, true);
                Assert.AreEqual(ChannelLevel.Watch, channel.Level);
            }

            Assert.IsTrue(ChangesExactlyAt(channel, 1000, p.ClearDwellWindows));
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
        }

        [TestMethod]
        public void AboveHighLimit_AlarmsEvenWhileLearning()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.HighLimit = 1500;
            AnomalyChannel channel = new AnomalyChannel(p);
            channel.Update(1000, true);
            Assert.IsTrue(ChangesExactlyAt(channel, 1600, p.RaiseDwellWindows));
            Assert.IsFalse(channel.IsLearned);
            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
            Assert.AreEqual(LevelReason.AboveLimit, channel.Reason);
            Assert.AreEqual(1600, channel.EventValue);

            // Windows over the limit never entered the baseline.
            Assert.AreEqual(1000, channel.Mean);
            Assert.IsTrue(ChangesExactlyAt(channel, 1000, p.ClearDwellWindows));
            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
        }

        [TestMethod]
        public void BelowLowLimit_AlarmsWhileTheMachineIsNotRunning()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.LowLimit = 100;
            AnomalyChannel channel = FlatChannel(p);
            for (int i = 0; i < p.RaiseDwellWindows; i++)
            {
                channel.Update(50, false);
            }

            Assert.AreEqual(ChannelLevel.Alarm, channel.Level);
            Assert.AreEqual(LevelReason.BelowLimit, channel.Reason);
        }
    }
}
