using SensorNode.Hardware;

namespace SensorNode.Core.Tests.Support
{
    /// <summary>
    /// <see cref="IFileStorage"/> in RAM for one test, with the failures flash can have: a power cut at a chosen
    /// mutating operation (a cut write leaves the first half of the bytes; after the cut every call fails until
    /// <see cref="RestorePower"/>), a full volume, and a write that stores one flipped bit.
    /// </summary>
    public sealed class MemoryFileStorage : IFileStorage
    {
        private const int MaxFiles = 8;

        private readonly string[] _names = new string[MaxFiles];
        private readonly byte[][] _contents = new byte[MaxFiles][];
        private int _cutAtOperation = -1;

        /// <summary>Write, Rename and Delete calls so far (including failed ones).</summary>
        public int MutatingOperations { get; private set; }

        /// <summary>True after a power cut, until <see cref="RestorePower"/>.</summary>
        public bool PoweredOff { get; private set; }

        /// <summary>When not Ok, the next Write returns this status and stores nothing.</summary>
        public StorageStatus NextWriteStatus { get; set; }

        /// <summary>When true, the next Write stores its bytes with bit 0 of the middle byte flipped and reports Ok.</summary>
        public bool FlipBitOnNextWrite { get; set; }

        /// <summary>The mutating operation numbered <paramref name="operationsFromNow"/> (0 = the next one) is interrupted.</summary>
        public void CutPowerAt(int operationsFromNow)
        {
            _cutAtOperation = MutatingOperations + operationsFromNow;
        }

        /// <summary>Power is back: calls work again and no cut is pending.</summary>
        public void RestorePower()
        {
            PoweredOff = false;
            _cutAtOperation = -1;
        }

        /// <summary>True if the file exists.</summary>
        public bool Exists(string name)
        {
            return Find(name) >= 0;
        }

        /// <summary>A copy of the file's bytes, or null.</summary>
        public byte[] Get(string name)
        {
            int slot = Find(name);
            return slot < 0 ? null : Copy(_contents[slot], _contents[slot].Length);
        }

        /// <summary>Creates or replaces the file with a copy of <paramref name="bytes"/>, bypassing failure injection.</summary>
        public void Put(string name, byte[] bytes)
        {
            Store(name, Copy(bytes, bytes.Length));
        }

        /// <inheritdoc />
        public StorageStatus Read(string name, byte[] buffer, out int length)
        {
            length = 0;
            if (PoweredOff)
            {
                return StorageStatus.IoError;
            }

            int slot = Find(name);
            if (slot < 0)
            {
                return StorageStatus.NotFound;
            }

            byte[] content = _contents[slot];
            if (content.Length > buffer.Length)
            {
                return StorageStatus.TooLarge;
            }

            for (int i = 0; i < content.Length; i++)
            {
                buffer[i] = content[i];
            }

            length = content.Length;
            return StorageStatus.Ok;
        }

        /// <inheritdoc />
        public StorageStatus Write(string name, byte[] buffer, int count)
        {
            if (StartMutation())
            {
                Store(name, Copy(buffer, count / 2));
                return StorageStatus.IoError;
            }

            if (PoweredOff)
            {
                return StorageStatus.IoError;
            }

            if (NextWriteStatus != StorageStatus.Ok)
            {
                StorageStatus status = NextWriteStatus;
                NextWriteStatus = StorageStatus.Ok;
                return status;
            }

            byte[] stored = Copy(buffer, count);
            if (FlipBitOnNextWrite)
            {
                FlipBitOnNextWrite = false;
                stored[count / 2] ^= 1;
            }

            Store(name, stored);
            return StorageStatus.Ok;
        }

        /// <inheritdoc />
        public StorageStatus Rename(string fromName, string toName)
        {
            if (StartMutation() || PoweredOff)
            {
                return StorageStatus.IoError;
            }

            int slot = Find(fromName);
            if (slot < 0)
            {
                return StorageStatus.NotFound;
            }

            byte[] content = _contents[slot];
            Remove(fromName);
            Store(toName, content);
            return StorageStatus.Ok;
        }

        /// <inheritdoc />
        public StorageStatus Delete(string name)
        {
            if (StartMutation() || PoweredOff)
            {
                return StorageStatus.IoError;
            }

            return Remove(name) ? StorageStatus.Ok : StorageStatus.NotFound;
        }

        // Counts the operation; true if it is the one the power cut interrupts.
        private bool StartMutation()
        {
            bool cut = !PoweredOff && MutatingOperations == _cutAtOperation;
            MutatingOperations++;
            if (cut)
            {
                PoweredOff = true;
            }

            return cut;
        }

        private int Find(string name)
        {
            for (int i = 0; i < MaxFiles; i++)
            {
                if (_names[i] != null && _names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private void Store(string name, byte[] content)
        {
            int slot = Find(name);
            for (int i = 0; slot < 0 && i < MaxFiles; i++)
            {
                if (_names[i] == null)
                {
                    slot = i;
                }
            }

            _names[slot] = name;
            _contents[slot] = content;
        }

        private bool Remove(string name)
        {
            int slot = Find(name);
            if (slot < 0)
            {
                return false;
            }

            _names[slot] = null;
            _contents[slot] = null;
            return true;
        }

        private static byte[] Copy(byte[] source, int count)
        {
            var copy = new byte[count];
            for (int i = 0; i < count; i++)
            {
                copy[i] = source[i];
            }

            return copy;
        }
    }
}
