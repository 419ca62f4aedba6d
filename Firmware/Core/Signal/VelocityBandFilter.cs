using System;
using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Coefficients, for one sample rate, of the filter chain that turns acceleration counts into band-limited
    /// velocity: the ISO 2954 band limit (third-order Butterworth high-pass at 10 Hz and low-pass at 1000 Hz)
    /// around an integrator. The chain, per sample:
    /// <list type="number">
    /// <item>high-pass biquad, Q = 1, 10 Hz (the second-order part of the third-order Butterworth high-pass);</item>
    /// <item>low-pass biquad, Q = 1, then first-order low-pass, both 1000 Hz (third-order Butterworth),
    /// only when the rate is at least <see cref="MinLowPassRateHz"/>; below it the band ends at the Nyquist
    /// frequency, where the accelerometer's own output filter (ADXL345: bandwidth = rate / 2) limits it;</item>
    /// <item>leaky integrator = the first-order part of the 10 Hz high-pass times an Al-Alaoui integrator
    /// (7/8 rectangular + 1/8 trapezoidal), whose gain stays within 2 % of 1/(2πf) up to half the Nyquist
    /// frequency, where a trapezoidal integrator is 21 % low.</item>
    /// </list>
    /// Bilinear transform with pre-warping at each edge frequency. Coefficients are Q28, designed in Q56
    /// integer arithmetic (tan by its series), so the result does not depend on the device's floating point.
    /// Created once per configuration; the per-sample loop copies the fields into locals.
    /// </summary>
    internal sealed class VelocityBandFilter
    {
        /// <summary>Lowest sample rate with the 1000 Hz low-pass (edge at 0.4 of the rate).</summary>
        public const int MinLowPassRateHz = 2500;

        /// <summary>Fraction bits of every coefficient.</summary>
        public const int CoefficientBits = 28;

        /// <summary>Fraction bits of the high-pass and low-pass outputs, in counts.</summary>
        public const int StageFractionBits = 12;

        /// <summary>Lower band edge, Hz.</summary>
        public const int LowEdgeHz = 10;

        /// <summary>Upper band edge when the low-pass is on, Hz.</summary>
        public const int HighEdgeHz = 1000;

        // Bound of a stage output, counts * 2^12: input span 2^16 counts times the L1 norm of the high-pass (2.71)
        // and low-pass (2.14 * 1.51 at 2500 Hz) impulse responses is 2^31.2.
        private const int StageBoundBits = 32;

        private const int DesignBits = 56;
        private const long DesignOne = 1L << DesignBits;

        // pi * 2^56, rounded.
        private const long DesignPi = 226375608064910089L;

        public readonly long HighPassB0;
        public readonly long HighPassA1;
        public readonly long HighPassA2;
        public readonly bool LowPassEnabled;
        public readonly long LowPassB0;
        public readonly long LowPassA1;
        public readonly long LowPassA2;
        public readonly long FirstOrderB0;
        public readonly long FirstOrderA1;

        /// <summary>Integrator input gain 1 / (8 (1 + K)) / 2^4: its input is counts * 2^12, its state counts * 2^8 * samples.</summary>
        public readonly long IntegratorGain;

        /// <summary>Integrator leak 1 - pole = 2K / (1 + K), with K = tan(pi * 10 Hz / rate).</summary>
        public readonly long IntegratorLeak;

        /// <summary>Right shift from the integrator state to the velocity sample that is squared: keeps it below 2^31.</summary>
        public readonly int VelocityShift;

        /// <summary>Upper band edge in Hz: 1000 with the low-pass, else half the sample rate.</summary>
        public readonly int UpperEdgeHz;

        /// <summary>Designs the chain for <paramref name="sampleRateHz"/> (100 to 12800 Hz; the caller validates).</summary>
        public VelocityBandFilter(int sampleRateHz)
        {
            long k = TanOfPiRatio(LowEdgeHz, sampleRateHz);
            long kSquared = Mul(k, k);
            long norm = Div(DesignOne, DesignOne + k + kSquared);
            HighPassB0 = ToCoefficient(norm);
            HighPassA1 = ToCoefficient(2 * Mul(kSquared - DesignOne, norm));
            HighPassA2 = ToCoefficient(Mul(DesignOne - k + kSquared, norm));

            long onePlusK = DesignOne + k;
            IntegratorLeak = ToCoefficient(Div(2 * k, onePlusK));
            IntegratorGain = ToCoefficient(Div(DesignOne, 8 * onePlusK) >> 4);

            // Integrator state bound: input 2^(StageBoundBits - 4) counts * 2^8 times its DC gain 1 / (2K).
            long dcGain = DesignOne / (2 * k);
            int shift = StageBoundBits - 4 + WideUnsigned.BitLength((ulong)dcGain + 1) - 31;
            VelocityShift = shift > 0 ? shift : 0;

            LowPassEnabled = sampleRateHz >= MinLowPassRateHz;
            UpperEdgeHz = LowPassEnabled ? HighEdgeHz : sampleRateHz / 2;
            if (LowPassEnabled)
            {
                long kLow = TanOfPiRatio(HighEdgeHz, sampleRateHz);
                long kLowSquared = Mul(kLow, kLow);
                long normLow = Div(DesignOne, DesignOne + kLow + kLowSquared);
                LowPassB0 = ToCoefficient(Mul(kLowSquared, normLow));
                LowPassA1 = ToCoefficient(2 * Mul(kLowSquared - DesignOne, normLow));
                LowPassA2 = ToCoefficient(Mul(DesignOne - kLow + kLowSquared, normLow));
                long normFirst = Div(DesignOne, DesignOne + kLow);
                FirstOrderB0 = ToCoefficient(Mul(kLow, normFirst));
                FirstOrderA1 = ToCoefficient(Mul(kLow - DesignOne, normFirst));
            }
        }

        // Q56 -> Q28, rounded to nearest (ties away from zero).
        private static long ToCoefficient(long q56)
        {
            long half = 1L << (DesignBits - CoefficientBits - 1);
            return q56 >= 0
                ? (q56 + half) >> (DesignBits - CoefficientBits)
                : -((-q56 + half) >> (DesignBits - CoefficientBits));
        }

        // a * b in Q56, rounded; |a|, |b| < 2^63 and the product below 2^7 (all design values are below 14).
        private static long Mul(long a, long b)
        {
            ulong magnitude = MulDiv.RoundSat(Magnitude(a), Magnitude(b), (ulong)DesignOne);
            return (a < 0) != (b < 0) ? -(long)magnitude : (long)magnitude;
        }

        // a / b in Q56, rounded; b != 0 and the quotient below 2^7.
        private static long Div(long a, long b)
        {
            ulong magnitude = MulDiv.RoundSat(Magnitude(a), (ulong)DesignOne, Magnitude(b));
            return (a < 0) != (b < 0) ? -(long)magnitude : (long)magnitude;
        }

        private static ulong Magnitude(long value)
        {
            return value < 0 ? (ulong)(-value) : (ulong)value;
        }

        // tan(pi * numerator / denominator) in Q56 for a ratio in (0, 0.45]: sine and cosine by their Taylor
        // series, which converge to 2^-56 in under 20 terms for angles up to 1.42 rad.
        private static long TanOfPiRatio(int numerator, int denominator)
        {
            if (numerator <= 0 || (long)numerator * 20 > (long)denominator * 9)
            {
                throw new ArgumentOutOfRangeException(nameof(numerator));
            }

            long angle = (long)MulDiv.RoundSat((ulong)DesignPi, (ulong)numerator, (ulong)denominator);
            long angleSquared = Mul(angle, angle);
            long sine = angle;
            long cosine = DesignOne;
            long sineTerm = angle;
            long cosineTerm = DesignOne;
            for (int n = 1; n < 40 && (sineTerm != 0 || cosineTerm != 0); n++)
            {
                cosineTerm = -Mul(cosineTerm, angleSquared) / ((2 * n - 1) * (2 * n));
                sineTerm = -Mul(sineTerm, angleSquared) / ((2 * n) * (2 * n + 1));
                cosine += cosineTerm;
                sine += sineTerm;
            }

            return Div(sine, cosine);
        }
    }
}
