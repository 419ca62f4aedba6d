using System;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The bounded queue of encoded messages waiting for the broker: a fixed number of slots, each a byte buffer
    /// allocated once by the constructor, kept in arrival order. Events and telemetry wait here while the broker is
    /// unreachable and leave oldest first once it answers again.
    /// </summary>
    /// <remarks>
    /// <para>Overflow policy, when a message arrives and every slot is taken: the oldest entry of the lowest
    /// <see cref="PublishKind"/> present goes (telemetry before events, events before alarms), provided that kind is not
    /// above the arriving message's; otherwise the arriving message itself is dropped. So telemetry never pushes out an
    /// event, an event never pushes out an alarm, and alarms are only ever lost to newer alarms once the whole queue is
    /// alarms. The entry being sent (<see cref="BeginSend"/>) is never evicted. Every loss is counted by kind.</para>
    /// <para>Sending: <see cref="BeginSend"/> marks the oldest entry in flight and exposes its bytes in place; the caller
    /// publishes them and calls <see cref="EndSend"/>, which removes the entry when it was delivered or leaves it at the
    /// head for the next attempt. Entries leave in arrival order, so events leave in sequence order.</para>
    /// <para>Memory: everything is allocated by the constructor; <see cref="Enqueue"/>, <see cref="BeginSend"/> and
    /// <see cref="EndSend"/> allocate nothing. Not thread-safe: the owner serialises calls (the publisher holds its lock
    /// around each call, and never around the network send of an in-flight entry).</para>
    /// </remarks>
    public sealed class PublishQueue
    {
        private readonly byte[][] buffers;
        private readonly int[] lengths;
        private readonly PublishKind[] kinds;
        private readonly long[] seqs;

        // order[0..count) are slot numbers, oldest first; the other slots are free.
        private readonly int[] order;
        private readonly bool[] used;
        private int count;
        private bool headInFlight;

        /// <summary>Creates a queue of <paramref name="capacity"/> slots of <paramref name="slotBytes"/> bytes each.</summary>
        public PublishQueue(int capacity, int slotBytes)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }

            if (slotBytes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(slotBytes));
            }

            buffers = new byte[capacity][];
            for (int i = 0; i < capacity; i++)
            {
                buffers[i] = new byte[slotBytes];
            }

            lengths = new int[capacity];
            kinds = new PublishKind[capacity];
            seqs = new long[capacity];
            order = new int[capacity];
            used = new bool[capacity];
        }

        /// <summary>Most entries held.</summary>
        public int Capacity => order.Length;

        /// <summary>Largest message a slot holds, bytes.</summary>
        public int SlotBytes => buffers[0].Length;

        /// <summary>Entries held now, the one in flight included.</summary>
        public int Count => count;

        /// <summary>Telemetry messages dropped for lack of room since construction.</summary>
        public int DroppedTelemetry { get; private set; }

        /// <summary>Events (ordinary and alarm-class) dropped for lack of room since construction.</summary>
        public int DroppedEvents { get; private set; }

        /// <summary>Alarm-class events dropped for lack of room since construction (included in <see cref="DroppedEvents"/>).</summary>
        public int DroppedAlarms { get; private set; }

        /// <summary>True while the oldest entry is being sent (between <see cref="BeginSend"/> and <see cref="EndSend"/>).</summary>
        public bool SendInProgress => headInFlight;

        /// <summary>Entries of <paramref name="kind"/> held now.</summary>
        public int CountOf(PublishKind kind)
        {
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                if (kinds[order[i]] == kind)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>
        /// Copies bytes [0, <paramref name="length"/>) of <paramref name="payload"/> into a slot at the end of the queue,
        /// making room by the overflow policy when full. Returns false (and counts the drop) when the message itself was
        /// dropped. Throws <see cref="ArgumentOutOfRangeException"/> when the message is longer than a slot.
        /// </summary>
        /// <param name="kind">What the message is; decides what gives way on overflow.</param>
        /// <param name="seq">The event's sequence number, 0 for telemetry; kept for the sender and for tests.</param>
        /// <param name="payload">Encoded message.</param>
        /// <param name="length">Bytes of the message.</param>
        public bool Enqueue(PublishKind kind, long seq, byte[] payload, int length)
        {
            return EnqueueFrom(kind, seq, payload, 0, length);
        }

        /// <summary>As <see cref="Enqueue"/>, for a message at <paramref name="offset"/> in <paramref name="source"/>.</summary>
        public bool EnqueueFrom(PublishKind kind, long seq, byte[] source, int offset, int length)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (offset < 0 || length < 0 || offset > source.Length - length || length > SlotBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            if (count == order.Length && !Evict(kind))
            {
                CountDrop(kind);
                return false;
            }

            int slot = FreeSlot();
            used[slot] = true;
            Array.Copy(source, offset, buffers[slot], 0, length);
            lengths[slot] = length;
            kinds[slot] = kind;
            seqs[slot] = seq;
            order[count] = slot;
            count++;
            return true;
        }

        /// <summary>
        /// Marks the oldest entry in flight and returns its slot number for <see cref="Buffer"/>, <see cref="Length"/>,
        /// <see cref="Kind"/> and <see cref="Seq"/>; -1 when the queue is empty. The slot's bytes stay untouched until
        /// <see cref="EndSend"/>. Throws <see cref="InvalidOperationException"/> if a send is already in progress.
        /// </summary>
        public int BeginSend()
        {
            if (headInFlight)
            {
                throw new InvalidOperationException("a send is already in progress");
            }

            if (count == 0)
            {
                return -1;
            }

            headInFlight = true;
            return order[0];
        }

        /// <summary>
        /// Ends the send begun by <see cref="BeginSend"/>: a delivered entry leaves the queue, an undelivered one stays
        /// the oldest. Throws <see cref="InvalidOperationException"/> when no send is in progress.
        /// </summary>
        public void EndSend(bool delivered)
        {
            if (!headInFlight)
            {
                throw new InvalidOperationException("no send in progress");
            }

            headInFlight = false;
            if (delivered)
            {
                RemoveAt(0);
            }
        }

        /// <summary>The bytes of a slot returned by <see cref="BeginSend"/>; [0, <see cref="Length"/>) are the message.</summary>
        public byte[] Buffer(int slot) => buffers[slot];

        /// <summary>Bytes of the message in a slot.</summary>
        public int Length(int slot) => lengths[slot];

        /// <summary>Kind of the message in a slot.</summary>
        public PublishKind Kind(int slot) => kinds[slot];

        /// <summary>Sequence number given to <see cref="Enqueue"/> for the message in a slot.</summary>
        public long Seq(int slot) => seqs[slot];

        /// <summary>The sequence number of the entry <paramref name="position"/> places from the oldest (0 = oldest).</summary>
        public long SeqAt(int position)
        {
            CheckPosition(position);
            return seqs[order[position]];
        }

        /// <summary>The kind of the entry <paramref name="position"/> places from the oldest (0 = oldest).</summary>
        public PublishKind KindAt(int position)
        {
            CheckPosition(position);
            return kinds[order[position]];
        }

        /// <summary>The length of the entry <paramref name="position"/> places from the oldest (0 = oldest).</summary>
        public int LengthAt(int position)
        {
            CheckPosition(position);
            return lengths[order[position]];
        }

        /// <summary>Copies the message of the entry <paramref name="position"/> places from the oldest into <paramref name="target"/>.</summary>
        public void CopyAt(int position, byte[] target, int offset)
        {
            CheckPosition(position);
            int slot = order[position];
            Array.Copy(buffers[slot], 0, target, offset, lengths[slot]);
        }

        /// <summary>Empties the queue (the drop counters stay). Throws while a send is in progress.</summary>
        public void Clear()
        {
            if (headInFlight)
            {
                throw new InvalidOperationException("a send is in progress");
            }

            for (int i = 0; i < used.Length; i++)
            {
                used[i] = false;
            }

            count = 0;
        }

        // Frees one slot for an arriving message of kind 'arriving'; false when the arriving message must go instead.
        private bool Evict(PublishKind arriving)
        {
            int first = headInFlight ? 1 : 0;
            int victim = -1;
            for (int i = first; i < count; i++)
            {
                if (victim < 0 || kinds[order[i]] < kinds[order[victim]])
                {
                    victim = i;
                    if (kinds[order[i]] == PublishKind.Telemetry)
                    {
                        break;
                    }
                }
            }

            if (victim < 0 || kinds[order[victim]] > arriving)
            {
                return false;
            }

            CountDrop(kinds[order[victim]]);
            RemoveAt(victim);
            return true;
        }

        private void CheckPosition(int position)
        {
            if (position < 0 || position >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(position));
            }
        }

        private void RemoveAt(int position)
        {
            used[order[position]] = false;
            for (int i = position; i < count - 1; i++)
            {
                order[i] = order[i + 1];
            }

            count--;
        }

        private int FreeSlot()
        {
            for (int i = 0; i < used.Length; i++)
            {
                if (!used[i])
                {
                    return i;
                }
            }

            // Unreachable: callers make room first.
            throw new InvalidOperationException("queue full");
        }

        private void CountDrop(PublishKind kind)
        {
            if (kind == PublishKind.Telemetry)
            {
                DroppedTelemetry++;
                return;
            }

            DroppedEvents++;
            if (kind == PublishKind.Alarm)
            {
                DroppedAlarms++;
            }
        }
    }
}
