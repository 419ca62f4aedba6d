using System;

namespace SensorNode.Hardware.Virtual.Tests.Support
{
    /// <summary>Reference signal analysis in double precision, written for clarity, not speed.</summary>
    internal static class Signal
    {
        public delegate double Sampler(double timeS);

        /// <summary>Samples <paramref name="count"/> values at <paramref name="rateHz"/> starting at <paramref name="startS"/>.</summary>
        public static double[] Sample(Sampler f, double startS, double rateHz, int count)
        {
            var x = new double[count];
            for (int i = 0; i < count; i++)
            {
                x[i] = f(startS + i / rateHz);
            }

            return x;
        }

        /// <summary>
        /// Peak amplitude of the component at <paramref name="frequencyHz"/>: 2/N·|Σ x·e^(−jωn)| after removing the mean.
        /// Exact for a tone that completes whole cycles in the record.
        /// </summary>
        public static double ToneAmplitude(double[] x, double rateHz, double frequencyHz)
        {
            double mean = Mean(x);
            double re = 0, im = 0;
            double w = 2 * Math.PI * frequencyHz / rateHz;
            for (int n = 0; n < x.Length; n++)
            {
                double v = x[n] - mean;
                re += v * Math.Cos(w * n);
                im -= v * Math.Sin(w * n);
            }

            return 2 * Math.Sqrt(re * re + im * im) / x.Length;
        }

        public static double Mean(double[] x)
        {
            double s = 0;
            foreach (double v in x)
            {
                s += v;
            }

            return s / x.Length;
        }

        /// <summary>Root mean square including any DC.</summary>
        public static double Rms(double[] x)
        {
            double s = 0;
            foreach (double v in x)
            {
                s += v * v;
            }

            return Math.Sqrt(s / x.Length);
        }

        /// <summary>Standard deviation (population).</summary>
        public static double StdDev(double[] x)
        {
            double m = Mean(x);
            double s = 0;
            foreach (double v in x)
            {
                s += (v - m) * (v - m);
            }

            return Math.Sqrt(s / x.Length);
        }

        /// <summary>Kurtosis (fourth standardised moment; 3 for Gaussian noise, 1.5 for a sine).</summary>
        public static double Kurtosis(double[] x)
        {
            double m = Mean(x);
            double s2 = 0, s4 = 0;
            foreach (double v in x)
            {
                double d = (v - m) * (v - m);
                s2 += d;
                s4 += d * d;
            }

            s2 /= x.Length;
            s4 /= x.Length;
            return s4 / (s2 * s2);
        }
    }
}
