using System;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// Sample-rate reduction by an integer factor behind an anti-alias low-pass, so that content above
    /// the new Nyquist frequency is removed instead of folding down (plain sample dropping would alias).
    /// The filter is a linear-phase windowed-sinc FIR: an ideal low-pass impulse response
    /// 2 fc sinc(2 fc (n - M/2)) times a Blackman window, normalised to unit gain at DC. With a Blackman
    /// window the transition band is about 5.5 / taps of the input rate wide and the stop band is
    /// about 74 dB down.
    /// </summary>
    public sealed class Decimator
    {
        private readonly double[] taps;

        /// <param name="factor">Keep one output sample per <paramref name="factor"/> input samples.</param>
        /// <param name="cutoffFraction">Cut-off (centre of the transition band) as a fraction of the input rate; below 0.5 / factor.</param>
        /// <param name="tapCount">Odd number of FIR taps.</param>
        public Decimator(int factor, double cutoffFraction, int tapCount)
        {
            if (factor < 1 || tapCount < 3 || tapCount % 2 == 0 || cutoffFraction <= 0 || cutoffFraction >= 0.5)
            {
                throw new ArgumentException("need factor >= 1, an odd tap count >= 3 and 0 < cutoff < 0.5");
            }

            Factor = factor;
            taps = new double[tapCount];
            int middle = tapCount / 2;
            double sum = 0;
            for (int n = 0; n < tapCount; n++)
            {
                double x = n - middle;
                double ideal = x == 0 ? 2 * cutoffFraction : Math.Sin(2 * Math.PI * cutoffFraction * x) / (Math.PI * x);
                double window = 0.42 - (0.5 * Math.Cos(2 * Math.PI * n / (tapCount - 1))) + (0.08 * Math.Cos(4 * Math.PI * n / (tapCount - 1)));
                taps[n] = ideal * window;
                sum += taps[n];
            }

            for (int n = 0; n < tapCount; n++)
            {
                taps[n] /= sum;
            }
        }

        /// <summary>
        /// 48 kHz to 12 kHz for the CWRU normal recording: factor 4, 129 taps, cut-off 5 kHz. The pass band
        /// reaches about 4 kHz and the stop band starts at about 6 kHz, the new Nyquist frequency.
        /// </summary>
        public static Decimator Cwru48kTo12k()
        {
            return new Decimator(4, 5000.0 / 48000.0, 129);
        }

        public int Factor { get; }

        /// <summary>Gain of the filter at <paramref name="frequencyFraction"/> of the input rate (for tests).</summary>
        public double GainAt(double frequencyFraction)
        {
            double re = 0;
            double im = 0;
            for (int n = 0; n < taps.Length; n++)
            {
                re += taps[n] * Math.Cos(2 * Math.PI * frequencyFraction * n);
                im -= taps[n] * Math.Sin(2 * Math.PI * frequencyFraction * n);
            }

            return Math.Sqrt((re * re) + (im * im));
        }

        /// <summary>
        /// Filters and keeps every <see cref="Factor"/>-th sample, using only outputs whose filter span
        /// lies wholly inside the input ("valid" mode: no invented samples at the edges). Output m is
        /// centred on input sample middle + m * factor.
        /// </summary>
        public double[] Apply(double[] input)
        {
            int span = taps.Length;
            if (input.Length < span)
            {
                return new double[0];
            }

            int count = ((input.Length - span) / Factor) + 1;
            double[] output = new double[count];
            for (int m = 0; m < count; m++)
            {
                int start = m * Factor;
                double acc = 0;
                for (int k = 0; k < span; k++)
                {
                    acc += taps[k] * input[start + k];
                }

                output[m] = acc;
            }

            return output;
        }
    }
}
