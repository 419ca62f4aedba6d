namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// Exact integer square roots: floor(sqrt(n)) for every input, by the digit-by-digit
    /// (binary restoring) method. No floating point, no division, no iteration count that
    /// depends on convergence: at most 16 steps for 32 bits and 32 for 64 bits.
    /// RMS values come from these: rms = sqrt(sumOfSquares / n).
    /// </summary>
    public static class IntSqrt
    {
        /// <summary>
        /// floor(sqrt(value)) for any uint; the result is in [0, 65535]. Exact, never saturates.
        /// </summary>
        public static uint Floor32(uint value)
        {
            uint remainder = value;
            uint root = 0;

            // Highest power of four not above the input.
            uint bit = 1u << 30;
            while (bit > remainder)
            {
                bit >>= 2;
            }

            while (bit != 0)
            {
                uint trial = root + bit;
                if (remainder >= trial)
                {
                    remainder -= trial;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }

                bit >>= 2;
            }

            return root;
        }

        /// <summary>
        /// floor(sqrt(value)) for any ulong; the result is in [0, 4294967295]. Exact, never saturates.
        /// Inputs that fit 32 bits take the cheaper 32-bit path.
        /// </summary>
        public static uint Floor64(ulong value)
        {
            if (value <= uint.MaxValue)
            {
                return Floor32((uint)value);
            }

            ulong remainder = value;
            ulong root = 0;
            ulong bit = 1UL << 62;
            while (bit > remainder)
            {
                bit >>= 2;
            }

            while (bit != 0)
            {
                ulong trial = root + bit;
                if (remainder >= trial)
                {
                    remainder -= trial;
                    root = (root >> 1) + bit;
                }
                else
                {
                    root >>= 1;
                }

                bit >>= 2;
            }

            return (uint)root;
        }
    }
}
