using System;
using SensorNode.Core.Config;
using SensorNode.Hardware;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Keeps event sequence numbers increasing across reboots without writing flash for every event or every wake: the
    /// node reserves blocks of numbers in flash once events need them, and saves the exact next number before a planned
    /// deep sleep.
    /// </summary>
    /// <remarks>
    /// <para>Policy. Flash holds a limit L that every number used so far is below. <see cref="Boot"/> only reads: it starts
    /// at L (1 when there is no valid record). <see cref="Observe"/> is told each number as it is used, before the event
    /// leaves the node; once a number comes within half a block of the limit, a new limit of that number + 1 + one block
    /// is written, so the first event of a run reserves a block. <see cref="SaveNext"/>, before a planned deep sleep,
    /// brings the limit down to the exact next number. Hence:</para>
    /// <list type="bullet">
    /// <item>flash writes: none for a wake without events; for a run with events, one reservation per BlockSize / 2
    /// events (64: one every 32) plus at most two at the planned sleep;</item>
    /// <item>after a planned sleep the next number follows on without a gap; an unplanned reset skips at most BlockSize
    /// numbers (a gap in <c>seq</c>, never a repeat), and the boot event that follows tells consumers why;</item>
    /// <item>a failed write is retried at the next event; numbers repeat after a reboot only if BlockSize / 2 events in a
    /// row could not be recorded (the flash is broken or full; <see cref="LastStatus"/> says so).</item>
    /// </list>
    /// <para>Format. Two 16-byte files, <see cref="FileA"/> and <see cref="FileB"/>: "SEQ1", the limit as 8 bytes
    /// little-endian, a CRC-32 of those 12 bytes. Boot takes the larger valid limit of the two. Every write goes to a file
    /// while the other still holds a limit above every number used, so a write cut by a power loss, which spoils at most
    /// the file being written, loses nothing. The files replace nothing else, so no rename is needed, and littlefs spreads
    /// the rewrites over its blocks (wear levelling).</para>
    /// <para>Allocation-free after construction; not thread-safe (the node's loop thread calls it).</para>
    /// </remarks>
    public sealed class EventSequenceStore
    {
        /// <summary>First record file.</summary>
        public const string FileA = "seq.a";

        /// <summary>Second record file.</summary>
        public const string FileB = "seq.b";

        /// <summary>Default numbers reserved per write.</summary>
        public const long DefaultBlockSize = 64;

        private const int RecordBytes = 16;
        private const int PayloadBytes = 12;

        private readonly IFileStorage storage;
        private readonly byte[] record = new byte[RecordBytes];
        private readonly byte[] readBuffer = new byte[RecordBytes * 2];
        private long limitA;
        private long limitB;
        private bool lastWroteB;

        /// <summary>A store on <paramref name="storage"/> reserving <paramref name="blockSize"/> numbers (2 or more) per write.</summary>
        public EventSequenceStore(IFileStorage storage, long blockSize)
        {
            if (storage == null)
            {
                throw new ArgumentNullException(nameof(storage));
            }

            if (blockSize < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(blockSize));
            }

            this.storage = storage;
            BlockSize = blockSize;
        }

        /// <summary>Numbers reserved per write.</summary>
        public long BlockSize { get; }

        /// <summary>The limit flash holds now (the larger of the two records, 0 when neither is valid): every number used is below it.</summary>
        public long ReservedLimit => limitA > limitB ? limitA : limitB;

        /// <summary>Successful writes since construction.</summary>
        public int Writes { get; private set; }

        /// <summary>Outcome of the last write (Ok before the first).</summary>
        public StorageStatus LastStatus { get; private set; }

        /// <summary>
        /// Reads the record files and returns the first sequence number of this boot (1 on a node that has none). Writes
        /// nothing: the first <see cref="Observe"/> reserves a block.
        /// </summary>
        public long Boot()
        {
            limitA = ReadLimit(FileA);
            limitB = ReadLimit(FileB);
            lastWroteB = limitB > limitA;
            return NextFromFlash();
        }

        /// <summary>
        /// Records that <paramref name="seq"/> has been used, before the event leaves the node; writes a new reservation
        /// when it nears (or reaches) the limit.
        /// </summary>
        public void Observe(long seq)
        {
            if (seq + BlockSize / 2 >= ReservedLimit)
            {
                Write(SmallerIsB(), seq + 1 + BlockSize);
            }
        }

        /// <summary>
        /// Before a planned deep sleep: makes <paramref name="nextSeq"/> (1 or more, above every number used) the number
        /// the next boot starts at, so <c>seq</c> continues without a gap. Writes nothing when flash already gives that
        /// number, else one or two records: the lower one first, so a cut write still leaves a limit above every number
        /// used.
        /// </summary>
        public void SaveNext(long nextSeq)
        {
            if (nextSeq < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(nextSeq));
            }

            if (nextSeq == NextFromFlash())
            {
                return;
            }

            bool smallerIsB = SmallerIsB();
            if ((smallerIsB ? limitB : limitA) != nextSeq && Write(smallerIsB, nextSeq) != StorageStatus.Ok)
            {
                return;
            }

            // The lower record now holds nextSeq; the other may still hold a reservation above it.
            if ((smallerIsB ? limitA : limitB) > nextSeq)
            {
                Write(!smallerIsB, nextSeq);
            }
        }

        // The number a boot would start at now.
        private long NextFromFlash()
        {
            long limit = ReservedLimit;
            return limit < 1 ? 1 : limit;
        }

        // The record to overwrite: the lower one, which frees the other to stay above every number used; on a tie the
        // one not written last, to share the wear.
        private bool SmallerIsB()
        {
            return limitA == limitB ? !lastWroteB : limitB < limitA;
        }

        private StorageStatus Write(bool toB, long newLimit)
        {
            record[0] = (byte)'S';
            record[1] = (byte)'E';
            record[2] = (byte)'Q';
            record[3] = (byte)'1';
            LittleEndian.PutInt64(record, 4, newLimit);
            LittleEndian.PutUInt32(record, PayloadBytes, Crc32.Compute(record, 0, PayloadBytes));

            LastStatus = storage.Write(toB ? FileB : FileA, record, RecordBytes);
            if (LastStatus == StorageStatus.Ok)
            {
                if (toB)
                {
                    limitB = newLimit;
                }
                else
                {
                    limitA = newLimit;
                }

                lastWroteB = toB;
                Writes++;
            }

            return LastStatus;
        }

        // The limit in a record file, or 0 when it is missing, short or corrupt.
        private long ReadLimit(string name)
        {
            int length;
            if (storage.Read(name, readBuffer, out length) != StorageStatus.Ok || length != RecordBytes)
            {
                return 0;
            }

            if (readBuffer[0] != 'S' || readBuffer[1] != 'E' || readBuffer[2] != 'Q' || readBuffer[3] != '1')
            {
                return 0;
            }

            if (LittleEndian.GetUInt32(readBuffer, PayloadBytes) != Crc32.Compute(readBuffer, 0, PayloadBytes))
            {
                return 0;
            }

            long value = LittleEndian.GetInt64(readBuffer, 4);
            return value > 0 ? value : 0;
        }
    }
}
