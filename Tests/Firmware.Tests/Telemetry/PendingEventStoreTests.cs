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
    public class PendingEventStoreTests
    {
        private const int FileBytes = 8 * (32 + 11) + 10;

        [TestMethod]
        public void EventsSurviveInOrderAndTelemetryIsLeftBehind()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            PublishQueue before = new PublishQueue(8, 32);
            Add(before, PublishKind.Event, 5, 10);
            Add(before, PublishKind.Telemetry, 0, 20);
            Add(before, PublishKind.Alarm, 6, 30);

            Assert.IsTrue(PendingEventStore.Save(before, flash) == StorageStatus.Ok);
            Assert.AreEqual(3, before.Count);

            PublishQueue after = new PublishQueue(8, 32);
            Assert.AreEqual(2, PendingEventStore.Restore(after, flash, FileBytes));

            Assert.AreEqual(2, after.Count);
            Assert.AreEqual(5L, after.SeqAt(0));
            Assert.IsTrue(after.KindAt(0) == PublishKind.Event);
            Assert.AreEqual(6L, after.SeqAt(1));
            Assert.IsTrue(after.KindAt(1) == PublishKind.Alarm);
            int slot = after.BeginSend();
            Assert.AreEqual(10, after.Length(slot));
            Assert.AreEqual(5, (int)after.Buffer(slot)[9]);

            // Restored once: the file is gone.
            Assert.IsFalse(flash.Exists(PendingEventStore.FileName));
            Assert.AreEqual(0, PendingEventStore.Restore(new PublishQueue(8, 32), flash, FileBytes));
        }

        [TestMethod]
        public void NothingPendingWritesNothingAndRemovesAnOldFile()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            PublishQueue queue = new PublishQueue(8, 32);
            Add(queue, PublishKind.Event, 1, 4);
            PendingEventStore.Save(queue, flash);

            PublishQueue onlyTelemetry = new PublishQueue(8, 32);
            Add(onlyTelemetry, PublishKind.Telemetry, 0, 4);
            Assert.IsTrue(PendingEventStore.Save(onlyTelemetry, flash) == StorageStatus.Ok);

            Assert.IsFalse(flash.Exists(PendingEventStore.FileName));
        }

        [TestMethod]
        public void ADamagedFileIsIgnoredAndDeleted()
        {
            MemoryFileStorage flash = new MemoryFileStorage();
            PublishQueue queue = new PublishQueue(8, 32);
            Add(queue, PublishKind.Event, 1, 12);
            Add(queue, PublishKind.Event, 2, 12);
            PendingEventStore.Save(queue, flash);
            byte[] file = flash.Get(PendingEventStore.FileName);
            file[20] ^= 0x10;
            flash.Put(PendingEventStore.FileName, file);

            PublishQueue after = new PublishQueue(8, 32);
            Assert.AreEqual(0, PendingEventStore.Restore(after, flash, FileBytes));
            Assert.AreEqual(0, after.Count);
            Assert.IsFalse(flash.Exists(PendingEventStore.FileName));
        }

        [TestMethod]
        public void ADeepSleepKeepsUndeliveredEventsAndTheNextBootSendsThemFirst()
        {
            PublisherRig asleep = new PublisherRig(null);
            asleep.Transport.BrokerUp = false;
            asleep.Start();
            asleep.RunWindows(2);
            for (int i = 0; i < 3; i++)
            {
                asleep.Node.RecordEvent(EventType.Power, "power", "sleep", i, 0, "", 0, "machine_off");
            }

            long lastSeq = asleep.Node.Events.LastSeq;
            asleep.Publisher.RequestSleep();
            Assert.IsTrue(asleep.Publisher.ReadyForSleep);
            asleep.Publisher.SavePending();
            Assert.AreEqual(0, asleep.Publisher.QueueDepth);

            PublisherRig woken = new PublisherRig(null, asleep.Storage, true);
            woken.StartAndConnect();

            long expected = 1;
            long bootSeq = woken.Node.Events.Newest(woken.Node.Events.Count - 1).Seq;
            Assert.IsTrue(bootSeq > lastSeq);
            for (int i = 0; i < woken.Transport.Count; i++)
            {
                if (woken.Transport.Topic(i) != PublisherRig.TopicOf("event"))
                {
                    continue;
                }

                long seq = JsonText.Integer(woken.Transport.Text(i), "seq");
                if (expected <= lastSeq)
                {
                    Assert.AreEqual(expected, seq);
                    expected++;
                }
                else
                {
                    Assert.AreEqual(bootSeq, seq);
                    expected = long.MaxValue;
                }
            }

            Assert.AreEqual(long.MaxValue, expected);
        }

        private static void Add(PublishQueue queue, PublishKind kind, long seq, int length)
        {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++)
            {
                payload[i] = (byte)seq;
            }

            queue.Enqueue(kind, seq, payload, length);
        }
    }
}
