using System;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The last <see cref="Capacity"/> events in a fixed ring. Every event object is created by the constructor and
    /// reused: <see cref="Add"/> overwrites the oldest once the ring is full and allocates nothing. Sequence numbers start
    /// at 1 and grow by one per event for the life of the log; they restart with the node unless the composition root
    /// continues them from flash with <see cref="ContinueFrom"/> (the MQTT publisher's EventSequenceStore). Not thread-safe.
    /// </summary>
    public sealed class EventLog
    {
        private readonly NodeEvent[] ring;
        private int newest = -1;
        private int count;
        private long lastSeq;

        /// <summary>Creates a log keeping the last <paramref name="capacity"/> events (1 or more).</summary>
        public EventLog(int capacity)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }

            ring = new NodeEvent[capacity];
            for (int i = 0; i < capacity; i++)
            {
                ring[i] = new NodeEvent();
            }
        }

        /// <summary>Most events kept.</summary>
        public int Capacity => ring.Length;

        /// <summary>Events kept now: the events added so far, at most <see cref="Capacity"/>.</summary>
        public int Count => count;

        /// <summary>Sequence number of the newest event; before the first, 0 (or the number before <see cref="ContinueFrom"/>'s).</summary>
        public long LastSeq => lastSeq;

        /// <summary>
        /// Records an event with the next sequence number in the oldest slot and returns that slot (valid until the ring
        /// wraps round to it). Null strings are stored as "".
        /// </summary>
        public NodeEvent Add(long timeMs, long unixTimeMs, EventType type, string channel, string level, int value,
            int decimals, string unit, int scoreQ15, string reason)
        {
            newest = newest + 1 == ring.Length ? 0 : newest + 1;
            if (count < ring.Length)
            {
                count++;
            }

            lastSeq++;
            NodeEvent slot = ring[newest];
            slot.Set(lastSeq, timeMs, unixTimeMs, type, channel, level, value, decimals, unit, scoreQ15, reason);
            return slot;
        }

        /// <summary>
        /// Makes <paramref name="nextSeq"/> the sequence number of the next event, for numbers that survive reboots.
        /// Numbers only move forward: a value at or below <see cref="LastSeq"/> throws
        /// <see cref="ArgumentOutOfRangeException"/>.
        /// </summary>
        public void ContinueFrom(long nextSeq)
        {
            if (nextSeq <= lastSeq)
            {
                throw new ArgumentOutOfRangeException(nameof(nextSeq));
            }

            lastSeq = nextSeq - 1;
        }

        /// <summary>
        /// The event <paramref name="age"/> places before the newest: 0 is the newest, <see cref="Count"/> - 1 the oldest
        /// kept. Throws <see cref="ArgumentOutOfRangeException"/> outside that range.
        /// </summary>
        public NodeEvent Newest(int age)
        {
            if (age < 0 || age >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(age));
            }

            int index = newest - age;
            return ring[index < 0 ? index + ring.Length : index];
        }
    }
}
