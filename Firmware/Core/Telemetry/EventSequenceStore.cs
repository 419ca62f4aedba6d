using System;
using SensorNode.Core.Config;
using SensorNode.Hardware;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Keeps event sequence numbers increasing across reboots without writing flash for every event: the node reserves
    /// blocks of numbers in flash and, at boot, skips to the end of the last reservation.
    /// </summary>
    /// <remarks>
    /// <para>Policy. Flash holds a limit L that every number used so far is below. <see cref="Boot"/> starts at L (1 when
    /// there is no valid record) and at once reserves [L, L + <see cref="BlockSize"/>). <see cref="Observe"/> is told each
    /// number as it is used; once a number comes within half a block of the limit, a new limit of that number + 1 + one
    /// block is written. Hence:</para>
    /// <list type="bullet">
    /// <item>flash writes: one per boot plus one per BlockSize / 2 events (64: one write every 32 events);</item>
    /// <item>a reboot skips at most BlockSize numbers (a gap in <c>seq</c>, never a repeat), and the boot event that
    /// follows tells consumers why;</item>
    /// <item>a failed write is retried at the next event; numbers repeat after a reboot only if BlockSize / 2 events in a
    /// row could not be recorded (the flash is broken or full; <see cref="LastStatus"/> says so).</item>
    /// </list>
    /// <para>Format. Two 16-byte files, <see cref="FileA"/> and <see cref="FileB"/>, written in turn: "SEQ1", the limit as
    /// 8 bytes little-endian, a CRC-32 of those 12 bytes. A write cut by a power loss spoils at most the file being
    /// written; boot takes the larger valid limit of the two. The files replace nothing else, so no rename is needed, and
    /// littlefs spreads the rewrites over its blocks (wear levelling).</para>
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
        private long limit;
        private bool writeToB;

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

        /// <summary>The limit last written successfully: every number used is below it.</summary>
        public long ReservedLimit => limit;

        /// <summary>Successful writes since construction.</summary>
        public int Writes { get; private set; }

        /// <summary>Outcome of the last write (Ok before the first).</summary>
        public StorageStatus LastStatus { get; private set; }

        /// <summary>
        /// Reads the record files and returns the first sequence number of this boot (1 on a node that has none), then
        /// reserves a block from there.
        /// </summary>
        public long Boot()
        {
            long a = ReadLimit(FileA);
            long b = ReadLimit(FileB);
            long start = a > b ? a : b;
            if (start < 1)
            {
                start = 1;
            }

            // The next write goes to the older (or unreadable) record, so the newer one survives a cut write.
            writeToB = a >= b;
            limit = start;
            Reserve(start + BlockSize);
            return start;
        }

        /// <summary>Records that <paramref name="seq"/> has been used; writes a new reservation when it nears the limit.</summary>
        public void Observe(long seq)
        {
            if (seq + BlockSize / 2 >= limit)
            {
                Reserve(seq + 1 + BlockSize);
            }
        }

        private void Reserve(long newLimit)
        {
            record[0] = (byte)'S';
            record[1] = (byte)'E';
            record[2] = (byte)'Q';
            record[3] = (byte)'1';
            for (int i = 0; i < 8; i++)
            {
                record[4 + i] = (byte)(newLimit >> (8 * i));
            }

            uint crc = Crc32.Compute(record, 0, PayloadBytes);
            for (int i = 0; i < 4; i++)
            {
                record[PayloadBytes + i] = (byte)(crc >> (8 * i));
            }

            LastStatus = storage.Write(writeToB ? FileB : FileA, record, RecordBytes);
            if (LastStatus == StorageStatus.Ok)
            {
                limit = newLimit;
                writeToB = !writeToB;
                Writes++;
            }
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

            uint crc = 0;
            for (int i = 0; i < 4; i++)
            {
                crc |= (uint)readBuffer[PayloadBytes + i] << (8 * i);
            }

            if (crc != Crc32.Compute(readBuffer, 0, PayloadBytes))
            {
                return 0;
            }

            long value = 0;
            for (int i = 0; i < 8; i++)
            {
                value |= (long)readBuffer[4 + i] << (8 * i);
            }

            return value > 0 ? value : 0;
        }
    }
}
