using System;

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>
    /// Deterministic Gaussian noise for both test frameworks: a 32-bit LCG (Numerical Recipes constants) for uniform
    /// numbers, Box-Muller for the normal ones, so the host and the device see the same samples.
    /// </summary>
    public sealed class GaussianNoise
    {
        private uint state;

        public GaussianNoise(uint seed)
        {
            state = seed;
        }

        /// <summary>A uniform number in (0, 1).</summary>
        public double NextUniform()
        {
            state = unchecked(state * 1664525u + 1013904223u);
            return ((state >> 8) + 0.5) / 16777216.0;
        }

        /// <summary>A normal number with mean 0 and standard deviation <paramref name="sigma"/>.</summary>
        public double Next(double sigma)
        {
            double radius = Math.Sqrt(-2 * Math.Log(NextUniform()));
            return sigma * radius * Math.Cos(2 * Math.PI * NextUniform());
        }
    }
}
