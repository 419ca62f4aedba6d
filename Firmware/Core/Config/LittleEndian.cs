namespace SensorNode.Core.Config
{
    /// <summary>
    /// Little-endian integers in byte buffers, for the node's binary flash records (anomaly channel state, the state file,
    /// pending events, the event sequence). Each Put returns the position after what it wrote, so records can be written
    /// field by field. No bounds checks beyond the array's own: callers size their buffers. No allocation.
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>Writes the low 16 bits of <paramref name="value"/> at <paramref name="at"/>; returns at + 2.</summary>
        public static int PutUInt16(byte[] buffer, int at, int value)
        {
            buffer[at] = (byte)value;
            buffer[at + 1] = (byte)(value >> 8);
            return at + 2;
        }

        /// <summary>The unsigned 16-bit value at <paramref name="at"/> (0..65535).</summary>
        public static int GetUInt16(byte[] buffer, int at)
        {
            return buffer[at] | (buffer[at + 1] << 8);
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="at"/>; returns at + 4.</summary>
        public static int PutInt32(byte[] buffer, int at, int value)
        {
            return PutUInt32(buffer, at, (uint)value);
        }

        /// <summary>The 32-bit value at <paramref name="at"/>.</summary>
        public static int GetInt32(byte[] buffer, int at)
        {
            return (int)GetUInt32(buffer, at);
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="at"/>; returns at + 4.</summary>
        public static int PutUInt32(byte[] buffer, int at, uint value)
        {
            for (int i = 0; i < 4; i++)
            {
                buffer[at + i] = (byte)(value >> (8 * i));
            }

            return at + 4;
        }

        /// <summary>The unsigned 32-bit value at <paramref name="at"/>.</summary>
        public static uint GetUInt32(byte[] buffer, int at)
        {
            uint value = 0;
            for (int i = 0; i < 4; i++)
            {
                value |= (uint)buffer[at + i] << (8 * i);
            }

            return value;
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="at"/>; returns at + 8.</summary>
        public static int PutInt64(byte[] buffer, int at, long value)
        {
            for (int i = 0; i < 8; i++)
            {
                buffer[at + i] = (byte)(value >> (8 * i));
            }

            return at + 8;
        }

        /// <summary>The 64-bit value at <paramref name="at"/>.</summary>
        public static long GetInt64(byte[] buffer, int at)
        {
            long value = 0;
            for (int i = 0; i < 8; i++)
            {
                value |= (long)buffer[at + i] << (8 * i);
            }

            return value;
        }
    }
}
