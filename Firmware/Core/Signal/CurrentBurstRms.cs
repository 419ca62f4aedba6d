using System;
using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// RMS current from one ADC burst of a current transformer (CT clamp) whose output rides on a bias: the burst's
    /// mean is the bias and is removed, so the result is the AC RMS whatever the divider's tolerance or drift. This is
    /// the node's one implementation of burst RMS; the CT clamp driver calls it.
    /// </summary>
    /// <remarks>
    /// The calibration is a rational mA per count, e.g. full-scale mV × mA-per-V / (max count × 1000). The burst
    /// should span whole mains cycles, so the mean is the bias exactly. Samples are any short values, up to
    /// <see cref="MaxSamples"/> per burst: the sums are exact in 64 bits (see <see cref="SampleMoments"/>).
    /// <see cref="Measure"/> is one integer loop without calls; the rest allocates nothing. Not thread-safe.
    /// </remarks>
    public sealed class CurrentBurstRms
    {
        /// <summary>Most samples per burst.</summary>
        public const int MaxSamples = SampleMoments.MaxCount;

        private readonly ulong milliampsPerCountNumerator;
        private readonly ulong milliampsPerCountDenominatorQ8;
        private readonly int clipLowCounts;
        private readonly int clipHighCounts;

        /// <summary>
        /// Creates the calculator. mA per count = <paramref name="milliampsPerCountNumerator"/> /
        /// <paramref name="milliampsPerCountDenominator"/>, both in [1, 2^48]. A sample at or below
        /// <paramref name="clipLowCounts"/> or at or above <paramref name="clipHighCounts"/> counts as clipped
        /// (for a 12-bit ADC: 0 and 4095). Throws <see cref="ArgumentOutOfRangeException"/> for values out of range.
        /// </summary>
        public CurrentBurstRms(long milliampsPerCountNumerator, long milliampsPerCountDenominator, int clipLowCounts, int clipHighCounts)
        {
            if (milliampsPerCountNumerator < 1 || milliampsPerCountNumerator > 1L << 48)
            {
                throw new ArgumentOutOfRangeException(nameof(milliampsPerCountNumerator));
            }

            if (milliampsPerCountDenominator < 1 || milliampsPerCountDenominator > 1L << 48)
            {
                throw new ArgumentOutOfRangeException(nameof(milliampsPerCountDenominator));
            }

            if (clipHighCounts <= clipLowCounts)
            {
                throw new ArgumentOutOfRangeException(nameof(clipHighCounts));
            }

            this.milliampsPerCountNumerator = (ulong)milliampsPerCountNumerator;
            milliampsPerCountDenominatorQ8 = (ulong)milliampsPerCountDenominator << 8;
            this.clipLowCounts = clipLowCounts;
            this.clipHighCounts = clipHighCounts;
        }

        /// <summary>RMS current of the last burst with the bias removed, mA, rounded to nearest (RMS counts within 1/256 count).</summary>
        public int CurrentRmsMa { get; private set; }

        /// <summary>RMS of the last burst about its mean, counts Q.8 (256 = 1 count), rounded.</summary>
        public int RmsCountsQ8 { get; private set; }

        /// <summary>Sum of the last burst's samples, counts: its mean, the bias, is SumCounts / SampleCount in any unit the caller needs.</summary>
        public long SumCounts { get; private set; }

        /// <summary>Samples in the last burst.</summary>
        public int SampleCount { get; private set; }

        /// <summary>Samples of the last burst at or beyond the clip limits: the RMS reads low when this is not 0.</summary>
        public int ClippedSamples { get; private set; }

        /// <summary>
        /// Computes every property from samples[offset .. offset + count) and returns <see cref="CurrentRmsMa"/>.
        /// Throws <see cref="ArgumentNullException"/> or <see cref="ArgumentOutOfRangeException"/> for a bad range or
        /// count outside [1, <see cref="MaxSamples"/>].
        /// </summary>
        public int Measure(short[] samples, int offset, int count)
        {
            if (samples == null)
            {
                throw new ArgumentNullException(nameof(samples));
            }

            if (count < 1 || count > MaxSamples || offset < 0 || offset > samples.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            // The per-sample loop: |x| <= 32768 and n <= 2^15 keep sum < 2^31 and the sum of squares < 2^45.
            long sum = 0;
            long sumOfSquares = 0;
            int clipped = 0;
            int low = clipLowCounts;
            int high = clipHighCounts;
            int end = offset + count;
            for (int index = offset; index < end; index++)
            {
                int x = samples[index];
                sum += x;
                sumOfSquares += x * x;
                if (x <= low || x >= high)
                {
                    clipped++;
                }
            }

            int rmsQ8 = SampleMoments.RmsCountsQ8(count, sum, sumOfSquares);
            ulong currentMa = MulDiv.RoundSat((ulong)rmsQ8, milliampsPerCountNumerator, milliampsPerCountDenominatorQ8);
            RmsCountsQ8 = rmsQ8;
            CurrentRmsMa = currentMa > int.MaxValue ? int.MaxValue : (int)currentMa;
            SumCounts = sum;
            SampleCount = count;
            ClippedSamples = clipped;
            return CurrentRmsMa;
        }
    }
}
