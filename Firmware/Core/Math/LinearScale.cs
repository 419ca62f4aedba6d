using System;

namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// Converts raw sensor counts to engineering units with a fixed gain of
    /// numerator / denominator units per count, e.g. new LinearScale(39, 10) for the ADXL345's
    /// 3.9 mg/LSB in full resolution (counts to milli-g), or new LinearScale(3300, 4095) for a
    /// 12-bit ADC over 3.3 V (counts to millivolts).
    /// The gain is stored once as <see cref="Multiplier"/> / 2^<see cref="Shift"/>, with the
    /// largest shift that keeps the multiplier below 2^31 (so at least 2^30) and the multiplier
    /// rounded to nearest, so the stored gain's relative error is at most 2^-31.
    /// Converting is one 64-bit multiply, a rounding add and a shift: no allocation, no division.
    /// Offsets (a mid-rail ADC zero, a sensor bias) are the caller's to subtract first.
    /// </summary>
    public sealed class LinearScale
    {
        /// <summary>
        /// Gain numerator, in (0, 2^31): units per count = Multiplier / 2^Shift. Public so that a
        /// per-sample loop can copy it into a local and inline the conversion without a call.
        /// </summary>
        public readonly long Multiplier;

        /// <summary>Gain shift in [0, 62]: units per count = Multiplier / 2^Shift.</summary>
        public readonly int Shift;

        /// <summary>
        /// Creates a scale of <paramref name="numerator"/> / <paramref name="denominator"/> units
        /// per count. The stored gain is that ratio rounded to nearest at 2^-Shift.
        /// Throws <see cref="ArgumentOutOfRangeException"/> unless both are positive.
        /// </summary>
        public LinearScale(int numerator, int denominator)
        {
            if (numerator <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(numerator));
            }

            if (denominator <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(denominator));
            }

            // Binary long division: add quotient bits until the multiplier has 31 significant bits.
            long multiplier = numerator / denominator;
            long remainder = numerator % denominator;
            int shift = 0;
            while (multiplier < (1L << 30) && shift < 62)
            {
                remainder <<= 1;
                multiplier <<= 1;
                if (remainder >= denominator)
                {
                    remainder -= denominator;
                    multiplier++;
                }

                shift++;
            }

            if (remainder >= denominator - remainder)
            {
                multiplier++;
            }

            // Rounding up can reach 2^31; halve it (exactly) so the product bound |counts * M| < 2^62 holds.
            if (multiplier == 1L << 31 && shift > 0)
            {
                multiplier >>= 1;
                shift--;
            }

            Multiplier = multiplier;
            Shift = shift;
        }

        /// <summary>
        /// round(counts * numerator / denominator) in units: rounded to nearest with ties away
        /// from zero, saturated to int.
        /// </summary>
        public int Apply(int counts)
        {
            return Scale(counts, Shift);
        }

        /// <summary>
        /// Like <see cref="Apply"/> for a count value carrying <paramref name="fractionBits"/>
        /// fraction bits (a value computed at sub-count resolution, such as an RMS taken as
        /// sqrt(meanSquare * 2^16), which is counts in Q.8): round(countsScaled / 2^fractionBits
        /// * numerator / denominator), ties away from zero, saturated to int.
        /// Throws <see cref="ArgumentOutOfRangeException"/> for negative fractionBits.
        /// </summary>
        public int ApplyScaled(int countsScaled, int fractionBits)
        {
            if (fractionBits < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(fractionBits));
            }

            return Scale(countsScaled, Shift + fractionBits);
        }

        private int Scale(int value, int totalShift)
        {
            // |value * Multiplier| < 2^31 * 2^31 = 2^62: exact in 64 bits.
            long product = value * Multiplier;
            if (totalShift == 0)
            {
                return Saturate.ToInt32(product);
            }

            // |product| < 2^62 means |product / 2^63| < 0.5, which rounds to 0.
            if (totalShift > 62)
            {
                return 0;
            }

            long half = 1L << (totalShift - 1);
            long rounded = product >= 0
                ? (product + half) >> totalShift
                : -((-product + half) >> totalShift);
            return Saturate.ToInt32(rounded);
        }
    }
}
