using SensorNode.Core.Anomaly;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Anomaly
{
    [TestClass]
    public class AnomalyScoreTests
    {
        // Flat learned signal at 1000 with SpreadFloor 10: envelope half-width = 3 spreads = 30,
        // excess = (|x - 1000| - 30) / 30, u = excess / 0.5, score = 32768 u / (u + 1).
        private static AnomalyChannel FlatChannel()
        {
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.SpreadFloor = 10;
            AnomalyChannel channel = new AnomalyChannel(p);
            AnomalyFixture.LearnFlat(channel, 1000);
            return channel;
        }

        [TestMethod]
        [DataRow(1000, 0)]
        [DataRow(1030, 0)]
        [DataRow(970, 0)]
        [DataRow(1045, 16384)]
        [DataRow(955, 16384)]
        [DataRow(1075, 24576)]
        [DataRow(1060, 21845)]
        public void EnvelopeScoreMatchesFormula(int value, int expectedQ15)
        {
            AnomalyChannel channel = FlatChannel();
            channel.Update(value, true);
            Assert.AreEqual(expectedQ15, channel.ScoreQ15);
        }

        [TestMethod]
        public void ScoreIsMonotoneInDeviation()
        {
            int previous = -1;
            for (int offset = 0; offset <= 3000; offset += 15)
            {
                AnomalyChannel channel = FlatChannel();
                channel.Update(1000 + offset, true);
                Assert.IsTrue(channel.ScoreQ15 >= previous, "offset " + offset);
                previous = channel.ScoreQ15;
            }

            Assert.IsTrue(previous > 32000);
        }

        [TestMethod]
        public void ScoreStaysInQ15RangeOnExtremeInput()
        {
            AnomalyParameters p = new AnomalyParameters();
            p.LearnWindows = 10;
            AnomalyChannel channel = new AnomalyChannel(p);
            NoiseSource noise = new NoiseSource(9);
            int[] extremes = new int[] { int.MaxValue, int.MinValue, 0, int.MaxValue - 1, int.MinValue + 1, 1 };
            for (int i = 0; i < 400; i++)
            {
                int value = i % 3 == 0 ? extremes[i % extremes.Length] : noise.Next(1000000);
                channel.Update(value, true);
                Assert.IsTrue(channel.ScoreQ15 >= 0 && channel.ScoreQ15 <= 32767, "score " + channel.ScoreQ15);
            }
        }

        [TestMethod]
        public void NotRunning_DoesNotScore()
        {
            AnomalyChannel channel = FlatChannel();
            for (int i = 0; i < 20; i++)
            {
                // An idle machine reads far below its running baseline: not an anomaly.
                channel.Update(0, false);
                Assert.AreEqual(0, channel.ScoreQ15);
            }

            Assert.AreEqual(ChannelLevel.Ok, channel.Level);
            Assert.AreEqual(1000, channel.Mean);
        }

        [TestMethod]
        public void SmallSustainedShift_CusumCatchesWhatSmoothedDeviationMisses()
        {
            // A shift of 1.2 spreads: inside the envelope margin, under the smoothed term's reference.
            AnomalyParameters smoothedOnly = new AnomalyParameters();
            smoothedOnly.LearnWindows = AnomalyFixture.LearnWindows;
            smoothedOnly.CusumRefQ8 = 0;
            AnomalyParameters full = new AnomalyParameters();
            full.LearnWindows = AnomalyFixture.LearnWindows;

            AnomalyChannel withoutCusum = new AnomalyChannel(smoothedOnly);
            AnomalyChannel withCusum = new AnomalyChannel(full);
            NoiseSource noiseA = new NoiseSource(11);
            NoiseSource noiseB = new NoiseSource(11);
            AnomalyFixture.Learn(withoutCusum, noiseA);
            AnomalyFixture.Learn(withCusum, noiseB);

            int changes = AnomalyFixture.Run(withoutCusum, noiseA, 12, 300);
            Assert.AreEqual(0, changes);
            Assert.AreEqual(ChannelLevel.Ok, withoutCusum.Level);

            int windowsToWatch = -1;
            for (int i = 0; i < 300 && withCusum.Level != ChannelLevel.Alarm; i++)
            {
                AnomalyFixture.Run(withCusum, noiseB, 12, 1);
                if (windowsToWatch < 0 && withCusum.Level == ChannelLevel.Watch)
                {
                    windowsToWatch = i + 1;
                }
            }

            // Expected: (1.2 - 0.75) spreads per window reach 16 spreads after ~36 windows, + dwell.
            Assert.IsTrue(windowsToWatch > 0 && windowsToWatch <= 60, "windows to watch " + windowsToWatch);
            Assert.AreEqual(ChannelLevel.Alarm, withCusum.Level);
            Assert.AreEqual(LevelReason.ScoreHigh, withCusum.Reason);
        }

        [TestMethod]
        public void SlowRamp_IsCaughtBeforeItLeavesTheEnvelope()
        {
            // 0.05 spread per window; the envelope term alone would need the ramp to pass 3 spreads
            // plus half the envelope (4.5 spreads beyond the learned range).
            AnomalyParameters p = new AnomalyParameters();
            p.LearnWindows = AnomalyFixture.LearnWindows;
            AnomalyChannel channel = new AnomalyChannel(p);
            NoiseSource noise = new NoiseSource(12);
            AnomalyFixture.Learn(channel, noise);
            int rampAtWatch = -1;
            for (int i = 0; i < 600 && rampAtWatch < 0; i++)
            {
                int ramp = i / 2;
                channel.Update(AnomalyFixture.Mean + ramp + noise.Next(AnomalyFixture.NoiseAmplitude), true);
                if (channel.Level != ChannelLevel.Ok)
                {
                    rampAtWatch = ramp;
                }
            }

            Assert.IsTrue(rampAtWatch > 0 && rampAtWatch < 45, "ramp at watch " + rampAtWatch);
        }
    

        [TestMethod]
        [DataRow(0, 30, true)]
        [DataRow(50, 30, false)]
        [DataRow(50, 400, true)]
        public void RelativeSpreadFloor_IgnoresSmallChangesOfAQuietSignal(int spreadFloorPerMille, int step, bool expectAlarm)
        {
            // Learned at 1000 +/- 2 (spread about 1): a 3 % step is 30 spreads unless the spread is
            // floored at 5 % of the mean (50), where it stays inside the 3-spread envelope margin.
            AnomalyParameters p = AnomalyFixture.EnvelopeOnly();
            p.SpreadFloorPerMille = spreadFloorPerMille;
            AnomalyChannel channel = new AnomalyChannel(p);
            NoiseSource noise = new NoiseSource(21);
            for (int i = 0; i < AnomalyFixture.LearnWindows; i++)
            {
                channel.Update(AnomalyFixture.Mean + noise.Next(2), true);
            }

            for (int i = 0; i < 10; i++)
            {
                channel.Update(AnomalyFixture.Mean + step + noise.Next(2), true);
            }

            Assert.AreEqual(expectAlarm ? ChannelLevel.Alarm : ChannelLevel.Ok, channel.Level);
            Assert.AreEqual(expectAlarm, channel.ScoreQ15 > 0);
        }

        [TestMethod]
        public void RelativeSpreadFloor_OutOfRangeIsRejected()
        {
            AnomalyParameters p = new AnomalyParameters();
            p.SpreadFloorPerMille = -1;
            AssertThrowsHelper.OutOfRange(p);
            p.SpreadFloorPerMille = 1001;
            AssertThrowsHelper.OutOfRange(p);
        }
    }
}
