using System;
using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Temperature value and slope from timestamped readings: the latest reading in centi-°C, and the least-squares
    /// slope in centi-°C per minute over the readings no older than the span (measured from the newest reading).
    /// </summary>
    /// <remarks>
    /// Keeps the last <c>capacity</c> readings in a ring allocated by the constructor; <see cref="Add"/> refits in
    /// O(capacity) integer steps and allocates nothing. Least squares rather than an EWMA so that irregular reading
    /// intervals and missing readings weigh correctly, and a step reads as a slope only while it is inside the span.
    /// Ranges: up to <see cref="MaxCapacity"/> readings, a span up to <see cref="MaxSpanMs"/> (4.6 h), readings within
    /// ±2^20 centi-°C; then every sum fits a long exactly and the slope is rounded once, to nearest, and saturated to int.
    /// </remarks>
    public sealed class TemperatureTrend
    {
        /// <summary>Most readings the fit holds.</summary>
        public const int MaxCapacity = 32;

        /// <summary>Longest span, ms (2^24).</summary>
        public const long MaxSpanMs = 1L << 24;

        private const int ReadingLimitCentiC = 1 << 20;
        private const ulong MillisecondsPerMinute = 60000;

        private readonly int[] tempsCentiC;
        private readonly long[] timesMs;
        private readonly long spanMs;
        private int newest = -1;
        private int stored;

        /// <summary>
        /// Creates a trend over at most <paramref name="capacity"/> readings (2 to <see cref="MaxCapacity"/>) no older
        /// than <paramref name="spanMs"/> (1 ms to <see cref="MaxSpanMs"/>). Throws <see cref="ArgumentOutOfRangeException"/> otherwise.
        /// </summary>
        public TemperatureTrend(int capacity, long spanMs)
        {
            if (capacity < 2 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity));
            }

            if (spanMs < 1 || spanMs > MaxSpanMs)
            {
                throw new ArgumentOutOfRangeException(nameof(spanMs));
            }

            tempsCentiC = new int[capacity];
            timesMs = new long[capacity];
            this.spanMs = spanMs;
        }

        /// <summary>The latest reading, centi-°C (0 before the first).</summary>
        public int TempCentiC { get; private set; }

        /// <summary>Least-squares slope over the span, centi-°C per minute, rounded; 0 without <see cref="HasSlope"/>.</summary>
        public int SlopeCentiCPerMin { get; private set; }

        /// <summary>True when at least two readings at different times are inside the span.</summary>
        public bool HasSlope { get; private set; }

        /// <summary>Readings the last fit used.</summary>
        public int ReadingsInSpan { get; private set; }

        /// <summary>
        /// Adds a reading taken at <paramref name="timeMs"/> (the node's monotonic clock) and refits. Readings beyond
        /// ±2^20 centi-°C are clamped. A time earlier than the newest reading's means the clock restarted: the history
        /// is cleared and this reading starts a new one.
        /// </summary>
        public void Add(int tempCentiC, long timeMs)
        {
            if (tempCentiC > ReadingLimitCentiC)
            {
                tempCentiC = ReadingLimitCentiC;
            }
            else if (tempCentiC < -ReadingLimitCentiC)
            {
                tempCentiC = -ReadingLimitCentiC;
            }

            if (newest >= 0 && timeMs < timesMs[newest])
            {
                Clear();
            }

            newest = newest + 1 == tempsCentiC.Length ? 0 : newest + 1;
            tempsCentiC[newest] = tempCentiC;
            timesMs[newest] = timeMs;
            if (stored < tempsCentiC.Length)
            {
                stored++;
            }

            TempCentiC = tempCentiC;
            Fit();
        }

        /// <summary>Forgets every reading.</summary>
        public void Clear()
        {
            newest = -1;
            stored = 0;
            TempCentiC = 0;
            SlopeCentiCPerMin = 0;
            HasSlope = false;
            ReadingsInSpan = 0;
        }

        private void Fit()
        {
            // Offsets from the newest reading keep the sums small: |dt| <= 2^24, |dy| <= 2^21, n <= 32.
            long newestMs = timesMs[newest];
            int newestCentiC = tempsCentiC[newest];
            long n = 0;
            long sumDt = 0;
            long sumDy = 0;
            long sumDtDt = 0;
            long sumDtDy = 0;
            int index = newest;
            for (int k = 0; k < stored; k++)
            {
                long dt = timesMs[index] - newestMs;
                if (-dt > spanMs)
                {
                    break;
                }

                long dy = tempsCentiC[index] - newestCentiC;
                n++;
                sumDt += dt;
                sumDy += dy;
                sumDtDt += dt * dt;
                sumDtDy += dt * dy;
                index = index == 0 ? tempsCentiC.Length - 1 : index - 1;
            }

            ReadingsInSpan = (int)n;
            long denominator = n * sumDtDt - sumDt * sumDt;
            long numerator = n * sumDtDy - sumDt * sumDy;
            HasSlope = denominator > 0;
            if (!HasSlope)
            {
                SlopeCentiCPerMin = 0;
                return;
            }

            ulong magnitude = MulDiv.RoundSat(numerator < 0 ? (ulong)(-numerator) : (ulong)numerator, MillisecondsPerMinute, (ulong)denominator);
            int slope = magnitude > int.MaxValue ? int.MaxValue : (int)magnitude;
            SlopeCentiCPerMin = numerator < 0 ? -slope : slope;
        }
    }
}
