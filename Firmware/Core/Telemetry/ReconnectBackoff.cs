using System;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Delays between connection attempts: exponential back-off with a cap and random jitter, so that a thousand nodes
    /// that lost the same broker do not all knock on it in the same second when it comes back.
    /// </summary>
    /// <remarks>
    /// <para>Attempt n (0 for the first failure) waits base(n) = min(<see cref="InitialMs"/> × 2^n, <see cref="MaxMs"/>)
    /// then ±<see cref="JitterPercent"/> % of that: a value drawn uniformly from [base − spread, base + spread], spread =
    /// base × JitterPercent / 100 rounded down. The jitter is applied after the cap, so waits at the cap stay spread out
    /// (with the defaults 1 s … 5 min and ±25 %, the longest wait is 6 min 15 s).</para>
    /// <para>The random numbers come from a 32-bit xorshift generator seeded from the node id (<see cref="SeedFrom"/>):
    /// the same node repeats the same sequence, different nodes differ, and the host and the device compute identical
    /// delays (System.Random differs between the two runtimes). Allocation-free; not thread-safe.</para>
    /// </remarks>
    public sealed class ReconnectBackoff
    {
        /// <summary>Default first delay, ms.</summary>
        public const long DefaultInitialMs = 1000;

        /// <summary>Default cap, ms (5 minutes).</summary>
        public const long DefaultMaxMs = 300000;

        /// <summary>Default jitter, ± percent.</summary>
        public const int DefaultJitterPercent = 25;

        private uint state;
        private int attempt;

        /// <summary>Creates the schedule; <paramref name="seed"/> 0 is replaced by a fixed non-zero value.</summary>
        public ReconnectBackoff(long initialMs, long maxMs, int jitterPercent, uint seed)
        {
            if (initialMs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(initialMs));
            }

            if (maxMs < initialMs)
            {
                throw new ArgumentOutOfRangeException(nameof(maxMs));
            }

            if (jitterPercent < 0 || jitterPercent > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(jitterPercent));
            }

            InitialMs = initialMs;
            MaxMs = maxMs;
            JitterPercent = jitterPercent;
            state = seed == 0 ? 0x9E3779B9u : seed;
        }

        /// <summary>Delay before the first retry, before jitter, ms.</summary>
        public long InitialMs { get; }

        /// <summary>Longest delay before jitter, ms.</summary>
        public long MaxMs { get; }

        /// <summary>Jitter, ± percent of the delay.</summary>
        public int JitterPercent { get; }

        /// <summary>Failures since the last <see cref="Reset"/>: the exponent of the next delay.</summary>
        public int Attempt => attempt;

        /// <summary>The delay before the next attempt, ms; each call doubles the next base delay up to the cap.</summary>
        public long NextDelayMs()
        {
            long baseMs = BaseDelayMs(attempt);
            if (attempt < 62)
            {
                attempt++;
            }

            return Jitter(baseMs);
        }

        /// <summary>A delay in [0, <paramref name="limitMs"/>] from the same generator: the random start of a first attempt.</summary>
        public long RandomDelayMs(long limitMs)
        {
            if (limitMs <= 0)
            {
                return 0;
            }

            return (long)(NextRandom() % (ulong)(limitMs + 1));
        }

        /// <summary>Back to the first delay after a connection that held (the random sequence carries on).</summary>
        public void Reset()
        {
            attempt = 0;
        }

        /// <summary>Base delay of attempt <paramref name="n"/> before jitter, ms: min(initial × 2^n, max).</summary>
        public long BaseDelayMs(int n)
        {
            long delay = InitialMs;
            for (int i = 0; i < n && delay < MaxMs; i++)
            {
                delay *= 2;
            }

            return delay < MaxMs ? delay : MaxMs;
        }

        /// <summary>
        /// FNV-1a hash of <paramref name="nodeId"/>'s UTF-16 code units: the seed that gives each node its own jitter.
        /// Never 0.
        /// </summary>
        public static uint SeedFrom(string nodeId)
        {
            uint hash = 2166136261u;
            if (nodeId != null)
            {
                for (int i = 0; i < nodeId.Length; i++)
                {
                    hash ^= nodeId[i];
                    hash *= 16777619u;
                }
            }

            return hash == 0 ? 1u : hash;
        }

        private long Jitter(long baseMs)
        {
            long spread = baseMs * JitterPercent / 100;
            if (spread == 0)
            {
                return baseMs;
            }

            long offset = (long)(NextRandom() % (ulong)(2 * spread + 1)) - spread;
            return baseMs + offset;
        }

        // xorshift32 (Marsaglia 2003): full period 2^32 - 1 over non-zero states.
        private uint NextRandom()
        {
            uint x = state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            state = x;
            return x;
        }
    }
}
