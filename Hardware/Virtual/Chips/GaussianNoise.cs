namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// A seeded source of approximately normal integers for the chip models' sensor noise: the same seed gives the same
    /// sequence on the host and on the device (System.Random's sequence is the runtime's own, so it is not used).
    /// </summary>
    /// <remarks>
    /// The uniform bits come from a SplitMix64 sequence (Steele, Lea and Flood, "Fast splittable pseudorandom number
    /// generators", 2014). A value is the Irwin-Hall sum of twelve 16-bit uniforms, centred: mean exactly 0, standard
    /// deviation <see cref="OneSigma"/> (to 1 part in 10^9), bounded at ±6 sigma, excess kurtosis -0.1. Integer
    /// arithmetic only; the sequence is never reset except by <see cref="Reseed"/>.
    /// </remarks>
    internal sealed class GaussianNoise
    {
        /// <summary>One standard deviation of <see cref="Next"/>: twice the sum's 2^16 (2^17).</summary>
        public const int OneSigma = 131072;

        private const ulong Golden = 0x9E3779B97F4A7C15UL;

        // Twelve uniforms in 0..65535 sum to 12 * 65535 / 2 on average; twice the sum minus this is centred exactly.
        private const long TwiceMeanSum = 12L * 65535;

        private ulong _state;

        public GaussianNoise(ulong seed)
        {
            Reseed(seed);
        }

        /// <summary>Restarts the sequence from <paramref name="seed"/>.</summary>
        public void Reseed(ulong seed)
        {
            _state = seed;
        }

        /// <summary>The next value: approximately normal, mean 0, standard deviation <see cref="OneSigma"/>.</summary>
        public int Next()
        {
            long sum = Sum16(NextBits()) + Sum16(NextBits()) + Sum16(NextBits());
            return (int)(2 * sum - TwiceMeanSum);
        }

        // The four 16-bit fields of one 64-bit draw, added.
        private static long Sum16(ulong bits)
        {
            return (long)(bits & 0xFFFF) + (long)((bits >> 16) & 0xFFFF) + (long)((bits >> 32) & 0xFFFF) + (long)(bits >> 48);
        }

        // SplitMix64: a Weyl sequence through Stafford's "mix13" finaliser.
        private ulong NextBits()
        {
            unchecked
            {
                _state += Golden;
                ulong z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
