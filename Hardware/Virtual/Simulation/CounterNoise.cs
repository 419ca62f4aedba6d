using System;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// Counter-based random numbers: the value for (seed, stream, index) is the index-th output of a SplitMix64
    /// generator keyed by seed and stream, computed directly. No state is carried, so asking in any order, or
    /// twice, gives the same value; that is what makes the machine a pure function of time.
    /// </summary>
    internal static class CounterNoise
    {
        private const ulong Golden = 0x9E3779B97F4A7C15UL;

        /// <summary>Uniform in (0, 1]: 53 random bits, never 0 so a logarithm is safe.</summary>
        public static double Uniform(ulong seed, ulong stream, long index) => ToUnit(Hash(seed, stream, index));

        /// <summary>Standard normal (mean 0, variance 1) by Box-Muller on two uniforms derived from the hash.</summary>
        public static double Gaussian(ulong seed, ulong stream, long index)
        {
            ulong h = Hash(seed, stream, index);
            double u1 = ToUnit(h);
            double u2 = ToUnit(Finalise(h + Golden));
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        /// <summary>The index-th SplitMix64 output from a state keyed by seed and stream.</summary>
        public static ulong Hash(ulong seed, ulong stream, long index)
        {
            ulong key = Finalise(seed ^ Finalise(stream + Golden));
            return Finalise(key + (unchecked((ulong)index) + 1) * Golden);
        }

        // Stafford's "mix13" finaliser, as used by SplitMix64.
        private static ulong Finalise(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static double ToUnit(ulong h) => ((h >> 11) + 1) * (1.0 / 9007199254740992.0);
    }
}
