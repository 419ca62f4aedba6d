using System;
using SensorNode.Core.Config;
using SensorNode.Hardware;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Keeps the events of a <see cref="PublishQueue"/> that the broker has not acknowledged across a deep sleep: saved
    /// just before the chip sleeps, put back into the queue at the next boot (ahead of that boot's own events, with their
    /// sequence numbers) and then deleted. Telemetry is not kept: the next report supersedes it.
    /// </summary>
    /// <remarks>
    /// <para>Format of <see cref="FileName"/> (little-endian): "PEND", entry count (2 bytes), then per entry the kind (1),
    /// the sequence number (8), the length (2) and the encoded message; then a CRC-32 of everything before it. A file cut
    /// short by a power loss fails the CRC and is ignored: those events are lost, but the sequence numbers still never
    /// repeat (<see cref="EventSequenceStore"/>), so consumers see the gap.</para>
    /// <para>Memory: the file buffer (up to capacity × (slot + 11) + 10 bytes) is allocated by the call and dropped after
    /// it. Both calls happen outside the steady state (right before a deep sleep, at boot), where an allocation costs
    /// nothing that matters; keeping the buffer for the node's whole life would.</para>
    /// </remarks>
    public static class PendingEventStore
    {
        /// <summary>The file of undelivered events.</summary>
        public const string FileName = "pending.dat";

        private const int HeaderBytes = 6;
        private const int EntryHeaderBytes = 11;
        private const int CrcBytes = 4;

        /// <summary>
        /// Writes the events waiting in <paramref name="queue"/> (oldest first; the queue is unchanged). Writes nothing and
        /// deletes an old file when no event waits. Returns the storage outcome.
        /// </summary>
        public static StorageStatus Save(PublishQueue queue, IFileStorage storage)
        {
            int events = queue.Count - queue.CountOf(PublishKind.Telemetry);
            if (events == 0)
            {
                StorageStatus deleted = storage.Delete(FileName);
                return deleted == StorageStatus.NotFound ? StorageStatus.Ok : deleted;
            }

            int size = HeaderBytes + CrcBytes;
            for (int i = 0; i < queue.Count; i++)
            {
                if (queue.KindAt(i) != PublishKind.Telemetry)
                {
                    size += EntryHeaderBytes + queue.LengthAt(i);
                }
            }

            byte[] file = new byte[size];
            file[0] = (byte)'P';
            file[1] = (byte)'E';
            file[2] = (byte)'N';
            file[3] = (byte)'D';
            LittleEndian.PutUInt16(file, 4, events);
            int at = HeaderBytes;
            for (int i = 0; i < queue.Count; i++)
            {
                PublishKind kind = queue.KindAt(i);
                if (kind == PublishKind.Telemetry)
                {
                    continue;
                }

                int length = queue.LengthAt(i);
                file[at] = (byte)kind;
                LittleEndian.PutInt64(file, at + 1, queue.SeqAt(i));
                LittleEndian.PutUInt16(file, at + 9, length);
                at += EntryHeaderBytes;
                queue.CopyAt(i, file, at);
                at += length;
            }

            LittleEndian.PutUInt32(file, at, Crc32.Compute(file, 0, at));
            return storage.Write(FileName, file, size);
        }

        /// <summary>
        /// Puts the events of a saved file back into <paramref name="queue"/> (in their order) and deletes the file.
        /// Returns how many were restored; 0 when there is no file or it is damaged (a damaged file is deleted too).
        /// </summary>
        /// <param name="queue">The publisher's queue.</param>
        /// <param name="storage">The node's flash.</param>
        /// <param name="maxFileBytes">Largest file accepted: the queue's capacity × (slot + 11) + 10.</param>
        public static int Restore(PublishQueue queue, IFileStorage storage, int maxFileBytes)
        {
            byte[] file = new byte[maxFileBytes];
            int size;
            StorageStatus status = storage.Read(FileName, file, out size);
            if (status == StorageStatus.NotFound)
            {
                return 0;
            }

            int restored = 0;
            if (status == StorageStatus.Ok && IsValid(file, size))
            {
                int events = LittleEndian.GetUInt16(file, 4);
                int at = HeaderBytes;
                for (int i = 0; i < events; i++)
                {
                    PublishKind kind = (PublishKind)file[at];
                    long seq = LittleEndian.GetInt64(file, at + 1);
                    int length = LittleEndian.GetUInt16(file, at + 9);
                    at += EntryHeaderBytes;
                    if (length <= queue.SlotBytes && queue.EnqueueFrom(kind, seq, file, at, length))
                    {
                        restored++;
                    }

                    at += length;
                }
            }

            storage.Delete(FileName);
            return restored;
        }

        private static bool IsValid(byte[] file, int size)
        {
            if (size < HeaderBytes + CrcBytes || file[0] != 'P' || file[1] != 'E' || file[2] != 'N' || file[3] != 'D')
            {
                return false;
            }

            int body = size - CrcBytes;
            if (LittleEndian.GetUInt32(file, body) != Crc32.Compute(file, 0, body))
            {
                return false;
            }

            // Every entry must lie inside the body.
            int events = LittleEndian.GetUInt16(file, 4);
            int at = HeaderBytes;
            for (int i = 0; i < events; i++)
            {
                if (at + EntryHeaderBytes > body || file[at] > (byte)PublishKind.Alarm)
                {
                    return false;
                }

                at += EntryHeaderBytes + LittleEndian.GetUInt16(file, at + 9);
            }

            return at == body;
        }
    }
}
