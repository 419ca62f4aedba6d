namespace SensorNode.Core.Config
{
    /// <summary>
    /// CRC-32 as used by zip and Ethernet (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF;
    /// "123456789" gives 0xCBF43926). Bitwise, without a table: config files are small and rarely checked, and a table
    /// would cost 1 KB of RAM.
    /// </summary>
    public static class Crc32
    {
        private const uint Polynomial = 0xEDB88320;

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
