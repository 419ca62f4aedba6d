using SensorNode.Core.Config;
using SensorNode.Core.Node;
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
        public void AFreshNodeStartsAtOneAndTheFirstEventReservesABlock()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            EventSequenceStore store = new EventSequenceStore(flash, 64);

            Assert.AreEqual(1L, store.Boot());
            Assert.AreEqual(0, store.Writes);
            store.Observe(1);
            Assert.AreEqual(66L, store.ReservedLimit);
            Assert.AreEqual(1, store.Writes);
        }

        [TestMethod]
        public void AWakeWithoutEventsWritesNothing()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            EventSequenceStore first = new EventSequenceStore(flash, 64);
            long next = first.Boot();
            for (long seq = next; seq < next + 5; seq++)
            {
                first.Observe(seq);
            }

            next += 5;
            first.SaveNext(next);
            int operationsBefore = flash.MutatingOperations;
            for (int wake = 0; wake < 10; wake++)
            {
                EventSequenceStore quiet = new EventSequenceStore(flash, 64);
                Assert.AreEqual(next, quiet.Boot());
                quiet.SaveNext(next);
                Assert.AreEqual(0, quiet.Writes);
            }

            Assert.AreEqual(operationsBefore, flash.MutatingOperations);
        }

        [TestMethod]
        public void NumbersContinueExactlyAcrossPlannedSleeps()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            long expected = 1;
            for (int wake = 0; wake < 30; wake++)
            {
                EventSequenceStore store = new EventSequenceStore(flash, 64);
                Assert.AreEqual(expected, store.Boot());
                int events = wake * 13 % 80;
                for (long seq = expected; seq < expected + events; seq++)
                {
                    store.Observe(seq);
                }

                expected += events;
                store.SaveNext(expected);
            }
        }

        [TestMethod]
        public void ThePublisherSavesTheNextNumberBeforeADeepSleep()
        {
            PublisherRig asleep = new PublisherRig(null);
            asleep.Start();
            for (int i = 0; i < 3; i++)
            {
                asleep.Node.RecordEvent(EventType.Config, "test", "set", i, 0, "", 0, "console");
            }

            long lastSeq = asleep.Node.Events.LastSeq;
            asleep.Publisher.RequestSleep();
            asleep.Publisher.SavePending();

            // A routine timer wake records no boot event; its first event follows on.
            PublisherRig woken = new PublisherRig(null, asleep.Storage, true);
            woken.Publisher.Attach(woken.Node, woken.Interpreter, woken.Storage);
            woken.Node.Start(WakeCause.Timer, ConfigLoadOutcome.Loaded, false);
            woken.Node.RecordEvent(EventType.Config, "test", "set", 9, 0, "", 0, "console");

            Assert.AreEqual(lastSeq + 1, woken.Node.Events.LastSeq);
        }

        [TestMethod]
        public void AnUnplannedResetNeverRepeatsANumber()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            long next = 1;
            long exactNext = 1;
            for (int wake = 0; wake < 40; wake++)
            {
                EventSequenceStore store = new EventSequenceStore(flash, 64);
                long first = store.Boot();
                Assert.IsTrue(first >= next, "wake " + wake + " started at " + first + " before " + next);
                Assert.IsTrue(first <= next + 64, "wake " + wake + " skipped from " + next + " to " + first);
                if (exactNext > 0)
                {
                    Assert.AreEqual(exactNext, first);
                }

                int events = wake * 17 % 90;
                for (long seq = first; seq < first + events; seq++)
                {
                    store.Observe(seq);
                }

                next = first + events;

                // Wakes end in turn in a reset, a sleep whose saving write is cut (the first or the second), and a sleep.
                exactNext = 0;
                if (wake % 3 == 1)
                {
                    flash.CutPowerAt(wake % 2);
                    store.SaveNext(next);
                    flash.RestorePower();
                }
                else if (wake % 3 == 2)
                {
                    store.SaveNext(next);
                    exactNext = next;
                }
            }
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

            // One write at the first event, then one per 32 or 33 events.
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
            store.Observe(1);
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
            store.Observe(1);
            flash.NextWriteStatus = StorageStatus.Full;
            store.Observe(40);
            Assert.IsTrue(store.LastStatus == StorageStatus.Full);
            Assert.AreEqual(66L, store.ReservedLimit);

            store.Observe(41);

            Assert.IsTrue(store.LastStatus == StorageStatus.Ok);
            Assert.AreEqual(41L + 1 + 64, store.ReservedLimit);
        }
    }
}
