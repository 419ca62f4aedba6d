using SensorNode.Core.Anomaly;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Power
{
    [TestClass]
    public class ChannelStateTests
    {
        [TestMethod]
        public void RestoredChannelContinuesExactlyAsTheOriginal()
        {
            AnomalyChannel original = Channel();
            Feed(original, 0, 40);
            Assert.IsTrue(original.IsLearned);
            byte[] state = new byte[AnomalyChannel.StateBytes + 3];
            int written = original.SaveState(state, 3);
            Assert.AreEqual(AnomalyChannel.StateBytes, written);
            Assert.IsTrue(written <= 128);

            AnomalyChannel restored = Channel();
            Assert.IsTrue(restored.RestoreState(state, 3, AnomalyChannel.StateBytes));
            Assert.IsTrue(restored.IsLearned);
            Assert.AreEqual(original.Mean, restored.Mean);
            Assert.AreEqual(original.Spread, restored.Spread);
            Assert.AreEqual(original.ChangeCount, restored.ChangeCount);
            Assert.IsFalse(restored.LevelChanged);

            // Same inputs, same scores and levels, including a drift that raises an alarm.
            for (int i = 40; i < 120; i++)
            {
                int value = Value(i) + (i > 60 ? (i - 60) * 40 : 0);
                original.Update(value, true);
                restored.Update(value, true);
                Assert.AreEqual(original.ScoreQ15, restored.ScoreQ15);
                Assert.AreEqual((int)original.Level, (int)restored.Level);
            }

            Assert.AreEqual((int)ChannelLevel.Alarm, (int)restored.Level);
        }

        [TestMethod]
        public void OtherVersionOrShortBufferIsRefusedAndChangesNothing()
        {
            AnomalyChannel learned = Channel();
            Feed(learned, 0, 40);
            byte[] state = new byte[AnomalyChannel.StateBytes];
            learned.SaveState(state, 0);

            AnomalyChannel fresh = Channel();
            Assert.IsFalse(fresh.RestoreState(state, 0, AnomalyChannel.StateBytes - 1));
            state[0] = AnomalyChannel.StateVersion + 1;
            Assert.IsFalse(fresh.RestoreState(state, 0, AnomalyChannel.StateBytes));
            Assert.IsFalse(fresh.IsLearned);
            Assert.AreEqual(0, fresh.Mean);
        }

        [TestMethod]
        public void UnknownLevelIsRefused()
        {
            AnomalyChannel learned = Channel();
            Feed(learned, 0, 40);
            byte[] state = new byte[AnomalyChannel.StateBytes];
            learned.SaveState(state, 0);

            // The level byte follows the version, four longs and fourteen ints.
            state[1 + 32 + 56] = 9;
            AnomalyChannel fresh = Channel();
            Assert.IsFalse(fresh.RestoreState(state, 0, AnomalyChannel.StateBytes));
            Assert.IsFalse(fresh.IsLearned);
        }

        [TestMethod]
        public void ChangeIsPendingDuringTheRaiseDwell()
        {
            AnomalyChannel channel = Channel();
            channel.Update(5000, true);
            Assert.IsFalse(channel.ChangePending);
            channel.Update(20000, true);
            Assert.IsTrue(channel.ChangePending);
            channel.Update(20000, true);
            channel.Update(20000, true);
            Assert.AreEqual((int)ChannelLevel.Alarm, (int)channel.Level);
            Assert.IsFalse(channel.ChangePending);
        }

        private static AnomalyChannel Channel()
        {
            var p = new AnomalyParameters();
            p.LearnWindows = 20;
            p.HighLimit = 15000;
            return new AnomalyChannel(p);
        }

        private static void Feed(AnomalyChannel channel, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                channel.Update(Value(i), true);
            }
        }

        private static int Value(int i)
        {
            return 5000 + (i * 37 % 11) * 10;
        }
    }
}
