using System.Threading;
using System.Threading.Tasks;

namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>
    /// The bounded set of QoS 1 publishes and subscribes awaiting their acknowledgement on one connection. Each
    /// slot owns a packet id that no other waiting slot uses, so a PUBACK or SUBACK resolves exactly one waiter.
    /// </summary>
    internal sealed class InFlightTable
    {
        private readonly object _lock = new object();
        private readonly Slot[] _slots;
        private readonly SemaphoreSlim _free;
        private int _lastPacketId;

        public InFlightTable(int capacity)
        {
            _slots = new Slot[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _slots[i] = new Slot();
            }

            _free = new SemaphoreSlim(capacity, capacity);
        }

        /// <summary>One waiting request: its packet id and the outcome the reader fills in.</summary>
        internal sealed class Slot
        {
            public int PacketId;
            public bool InUse;
            public TaskCompletionSource<MqttStatus> Outcome;
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for a free slot; null if none freed up in time.</summary>
        public async Task<Slot> AcquireAsync(int timeoutMs, CancellationToken cancellation)
        {
            if (!await _free.WaitAsync(timeoutMs, cancellation).ConfigureAwait(false))
            {
                return null;
            }

            lock (_lock)
            {
                foreach (Slot slot in _slots)
                {
                    if (!slot.InUse)
                    {
                        slot.InUse = true;
                        slot.PacketId = NextFreePacketId();
                        // Continuations must not run on the reader, which would then stall behind a waiter's next send.
                        slot.Outcome = new TaskCompletionSource<MqttStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
                        return slot;
                    }
                }
            }

            // Unreachable: the semaphore counts free slots.
            _free.Release();
            return null;
        }

        /// <summary>Resolves the waiter with <paramref name="packetId"/>; false if none (e.g. a late ack after a give-up).</summary>
        public bool Complete(int packetId, MqttStatus status)
        {
            lock (_lock)
            {
                foreach (Slot slot in _slots)
                {
                    if (slot.InUse && slot.PacketId == packetId)
                    {
                        return slot.Outcome.TrySetResult(status);
                    }
                }
            }

            return false;
        }

        /// <summary>Resolves every waiter: the connection is gone.</summary>
        public void FailAll(MqttStatus status)
        {
            lock (_lock)
            {
                foreach (Slot slot in _slots)
                {
                    if (slot.InUse)
                    {
                        slot.Outcome.TrySetResult(status);
                    }
                }
            }
        }

        public void Release(Slot slot)
        {
            lock (_lock)
            {
                slot.InUse = false;
                slot.Outcome = null;
            }

            _free.Release();
        }

        // Ids run 1..65535 and wrap; ids still waiting are skipped (at most capacity of them).
        private int NextFreePacketId()
        {
            while (true)
            {
                _lastPacketId = _lastPacketId == 65535 ? 1 : _lastPacketId + 1;
                bool taken = false;
                foreach (Slot slot in _slots)
                {
                    if (slot.InUse && slot.PacketId == _lastPacketId)
                    {
                        taken = true;
                        break;
                    }
                }

                if (!taken)
                {
                    return _lastPacketId;
                }
            }
        }
    }
}
