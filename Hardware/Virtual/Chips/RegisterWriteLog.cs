using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// The register writes a chip model received, in order of arrival, for tests that check what a driver sent. Holds up
    /// to its capacity; later writes still take effect in the model but are not logged. Not thread-safe: its model's.
    /// </summary>
    public sealed class RegisterWriteLog
    {
        private readonly int[] registers;
        private readonly int[] values;

        /// <summary>An empty log of <paramref name="capacity"/> entries.</summary>
        public RegisterWriteLog(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }

            registers = new int[capacity];
            values = new int[capacity];
        }

        /// <summary>Writes logged since construction or <see cref="Clear"/>, at most the capacity.</summary>
        public int Count { get; private set; }

        /// <summary>Register address (or pointer) of logged write <paramref name="index"/>.</summary>
        public int Register(int index)
        {
            CheckIndex(index);
            return registers[index];
        }

        /// <summary>Value of logged write <paramref name="index"/>, as sent.</summary>
        public int Value(int index)
        {
            CheckIndex(index);
            return values[index];
        }

        /// <summary>Empties the log, e.g. between the phases of a test.</summary>
        public void Clear()
        {
            Count = 0;
        }

        /// <summary>Logs one write while there is room.</summary>
        public void Add(int register, int value)
        {
            if (Count < registers.Length)
            {
                registers[Count] = register;
                values[Count] = value;
                Count++;
            }
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }
        }
    }
}
