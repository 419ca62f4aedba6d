using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Per-window current from a sensor that reports mA directly (INA219 style): the mean and the RMS of the window's
    /// readings. Nothing is removed: for a DC supply the RMS equals |mean|, for a sampled AC current it is the true RMS.
    /// </summary>
    /// <remarks>
    /// Readings are clamped to ±<see cref="MaxReadingMa"/> (16.7 kA) and a window takes at most
    /// <see cref="MaxReadings"/>, so the sums are exact in 64 bits. No allocation. Not thread-safe.
    /// </remarks>
    public sealed class DirectCurrentWindow
    {
        /// <summary>Largest reading magnitude kept, mA (2^24 - 1); larger readings are clamped to it.</summary>
        public const int MaxReadingMa = (1 << 24) - 1;

        /// <summary>Most readings per window.</summary>
        public const int MaxReadings = 1 << 15;

        private int count;
        private long sum;
        private long sumOfSquares;

        /// <summary>Mean of the last finished window, mA, rounded to nearest (ties away from zero).</summary>
        public int MeanMa { get; private set; }

        /// <summary>RMS of the last finished window, mA, rounded to nearest.</summary>
        public int RmsMa { get; private set; }

        /// <summary>Readings in the last finished window (0: the sensor gave none, and both values are 0).</summary>
        public int SampleCount { get; private set; }

        /// <summary>Readings added since the last <see cref="FinishWindow"/>.</summary>
        public int PendingCount => count;

        /// <summary>Adds one reading; returns false (and ignores it) when the window already holds <see cref="MaxReadings"/>.</summary>
        public bool Add(int currentMa)
        {
            if (count >= MaxReadings)
            {
                return false;
            }

            if (currentMa > MaxReadingMa)
            {
                currentMa = MaxReadingMa;
            }
            else if (currentMa < -MaxReadingMa)
            {
                currentMa = -MaxReadingMa;
            }

            count++;
            sum += currentMa;
            sumOfSquares += (long)currentMa * currentMa;
            return true;
        }

        /// <summary>Computes <see cref="MeanMa"/>, <see cref="RmsMa"/> and <see cref="SampleCount"/>, then starts a new window.</summary>
        public void FinishWindow()
        {
            SampleCount = count;
            if (count == 0)
            {
                MeanMa = 0;
                RmsMa = 0;
                return;
            }

            MeanMa = (int)IntDiv.RoundSat(sum, count);

            // sqrt(sumOfSquares / n) rounded: sqrt of 4x the mean square gives the bit that decides the rounding.
            ulong meanSquareTimesFour = MulDiv.RoundSat((ulong)sumOfSquares, 4, (ulong)count);
            RmsMa = (int)((IntSqrt.Floor64(meanSquareTimesFour) + 1UL) >> 1);
            count = 0;
            sum = 0;
            sumOfSquares = 0;
        }
    }
}
