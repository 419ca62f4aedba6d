using System;

namespace SensorNode.Core.Tests.FixedMath
{
    /// <summary>
    /// Double-precision reference for the fixed-point tests: the real-valued result, rounded the
    /// way the library documents (nearest, ties away from zero) and clamped the way it saturates.
    /// Exact whenever the real result is exact in a double (|x| below 2^52 with no more fraction
    /// bits than a double holds); each test says when that is not so and what tolerance it uses.
    /// </summary>
    public static class FixedMathReference
    {
        /// <summary>Round to nearest, ties away from zero.</summary>
        public static double RoundAwayFromZero(double x)
        {
            return x >= 0 ? Math.Floor(x + 0.5) : -Math.Floor(-x + 0.5);
        }

        /// <summary>Rounds <paramref name="x"/> away from zero at ties, then clamps to [min, max].</summary>
        public static long RoundClamp(double x, long min, long max)
        {
            double rounded = RoundAwayFromZero(x);
            if (rounded >= max)
            {
                return max;
            }

            if (rounded <= min)
            {
                return min;
            }

            return (long)rounded;
        }

        /// <summary>A seeded random uint with a log-uniform magnitude, so small and large inputs are both common.</summary>
        public static uint NextUInt32(Random random)
        {
            uint bits = ((uint)random.Next() << 1) ^ (uint)random.Next();
            return bits >> random.Next(32);
        }

        /// <summary>A seeded random ulong with a log-uniform magnitude (Next() gives 31 bits, so three calls cover 64).</summary>
        public static ulong NextUInt64(Random random)
        {
            ulong bits = ((ulong)(uint)random.Next() << 33) ^ ((ulong)(uint)random.Next() << 11) ^ (uint)random.Next();
            return bits >> random.Next(64);
        }

        /// <summary>A seeded random int over the whole range with a log-uniform magnitude and a random sign.</summary>
        public static int NextInt32(Random random)
        {
            int magnitude = (int)(NextUInt32(random) >> 1);
            return random.Next(2) == 0 ? magnitude : -magnitude - random.Next(2);
        }
    }
}
