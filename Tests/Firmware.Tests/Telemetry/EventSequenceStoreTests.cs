using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Support;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class EventSequenceStoreTests
    {
        [TestMethod]
        public void AFreshNodeStartsAtOneAndReservesABlock()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            EventSequenceStore store = new EventSequenceStore(flash, 64);

            Assert.AreEqual(1L, store.Boot());
            Assert.AreEqual(65L, store.ReservedLimit);
            Assert.AreEqual(1, store.Writes);
        }

        [TestMethod]
        public void NumbersKeepIncreasingAcrossReboots()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            long last = 0;
            for (int boot = 0; boot < 20; boot++)
            {
                EventSequenceStore store = new EventSequenceStore(flash, 64);
                long first = store.Boot();
                Assert.IsTrue(first > last, "boot " + boot + " started at " + first + " after " + last);

                // A boot skips at most one block.
                Assert.IsTrue(first <= last + 1 + 64, "boot " + boot + " skipped from " + last + " to " + first);
                int events = boot * 17 % 90;
                for (long seq = first; seq < first + events; seq++)
                {
                    store.Observe(seq);
                    last = seq;
                }

                if (events == 0)
                {
                    last = first - 1;
                }
            }
        }

        [TestMethod]
        public void FlashIsWrittenOncePerHalfBlock()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            EventSequenceStore store = new EventSequenceStore(flash, 64);
            long first = store.Boot();
            for (long seq = first; seq < first + 320; seq++)
            {
                store.Observe(seq);
                Assert.IsTrue(store.ReservedLimit > seq);
            }

            // One write at boot, then one per 32 or 33 events.
            Assert.IsTrue(store.Writes >= 1 + 320 / 33 && store.Writes <= 1 + 320 / 32 + 1, "writes " + store.Writes);
        }

        [TestMethod]
        public void APowerCutDuringAWriteLosesNoNumbers()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            EventSequenceStore store = new EventSequenceStore(flash, 64);
            long first = store.Boot();
            long seq = first;
            for (; seq < first + 40; seq++)
            {
                store.Observe(seq);
            }

            // The next reservation write is cut half-way: that file is spoilt, the other holds the previous limit.
            flash.CutPowerAt(0);
            for (; seq < first + 80; seq++)
            {
                store.Observe(seq);
            }

            flash.RestorePower();
            EventSequenceStore after = new EventSequenceStore(flash, 64);
            long next = after.Boot();
            long lastUsed = seq - 1;
            Assert.IsTrue(next > lastUsed, "started at " + next + " after " + lastUsed);
        }

        [TestMethod]
        public void ACorruptRecordIsIgnored()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            EventSequenceStore store = new EventSequenceStore(flash, 64);
            store.Boot();
            store.Observe(40);
            long limit = store.ReservedLimit;

            // The newest record gets a flipped bit: boot falls back to the older one (which still covers every used number).
            byte[] newest = flash.Get(EventSequenceStore.FileA);
            newest[6] ^= 1;
            flash.Put(EventSequenceStore.FileA, newest);

            EventSequenceStore after = new EventSequenceStore(flash, 64);
            long next = after.Boot();
            Assert.IsTrue(next > 40);
            Assert.IsTrue(next < limit);
        }

        [TestMethod]
        public void AFailedWriteIsRetriedAtTheNextEvent()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            EventSequenceStore store = new EventSequenceStore(flash, 64);
            store.Boot();
            flash.NextWriteStatus = StorageStatus.Full;
            store.Observe(40);
            Assert.IsTrue(store.LastStatus == StorageStatus.Full);
            Assert.AreEqual(65L, store.ReservedLimit);

            store.Observe(41);

            Assert.IsTrue(store.LastStatus == StorageStatus.Ok);
            Assert.AreEqual(41L + 1 + 64, store.ReservedLimit);
        }
    }
}
