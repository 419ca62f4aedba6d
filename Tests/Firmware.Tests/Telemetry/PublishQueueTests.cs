using System;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class PublishQueueTests
    {
        [TestMethod]
        public void EmptyQueueHasNothingToSend()
        {
            PublishQueue queue = new PublishQueue(4, 16);

            Assert.AreEqual(0, queue.Count);
            Assert.AreEqual(-1, queue.BeginSend());
            Assert.IsFalse(queue.SendInProgress);
        }

        [TestMethod]
        public void EntriesLeaveInArrivalOrderWithTheirBytes()
        {
            PublishQueue queue = new PublishQueue(4, 16);
            byte[] source = new byte[16];
            for (int seq = 1; seq <= 4; seq++)
            {
                Fill(source, (byte)(10 * seq), seq + 2);
                Assert.IsTrue(queue.Enqueue(PublishKind.Event, seq, source, seq + 2));
            }

            // The queue keeps copies: the caller's buffer is reused at once.
            Fill(source, 0xEE, 16);
            for (int seq = 1; seq <= 4; seq++)
            {
                int slot = queue.BeginSend();
                Assert.AreEqual((long)seq, queue.Seq(slot));
                Assert.AreEqual(seq + 2, queue.Length(slot));
                for (int i = 0; i < seq + 2; i++)
                {
                    Assert.AreEqual((int)(byte)(10 * seq), (int)queue.Buffer(slot)[i]);
                }

                queue.EndSend(true);
            }

            Assert.AreEqual(0, queue.Count);
        }

        [TestMethod]
        public void WhenFullTheOldestTelemetryGoesFirst()
        {
            PublishQueue queue = new PublishQueue(4, 8);
            Add(queue, PublishKind.Telemetry, 0);
            Add(queue, PublishKind.Event, 1);
            Add(queue, PublishKind.Telemetry, 0);
            Add(queue, PublishKind.Event, 2);

            Assert.IsTrue(Add(queue, PublishKind.Event, 3));

            AssertOrder(queue, new int[] { 1, 0, 2, 3 }, new int[] { 1, 0, 1, 1 });
            Assert.AreEqual(1, queue.DroppedTelemetry);
            Assert.AreEqual(0, queue.DroppedEvents);
        }

        [TestMethod]
        public void WithoutTelemetryTheOldestOrdinaryEventGoesAndAlarmsStay()
        {
            PublishQueue queue = new PublishQueue(3, 8);
            Add(queue, PublishKind.Alarm, 1);
            Add(queue, PublishKind.Event, 2);
            Add(queue, PublishKind.Event, 3);

            Assert.IsTrue(Add(queue, PublishKind.Event, 4));

            AssertOrder(queue, new int[] { 1, 3, 4 }, new int[] { 2, 1, 1 });
            Assert.AreEqual(1, queue.DroppedEvents);
            Assert.AreEqual(0, queue.DroppedAlarms);
        }

        [TestMethod]
        public void AnOrdinaryEventNeverPushesOutAnAlarm()
        {
            PublishQueue queue = new PublishQueue(3, 8);
            Add(queue, PublishKind.Alarm, 1);
            Add(queue, PublishKind.Alarm, 2);
            Add(queue, PublishKind.Alarm, 3);

            Assert.IsFalse(Add(queue, PublishKind.Event, 4));

            AssertOrder(queue, new int[] { 1, 2, 3 }, new int[] { 2, 2, 2 });
            Assert.AreEqual(1, queue.DroppedEvents);
            Assert.AreEqual(0, queue.DroppedAlarms);
        }

        [TestMethod]
        public void TelemetryNeverPushesOutAnEvent()
        {
            PublishQueue queue = new PublishQueue(2, 8);
            Add(queue, PublishKind.Event, 1);
            Add(queue, PublishKind.Alarm, 2);

            Assert.IsFalse(Add(queue, PublishKind.Telemetry, 0));

            AssertOrder(queue, new int[] { 1, 2 }, new int[] { 1, 2 });
            Assert.AreEqual(1, queue.DroppedTelemetry);
            Assert.AreEqual(0, queue.DroppedEvents);
        }

        [TestMethod]
        public void NewerTelemetryReplacesTheOldestTelemetry()
        {
            PublishQueue queue = new PublishQueue(2, 8);
            Add(queue, PublishKind.Telemetry, 0);
            Add(queue, PublishKind.Event, 7);

            Assert.IsTrue(Add(queue, PublishKind.Telemetry, 0));

            AssertOrder(queue, new int[] { 7, 0 }, new int[] { 1, 0 });
            Assert.AreEqual(1, queue.DroppedTelemetry);
        }

        [TestMethod]
        public void AQueueFullOfAlarmsGivesUpItsOldestAlarmForANewOne()
        {
            PublishQueue queue = new PublishQueue(2, 8);
            Add(queue, PublishKind.Alarm, 1);
            Add(queue, PublishKind.Alarm, 2);

            Assert.IsTrue(Add(queue, PublishKind.Alarm, 3));

            AssertOrder(queue, new int[] { 2, 3 }, new int[] { 2, 2 });
            Assert.AreEqual(1, queue.DroppedAlarms);
            Assert.AreEqual(1, queue.DroppedEvents);
        }

        [TestMethod]
        public void TheEntryBeingSentIsNeverEvicted()
        {
            PublishQueue queue = new PublishQueue(2, 8);
            Add(queue, PublishKind.Telemetry, 0);
            Add(queue, PublishKind.Telemetry, 0);
            int sending = queue.BeginSend();
            byte first = queue.Buffer(sending)[0];

            Assert.IsTrue(Add(queue, PublishKind.Event, 5));

            // The second telemetry went; the one in flight is untouched and still first.
            Assert.AreEqual(2, queue.Count);
            Assert.AreEqual(first, queue.Buffer(sending)[0]);
            Assert.IsTrue(queue.KindAt(0) == PublishKind.Telemetry);
            Assert.AreEqual(5L, queue.SeqAt(1));
            queue.EndSend(true);
            AssertOrder(queue, new int[] { 5 }, new int[] { 1 });
        }

        [TestMethod]
        public void WhenOnlyTheEntryBeingSentCouldGoTheArrivalIsDropped()
        {
            PublishQueue queue = new PublishQueue(1, 8);
            Add(queue, PublishKind.Telemetry, 0);
            queue.BeginSend();

            Assert.IsFalse(Add(queue, PublishKind.Alarm, 9));

            Assert.AreEqual(1, queue.DroppedAlarms);
            queue.EndSend(false);
            Assert.IsTrue(queue.KindAt(0) == PublishKind.Telemetry);
        }

        [TestMethod]
        public void AnUndeliveredEntryStaysFirst()
        {
            PublishQueue queue = new PublishQueue(3, 8);
            Add(queue, PublishKind.Event, 1);
            Add(queue, PublishKind.Event, 2);

            int slot = queue.BeginSend();
            queue.EndSend(false);

            Assert.AreEqual(2, queue.Count);
            int again = queue.BeginSend();
            Assert.AreEqual(slot, again);
            Assert.AreEqual(1L, queue.Seq(again));
            queue.EndSend(true);
            Assert.AreEqual(2L, queue.SeqAt(0));
        }

        [TestMethod]
        public void MisuseIsAProgrammingError()
        {
            PublishQueue queue = new PublishQueue(2, 4);
            byte[] big = new byte[5];
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => queue.Enqueue(PublishKind.Event, 1, big, 5));
            AssertThrows.Exactly(typeof(InvalidOperationException), () => queue.EndSend(true));
            Add(queue, PublishKind.Event, 1);
            queue.BeginSend();
            AssertThrows.Exactly(typeof(InvalidOperationException), () => queue.BeginSend());
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new PublishQueue(0, 4));
        }

        [TestMethod]
        public void ALongOutageKeepsSequenceOrderAndCountsEveryLoss()
        {
            // 200 events (every 7th an alarm) with telemetry between them into 16 slots, then a reconnect drains it.
            PublishQueue queue = new PublishQueue(16, 8);
            int events = 0;
            int alarms = 0;
            for (int seq = 1; seq <= 200; seq++)
            {
                bool alarm = seq % 7 == 0;
                Add(queue, alarm ? PublishKind.Alarm : PublishKind.Event, seq);
                events++;
                alarms += alarm ? 1 : 0;
                if (seq % 3 == 0)
                {
                    Add(queue, PublishKind.Telemetry, 0);
                }
            }

            Assert.AreEqual(16, queue.Count);
            Assert.AreEqual(0, queue.CountOf(PublishKind.Telemetry));

            // Alarms are kept first: the 16 newest alarms fit, so all 16 slots hold alarms, the newest ones.
            Assert.AreEqual(16, queue.CountOf(PublishKind.Alarm));
            long previous = 0;
            int delivered = 0;
            int slot = queue.BeginSend();
            while (slot >= 0)
            {
                Assert.IsTrue(queue.Seq(slot) > previous);
                Assert.IsTrue(queue.Seq(slot) % 7 == 0);
                previous = queue.Seq(slot);
                delivered++;
                queue.EndSend(true);
                slot = queue.BeginSend();
            }

            Assert.AreEqual(196L, previous);
            Assert.AreEqual(events - delivered, queue.DroppedEvents);
            Assert.AreEqual(alarms - delivered, queue.DroppedAlarms);
        }

        [TestMethod]
        public void WithinCapacityNothingIsLost()
        {
            PublishQueue queue = new PublishQueue(8, 8);
            for (int seq = 1; seq <= 8; seq++)
            {
                Assert.IsTrue(Add(queue, PublishKind.Event, seq));
            }

            Assert.AreEqual(0, queue.DroppedEvents);
            AssertOrder(queue, new int[] { 1, 2, 3, 4, 5, 6, 7, 8 }, new int[] { 1, 1, 1, 1, 1, 1, 1, 1 });
        }

        private static bool Add(PublishQueue queue, PublishKind kind, int seq)
        {
            byte[] payload = new byte[4];
            Fill(payload, (byte)seq, 4);
            return queue.Enqueue(kind, seq, payload, 4);
        }

        private static void Fill(byte[] buffer, byte value, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[i] = value;
            }
        }

        // Checks the queue's content oldest first: sequence numbers and kinds (as ints).
        private static void AssertOrder(PublishQueue queue, int[] seqs, int[] kinds)
        {
            Assert.AreEqual(seqs.Length, queue.Count);
            for (int i = 0; i < seqs.Length; i++)
            {
                Assert.AreEqual((long)seqs[i], queue.SeqAt(i), "seq at " + i);
                Assert.AreEqual(kinds[i], (int)queue.KindAt(i), "kind at " + i);
            }
        }
    }
}
