namespace SensorNode.Core.Tests.Anomaly
{
    /// <summary>
    /// Deterministic test noise: a 32-bit LCG (Numerical Recipes constants), so every run and both
    /// test frameworks see the same sequence. Uniform integers in [-amplitude, amplitude].
    /// </summary>
    public sealed class NoiseSource
    {
        private uint state;

        public NoiseSource(uint seed)
        {
            state = seed;
        }

        public int Next(int amplitude)
        {
            state = unchecked(state * 1664525u + 1013904223u);
            int span = 2 * amplitude + 1;
            return (int)((state >> 8) % (uint)span) - amplitude;
        }
    }
}
