using System;

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>
    /// Double-precision reference for the signal tests: synthetic signals written into interleaved count buffers, and
    /// the exact statistics of whatever was written (two-pass, about the window mean), so quantisation to counts
    /// affects the reference and the code under test alike. Each test states its own error bound.
    /// </summary>
    public static class SignalReference
    {
        /// <summary>ADXL345 full resolution, the extractor's default scale: 1000/256 milli-g per count.</summary>
        public const double MilliGPerCount = 1000.0 / 256.0;

        /// <summary>Standard gravity in µm/s² per milli-g.</summary>
        public const double MicrometresPerSecondSquaredPerMilliG = 9806.65;

        /// <summary>
        /// Writes round(dc + amplitude * sin(2π f t / rate)) for t = firstSample .. firstSample + frames - 1 into
        /// <paramref name="axis"/> of an interleaved buffer, clamped to the short range.
        /// </summary>
        public static void Sine(short[] buffer, int axis, int axisCount, int frames, long firstSample, double sampleRateHz, double frequencyHz, double amplitudeCounts, double dcCounts)
        {
            for (int i = 0; i < frames; i++)
            {
                double value = dcCounts + amplitudeCounts * Math.Sin(2 * Math.PI * frequencyHz * (firstSample + i) / sampleRateHz);
                buffer[i * axisCount + axis] = ToCount(value);
            }
        }

        /// <summary>Rounds to the nearest count (ties away from zero) and clamps to [-32768, 32767].</summary>
        public static short ToCount(double value)
        {
            double rounded = value >= 0 ? Math.Floor(value + 0.5) : -Math.Floor(-value + 0.5);
            if (rounded > 32767)
            {
                return 32767;
            }

            return rounded < -32768 ? (short)-32768 : (short)rounded;
        }

        /// <summary>Mean of one axis.</summary>
        public static double Mean(short[] buffer, int axis, int axisCount, int frames)
        {
            double sum = 0;
            for (int i = 0; i < frames; i++)
            {
                sum += buffer[i * axisCount + axis];
            }

            return sum / frames;
        }

        /// <summary>Central moment of order <paramref name="order"/> (2 or 4) of one axis.</summary>
        public static double CentralMoment(short[] buffer, int axis, int axisCount, int frames, int order)
        {
            double mean = Mean(buffer, axis, axisCount, frames);
            double sum = 0;
            for (int i = 0; i < frames; i++)
            {
                double d = buffer[i * axisCount + axis] - mean;
                double dSquared = d * d;
                sum += order == 4 ? dSquared * dSquared : dSquared;
            }

            return sum / frames;
        }

        /// <summary>Standard deviation (RMS about the mean) of one axis, counts.</summary>
        public static double Rms(short[] buffer, int axis, int axisCount, int frames)
        {
            return Math.Sqrt(CentralMoment(buffer, axis, axisCount, frames, 2));
        }

        /// <summary>Largest |x - mean| of one axis, counts.</summary>
        public static double Peak(short[] buffer, int axis, int axisCount, int frames)
        {
            double mean = Mean(buffer, axis, axisCount, frames);
            double peak = 0;
            for (int i = 0; i < frames; i++)
            {
                double d = buffer[i * axisCount + axis] - mean;
                double magnitude = d < 0 ? -d : d;
                peak = magnitude > peak ? magnitude : peak;
            }

            return peak;
        }

        /// <summary>Kurtosis (not excess) of one axis: m4 / m2².</summary>
        public static double Kurtosis(short[] buffer, int axis, int axisCount, int frames)
        {
            double m2 = CentralMoment(buffer, axis, axisCount, frames, 2);
            return CentralMoment(buffer, axis, axisCount, frames, 4) / (m2 * m2);
        }

        /// <summary>Velocity RMS in µm/s of a sine of <paramref name="amplitudeCounts"/> at f with no band limit: a / (2πf √2).</summary>
        public static double IdealVelocityRmsUmS(double amplitudeCounts, double frequencyHz, double milliGPerCount)
        {
            return amplitudeCounts * milliGPerCount * MicrometresPerSecondSquaredPerMilliG / (2 * Math.PI * frequencyHz * Math.Sqrt(2));
        }

        /// <summary>
        /// Gain of the ISO 2954 band limit (analog third-order Butterworth high-pass at 10 Hz, and low-pass at 1000 Hz
        /// when <paramref name="withLowPass"/>), the response a reference vibration meter has.
        /// </summary>
        public static double IsoBandGain(double frequencyHz, bool withLowPass)
        {
            double high = 1 / Math.Sqrt(1 + Math.Pow(10 / frequencyHz, 6));
            double low = withLowPass ? 1 / Math.Sqrt(1 + Math.Pow(frequencyHz / 1000, 6)) : 1;
            return high * low;
        }

        /// <summary>|measured / expected - 1|, for relative error bounds.</summary>
        public static double RelativeError(double measured, double expected)
        {
            double error = measured / expected - 1;
            return error < 0 ? -error : error;
        }

        /// <summary>|a - b| for ints, as a double for messages and bounds.</summary>
        public static double Distance(int measured, double expected)
        {
            double d = measured - expected;
            return d < 0 ? -d : d;
        }
    }
}
