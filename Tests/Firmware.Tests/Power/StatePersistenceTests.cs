using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Power
{
    [TestClass]
    public class StatePersistenceTests
    {
        [TestMethod]
        public void LearnedBaselinesSurviveADeepSleep()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(30000);
            Assert.IsTrue(rig.Core.Snapshot.ChannelLearned(NodeChannels.Velocity));
            rig.Command("mode sleep");
            rig.RunUntilDeepSleep(30000);

            // Restored at boot, before any window: learned, running, no relearning afterwards.
            PowerRig woken = rig.WakeUp(WakeCause.Timer);
            Assert.AreEqual((int)StateLoadOutcome.Loaded, (int)woken.Power.StateLoad);
            Assert.IsTrue(woken.Core.Snapshot.ChannelLearned(NodeChannels.Velocity));
            Assert.IsTrue(woken.Core.Snapshot.ChannelLearned(NodeChannels.Current));
            Assert.AreEqual(2, (int)woken.Core.Snapshot.Machine);
            woken.RunUntilDeepSleep(30000);
            Assert.IsTrue(woken.Core.Snapshot.ChannelLearned(NodeChannels.Velocity));
            Assert.AreEqual(0, woken.Core.Snapshot.AlarmCount);
            Assert.IsTrue(woken.Newest(EventType.Machine) == null);
        }

        [TestMethod]
        public void StateIsWrittenAMinuteAfterAChangeNotAtOnce()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(30000);
            Assert.IsFalse(rig.Storage.Exists(NodeStateStore.FileName));
            rig.RunFor(40000);
            Assert.IsTrue(rig.Storage.Exists(NodeStateStore.FileName));
            Assert.AreEqual(1, rig.Store.Writes);

            // Learning and adaptation alone wait for the 15-minute interval.
            rig.RunFor(120000);
            Assert.AreEqual(1, rig.Store.Writes);
        }

        [TestMethod]
        public void CorruptStateFileIsReportedAndTheNodeStartsAfresh()
        {
            var rig = new PowerRig(PowerRig.Fast);
            byte[] garbage = new byte[100];
            for (int i = 0; i < garbage.Length; i++)
            {
                garbage[i] = (byte)(i * 7);
            }

            rig.Storage.Put(NodeStateStore.FileName, garbage);
            rig.Boot();
            Assert.AreEqual((int)StateLoadOutcome.Corrupt, (int)rig.Power.StateLoad);
            NodeEvent recovered = rig.Newest(EventType.Config);
            Assert.AreEqual("state", recovered.Channel);
            Assert.AreEqual("corrupt_file", recovered.Reason);
            Assert.AreEqual((int)PowerMode.Active, (int)rig.Power.Mode);
            Assert.IsFalse(rig.Core.Snapshot.ChannelLearned(NodeChannels.Velocity));
        }

        [TestMethod]
        public void FlippedBitIsCaughtByTheChecksum()
        {
            PowerRig rig = LearnedAndSaved();
            byte[] bytes = rig.Storage.Get(NodeStateStore.FileName);
            bytes[bytes.Length / 2] ^= 0x10;
            rig.Storage.Put(NodeStateStore.FileName, bytes);
            rig.Storage.Delete(NodeStateStore.TempFileName);

            var store = new NodeStateStore(rig.Storage);
            var other = new PowerRig(PowerRig.Fast);
            Assert.AreEqual((int)StateLoadOutcome.Corrupt, (int)store.Load(other.Core));
        }

        [TestMethod]
        public void PowerCutBeforeTheRenameKeepsTheVerifiedTempFile()
        {
            PowerRig rig = LearnedAndSaved();
            rig.Storage.Delete(NodeStateStore.FileName);

            // The save's write succeeds and is verified; the cut hits the rename.
            rig.Storage.CutPowerAt(1);
            Assert.IsFalse(rig.Store.Save(rig.Core));
            rig.Storage.RestorePower();
            Assert.IsFalse(rig.Storage.Exists(NodeStateStore.FileName));

            var other = new PowerRig(PowerRig.Fast);
            var store = new NodeStateStore(rig.Storage);
            Assert.AreEqual((int)StateLoadOutcome.Loaded, (int)store.Load(other.Core));
        }

        [TestMethod]
        public void CutTempWriteLeavesTheOldFile()
        {
            PowerRig rig = LearnedAndSaved();
            byte[] before = rig.Storage.Get(NodeStateStore.FileName);
            rig.Storage.CutPowerAt(0);
            Assert.IsFalse(rig.Store.Save(rig.Core));
            rig.Storage.RestorePower();
            CollectionAssertEqual(before, rig.Storage.Get(NodeStateStore.FileName));

            var other = new PowerRig(PowerRig.Fast);
            Assert.AreEqual((int)StateLoadOutcome.Loaded, (int)new NodeStateStore(rig.Storage).Load(other.Core));
        }

        private static PowerRig LearnedAndSaved()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(70000);
            Assert.IsTrue(rig.Store.Writes >= 1);
            return rig;
        }

        private static void CollectionAssertEqual(byte[] expected, byte[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i]);
            }
        }
    }
}
