using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Per-window statistics from integer power sums, for <see cref="VibrationFeatureExtractor"/> and the current
    /// burst RMS. The sums are of d = x - r for a reference r (any integer: the extractor uses the previous window's
    /// mean), and the mean is removed algebraically, so the results are central moments of the window whatever r is.
    /// Ranges: count in [1, 32768] and |d| &lt;= 65535, so that sum (&lt; 2^31), n * sumOfSquares (&lt; 2^63) and
    /// sumOfCubes (&lt; 2^63) fit a long; the fourth-power sum is 128 bits (high and low words). No allocation.
    /// </summary>
    public static class SampleMoments
    {
        /// <summary>Largest count the ranges above allow.</summary>
        public const int MaxCount = 32768;

        private const ulong OneQ32 = 1UL << 32;

        /// <summary>
        /// Standard deviation (RMS about the mean) of the samples in counts Q.8 (256 = 1 count):
        /// round(256 * sqrt((n * sumOfSquares - sum^2) / n^2)), within 1 LSB. 0 for count &lt; 1.
        /// </summary>
        public static int RmsCountsQ8(int count, long sum, long sumOfSquares)
        {
            long spread = SpreadTimesCountSquared(count, sum, sumOfSquares);
            if (spread <= 0)
            {
                return 0;
            }

            // Mean square in Q.16 is below 2^48; 4x it keeps the square root's last bit for rounding.
            ulong meanSquareQ16 = MulDiv.RoundSat((ulong)spread, 1UL << 16, (ulong)count * (ulong)count);
            uint twiceRoot = IntSqrt.Floor64(meanSquareQ16 << 2);
            return (int)((twiceRoot + 1) >> 1);
        }

        /// <summary>
        /// n * sumOfSquares - sum^2 = n^2 * variance, exact; never negative. 0 for count &lt; 1.
        /// </summary>
        public static long SpreadTimesCountSquared(int count, long sum, long sumOfSquares)
        {
            if (count < 1)
            {
                return 0;
            }

            long spread = count * sumOfSquares - sum * sum;
            return spread > 0 ? spread : 0;
        }

        /// <summary>
        /// Kurtosis x100, n * sum((d - m)^4) / (sum((d - m)^2))^2 with m the mean of d (300 for a normal
        /// distribution, 150 for a sine), from the power sums about any reference. Computed as
        /// (K4 - 4P + 6ρ - 3ρ²) / (1 - ρ)² with K4 = n S4 / S2², P = S1 S3 / S2², ρ = S1² / (n S2), each in Q32
        /// through 128-bit products, so the result is within 1 of the exact value while the reference is within
        /// a few standard deviations of the mean. Rounded to nearest; saturates at int.MaxValue.
        /// Returns 0 when it is undefined: fewer than 2 samples, no spread, or a mean more than 2^8 standard
        /// deviations from the reference (1 - ρ below 2^-16), where the Q32 terms cannot resolve it.
        /// </summary>
        public static int KurtosisX100(int count, long sum, long sumOfSquares, long sumOfCubes, ulong sumOfFourthHigh, ulong sumOfFourthLow)
        {
            long spread = SpreadTimesCountSquared(count, sum, sumOfSquares);
            if (count < 2 || spread <= 0)
            {
                return 0;
            }

            ulong countTimesSquares = (ulong)count * (ulong)sumOfSquares;
            ulong rho = MulDiv.RoundSat((ulong)(sum * sum), OneQ32, countTimesSquares);
            ulong oneMinusRho = MulDiv.RoundSat((ulong)spread, OneQ32, countTimesSquares);
            ulong denominator = MulDiv.RoundSat(oneMinusRho, oneMinusRho, OneQ32);
            if (denominator == 0)
            {
                return 0;
            }

            // S2 scaled below 2^32 so that its square fits a ulong; S4 <= S2^2, so S4 / 2^(2j) fits too.
            int scaleBits = WideUnsigned.BitLength((ulong)sumOfSquares) - 32;
            if (scaleBits < 0)
            {
                scaleBits = 0;
            }

            ulong scaledSquares = (ulong)sumOfSquares >> scaleBits;
            ulong scaledSquaresSquared = scaledSquares * scaledSquares;
            ulong scaledFourth = WideUnsigned.ShiftRightSat(sumOfFourthHigh, sumOfFourthLow, 2 * scaleBits);
            ulong k4 = MulDiv.RoundSat(scaledFourth, (ulong)count << 32, scaledSquaresSquared);

            ulong sumMagnitude = sum < 0 ? (ulong)(-sum) : (ulong)sum;
            ulong cubesMagnitude = sumOfCubes < 0 ? (ulong)(-sumOfCubes) : (ulong)sumOfCubes;
            ulong p = MulDiv.RoundSat(sumMagnitude << 32, cubesMagnitude >> (2 * scaleBits), scaledSquaresSquared);
            long fourP = (sum < 0) != (sumOfCubes < 0) ? -4 * (long)p : 4 * (long)p;

            ulong rhoSquared = MulDiv.RoundSat(rho, rho, OneQ32);
            long numerator = (long)k4 - fourP + 6 * (long)rho - 3 * (long)rhoSquared;
            if (numerator <= 0)
            {
                return 0;
            }

            ulong kurtosis = MulDiv.RoundSat((ulong)numerator, 100, denominator);
            return kurtosis > int.MaxValue ? int.MaxValue : (int)kurtosis;
        }

        /// <summary>
        /// RMS of samples whose squares were summed into a 128-bit (high, low) sum, in Q.8:
        /// floor(256 * sqrt(sum / count)), exact to 1 LSB below 2^46 mean square and to a relative 2^-23 above.
        /// 0 for count &lt; 1. The mean square (sum / count) must be below 2^64, as it is for squares of values below 2^32.
        /// </summary>
        public static ulong RootMeanSquareQ8(ulong sumHigh, ulong sumLow, int count)
        {
            if (count < 1)
            {
                return 0;
            }

            ulong remainder;
            ulong meanSquare = WideUnsigned.DivideSat(sumHigh, sumLow, (ulong)count, out remainder);
            if (meanSquare >= 1UL << 46)
            {
                return (ulong)IntSqrt.Floor64(meanSquare) << 8;
            }

            ulong meanSquareQ16 = (meanSquare << 16) + MulDiv.RoundSat(remainder, 1UL << 16, (ulong)count);
            return IntSqrt.Floor64(meanSquareQ16);
        }
    }
}
