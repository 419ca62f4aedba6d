using System;
using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Vibration features per axis from raw accelerometer counts: acceleration RMS and peak (milli-g, DC removed),
    /// crest factor and kurtosis (x100), velocity RMS in the ISO 10816 band (µm/s) and its ISO zone.
    /// </summary>
    /// <remarks>
    /// <para>Use: <see cref="AddSamples"/> for each batch of interleaved counts (x, y, z, x, y, z, ... as the ADXL345
    /// FIFO drains them; one axis for a single-axis source), then <see cref="FinishWindow"/> once per window (the
    /// caller decides the window: by sample count or by its clock), then read <see cref="Axis"/>. A window holds at
    /// most <see cref="MaxWindowSamples"/> samples per axis; <see cref="AddSamples"/> takes no more.</para>
    /// <para>Cost: <see cref="AddSamples"/> is the only per-sample code: one loop per axis over the whole batch, integer
    /// arithmetic only (64-bit), no calls, no allocation. <see cref="FinishWindow"/> runs once per window, calls the
    /// fixed-point helpers and allocates nothing. All buffers and result objects are created by the constructor.</para>
    /// <para>Accuracy: the moment features are exact integer sums about the previous window's mean, rounded once at the
    /// end (RMS and peak within 1 milli-g plus the scale's rounding; kurtosis within 1). The velocity filter
    /// (<see cref="VelocityBandFilter"/>) keeps its state across batches and windows, so a window boundary does not
    /// disturb it; after construction or <see cref="Restart"/> it starts as if the first sample's value had always been
    /// there (no gravity step) and settles from any vibration's switch-on within <see cref="SettlingMs"/>.</para>
    /// <para>Saturation: any short input is valid, including ±32767 square waves; no sum wraps (see
    /// <see cref="SampleMoments"/> for the ranges); the velocity squares are summed in 128 bits; results saturate at
    /// int.MaxValue. Not thread-safe: one owner calls it.</para>
    /// </remarks>
    public sealed class VibrationFeatureExtractor
    {
        /// <summary>Most samples per axis in one window (keeps every sum inside 64 bits).</summary>
        public const int MaxWindowSamples = SampleMoments.MaxCount;

        /// <summary>
        /// Time after (re)start within which a velocity start-up transient decays below 1e-3 of its size: the slowest
        /// filter poles (10 Hz, Q = 1 and first order) have time constants of 32 ms and 16 ms.
        /// </summary>
        public const int SettlingMs = 250;

        // Standard gravity: 1 mg = 9806.65 µm/s^2, x100 to stay an integer.
        private const ulong MicrometresPerSecondSquaredPerMilliGX100 = 980665;

        private readonly VelocityBandFilter filter;
        private readonly VibrationAxisState[] states;
        private readonly VibrationFeatures[] results;
        private readonly LinearScale milliGPerCount;
        private readonly IsoMachineGroup machineGroup;
        private readonly IsoFoundation foundation;
        private readonly int axisCount;
        private readonly int sampleRateHz;
        private readonly long settlingSamples;
        private readonly ulong velocityMultiplier;
        private readonly int velocityShift;
        private int windowSamples;
        private long samplesSinceRestart;
        private long windowStartSample;

        /// <summary>
        /// Creates the extractor, its per-axis state and result objects, and designs the velocity filter for the rate.
        /// Throws <see cref="ArgumentNullException"/> without parameters and <see cref="ArgumentOutOfRangeException"/> for
        /// invalid ones, including a milli-g scale below 2^-16 mg/count.
        /// </summary>
        public VibrationFeatureExtractor(VibrationParameters parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException(nameof(parameters));
            }

            parameters.Validate();
            axisCount = parameters.AxisCount;
            sampleRateHz = parameters.SampleRateHz;
            milliGPerCount = parameters.MilliGPerCount;
            machineGroup = parameters.MachineGroup;
            foundation = parameters.Foundation;
            filter = new VelocityBandFilter(sampleRateHz);
            settlingSamples = (long)sampleRateHz * SettlingMs / 1000;

            // µm/s = rmsQ8 / 2^8 [RMS Q8] * 2^VelocityShift / 2^8 [state counts * 2^8] / rate * mg/count * 9806.65, with
            // mg/count = Multiplier / 2^Shift: one multiplier (relative error below 2^-30) and one shift.
            velocityMultiplier = MulDiv.RoundSat((ulong)milliGPerCount.Multiplier, MicrometresPerSecondSquaredPerMilliGX100, 100UL * (ulong)sampleRateHz);
            velocityShift = milliGPerCount.Shift + 16 - filter.VelocityShift;
            if (velocityShift > 63)
            {
                throw new ArgumentOutOfRangeException("MilliGPerCount");
            }

            states = new VibrationAxisState[axisCount];
            results = new VibrationFeatures[axisCount];
            for (int axis = 0; axis < axisCount; axis++)
            {
                states[axis] = new VibrationAxisState();
                states[axis].Restart();
                results[axis] = new VibrationFeatures();
            }
        }

        /// <summary>Axes per frame.</summary>
        public int AxisCount => axisCount;

        /// <summary>Samples per second per axis, Hz.</summary>
        public int SampleRateHz => sampleRateHz;

        /// <summary>Upper edge of the velocity band, Hz: 1000 from 2500 Hz sampling, else half the rate.</summary>
        public int VelocityUpperEdgeHz => filter.UpperEdgeHz;

        /// <summary>Samples per axis added since the last <see cref="FinishWindow"/>.</summary>
        public int WindowSampleCount => windowSamples;

        /// <summary>Windows finished since construction.</summary>
        public int WindowsFinished { get; private set; }

        /// <summary>The last finished window's features of <paramref name="axis"/> (0 = x). The same object every window.</summary>
        public VibrationFeatures Axis(int axis)
        {
            if (axis < 0 || axis >= axisCount)
            {
                throw new ArgumentOutOfRangeException(nameof(axis));
            }

            return results[axis];
        }

        /// <summary>
        /// Adds <paramref name="frameCount"/> frames of <see cref="AxisCount"/> interleaved counts starting at
        /// <paramref name="offset"/> to the window and runs them through the velocity filters. Returns the frames taken:
        /// all of them unless the window reaches <see cref="MaxWindowSamples"/>, when the rest are left for the caller
        /// to add after <see cref="FinishWindow"/>. Throws for a null array or a range outside it.
        /// </summary>
        public int AddSamples(short[] interleavedCounts, int offset, int frameCount)
        {
            if (interleavedCounts == null)
            {
                throw new ArgumentNullException(nameof(interleavedCounts));
            }

            if (offset < 0 || frameCount < 0 || (long)frameCount * axisCount > interleavedCounts.Length - (long)offset)
            {
                throw new ArgumentOutOfRangeException(nameof(frameCount));
            }

            int room = MaxWindowSamples - windowSamples;
            if (frameCount > room)
            {
                frameCount = room;
            }

            if (frameCount == 0)
            {
                return 0;
            }

            const int coefficientBits = VelocityBandFilter.CoefficientBits;
            const int stageBits = VelocityBandFilter.StageFractionBits;
            VelocityBandFilter f = filter;
            long highPassB0 = f.HighPassB0;
            long highPassA1 = f.HighPassA1;
            long highPassA2 = f.HighPassA2;
            bool lowPassEnabled = f.LowPassEnabled;
            long lowPassB0 = f.LowPassB0;
            long lowPassA1 = f.LowPassA1;
            long lowPassA2 = f.LowPassA2;
            long firstOrderB0 = f.FirstOrderB0;
            long firstOrderA1 = f.FirstOrderA1;
            long integratorGain = f.IntegratorGain;
            long integratorLeak = f.IntegratorLeak;
            int velocityStateShift = f.VelocityShift;
            long velocityRound = velocityStateShift > 0 ? 1L << (velocityStateShift - 1) : 0;
            int stride = axisCount;
            int end = offset + frameCount * stride;

            for (int axis = 0; axis < stride; axis++)
            {
                VibrationAxisState s = states[axis];
                int first = offset + axis;
                if (!s.Started)
                {
                    // As if the first value had always been there: no step response to gravity.
                    int initial = interleavedCounts[first];
                    s.Started = true;
                    s.Input1 = initial;
                    s.Input2 = initial;
                    s.Reference = initial;
                }

                int reference = s.Reference;
                int min = s.Min;
                int max = s.Max;
                long sum = s.Sum;
                long sumOfSquares = s.SumOfSquares;
                long sumOfCubes = s.SumOfCubes;
                ulong fourthHigh = s.SumOfFourthHigh;
                ulong fourthLow = s.SumOfFourthLow;
                ulong velocityHigh = s.VelocitySquaresHigh;
                ulong velocityLow = s.VelocitySquaresLow;
                int input1 = s.Input1;
                int input2 = s.Input2;
                long highPass1 = s.HighPass1;
                long highPass2 = s.HighPass2;
                long lowPass1 = s.LowPass1;
                long lowPass2 = s.LowPass2;
                long band1 = s.Band1;
                long velocity = s.Velocity;
                long highPassResidue = s.HighPassResidue;
                long lowPassResidue = s.LowPassResidue;
                long firstOrderResidue = s.FirstOrderResidue;
                long integratorResidue = s.IntegratorResidue;

                for (int index = first; index < end; index += stride)
                {
                    int x = interleavedCounts[index];

                    // Power sums about the reference: |d| <= 65535, so d^4 < 2^64; its sum carries into a high word.
                    int d = x - reference;
                    long dSquared = (long)d * d;
                    sum += d;
                    sumOfSquares += dSquared;
                    sumOfCubes += dSquared * d;
                    ulong dFourth = (ulong)dSquared * (ulong)dSquared;
                    fourthLow += dFourth;
                    if (fourthLow < dFourth)
                    {
                        fourthHigh++;
                    }

                    if (x > max)
                    {
                        max = x;
                    }

                    if (x < min)
                    {
                        min = x;
                    }

                    // High-pass biquad, 10 Hz, Q = 1: Q28 coefficients, output counts * 2^12 (|.| < 2^30).
                    long accumulator = highPassB0 * ((long)(x - 2 * input1 + input2) << stageBits)
                        - highPassA1 * highPass1 - highPassA2 * highPass2 + highPassResidue;
                    long highPass = accumulator >> coefficientBits;
                    highPassResidue = accumulator - (highPass << coefficientBits);
                    long band = highPass;
                    if (lowPassEnabled)
                    {
                        // Low-pass biquad (Q = 1) then first order, 1000 Hz: output |.| < 2^32.
                        accumulator = lowPassB0 * (highPass + 2 * highPass1 + highPass2)
                            - lowPassA1 * lowPass1 - lowPassA2 * lowPass2 + lowPassResidue;
                        long lowPass = accumulator >> coefficientBits;
                        lowPassResidue = accumulator - (lowPass << coefficientBits);
                        accumulator = firstOrderB0 * (lowPass + lowPass1) - firstOrderA1 * band1 + firstOrderResidue;
                        band = accumulator >> coefficientBits;
                        firstOrderResidue = accumulator - (band << coefficientBits);
                        lowPass2 = lowPass1;
                        lowPass1 = lowPass;
                    }

                    input2 = input1;
                    input1 = x;
                    highPass2 = highPass1;
                    highPass1 = highPass;

                    // Leaky Al-Alaoui integrator: velocity += gain * (7 band + band1) - leak * velocity.
                    accumulator = integratorGain * (7 * band + band1) - integratorLeak * velocity + integratorResidue;
                    long step = accumulator >> coefficientBits;
                    integratorResidue = accumulator - (step << coefficientBits);
                    velocity += step;
                    band1 = band;

                    long v = (velocity + velocityRound) >> velocityStateShift;
                    ulong vSquared = (ulong)(v * v);
                    velocityLow += vSquared;
                    if (velocityLow < vSquared)
                    {
                        velocityHigh++;
                    }
                }

                s.Min = min;
                s.Max = max;
                s.Sum = sum;
                s.SumOfSquares = sumOfSquares;
                s.SumOfCubes = sumOfCubes;
                s.SumOfFourthHigh = fourthHigh;
                s.SumOfFourthLow = fourthLow;
                s.VelocitySquaresHigh = velocityHigh;
                s.VelocitySquaresLow = velocityLow;
                s.Input1 = input1;
                s.Input2 = input2;
                s.HighPass1 = highPass1;
                s.HighPass2 = highPass2;
                s.LowPass1 = lowPass1;
                s.LowPass2 = lowPass2;
                s.Band1 = band1;
                s.Velocity = velocity;
                s.HighPassResidue = highPassResidue;
                s.LowPassResidue = lowPassResidue;
                s.FirstOrderResidue = firstOrderResidue;
                s.IntegratorResidue = integratorResidue;
            }

            windowSamples += frameCount;
            samplesSinceRestart += frameCount;
            return frameCount;
        }

        /// <summary>
        /// Turns the window's sums into features in <see cref="Axis"/>, then starts a new window (the filters run on).
        /// Each axis's next window is measured about this window's rounded mean. No allocation.
        /// </summary>
        public void FinishWindow()
        {
            int count = windowSamples;
            bool settled = windowStartSample >= settlingSamples;
            for (int axis = 0; axis < axisCount; axis++)
            {
                VibrationAxisState s = states[axis];
                VibrationFeatures r = results[axis];
                r.SampleCount = count;
                r.VelocitySettled = settled;
                if (count == 0)
                {
                    r.AccelRmsMilliG = 0;
                    r.AccelPeakMilliG = 0;
                    r.CrestFactorX100 = 0;
                    r.KurtosisX100 = 0;
                    r.VelocityRmsUmS = 0;
                    r.IsoZone = IsoZone.A;
                    r.RangeCounts = 0;
                    continue;
                }

                r.RangeCounts = s.Max - s.Min;

                r.AccelRmsMilliG = milliGPerCount.ApplyScaled(SampleMoments.RmsCountsQ8(count, s.Sum, s.SumOfSquares), 8);

                // Peak about the exact mean, times count: max(max - mean, mean - min) * n, below 2^32.
                long meanTimesCount = (long)s.Reference * count + s.Sum;
                long aboveTimesCount = (long)s.Max * count - meanTimesCount;
                long belowTimesCount = meanTimesCount - (long)s.Min * count;
                long peakTimesCount = aboveTimesCount > belowTimesCount ? aboveTimesCount : belowTimesCount;
                int peakQ8 = (int)IntDiv.RoundSat(peakTimesCount << 8, count);
                r.AccelPeakMilliG = milliGPerCount.ApplyScaled(peakQ8, 8);

                long spread = SampleMoments.SpreadTimesCountSquared(count, s.Sum, s.SumOfSquares);
                uint rmsTimesCount = IntSqrt.Floor64((ulong)spread);
                r.CrestFactorX100 = rmsTimesCount == 0 ? 0 : (int)MulDiv.RoundSat((ulong)peakTimesCount, 100, rmsTimesCount);
                r.KurtosisX100 = SampleMoments.KurtosisX100(count, s.Sum, s.SumOfSquares, s.SumOfCubes, s.SumOfFourthHigh, s.SumOfFourthLow);

                ulong velocityQ8 = SampleMoments.RootMeanSquareQ8(s.VelocitySquaresHigh, s.VelocitySquaresLow, count);
                ulong velocityUmS = MulDiv.RoundSat(velocityQ8, velocityMultiplier, 1UL << velocityShift);
                r.VelocityRmsUmS = velocityUmS > int.MaxValue ? int.MaxValue : (int)velocityUmS;
                r.IsoZone = IsoZoneLimits.Classify(r.VelocityRmsUmS, machineGroup, foundation);

                s.Reference += (int)IntDiv.RoundSat(s.Sum, count);
                s.ClearWindow();
            }

            windowSamples = 0;
            windowStartSample = samplesSinceRestart;
            WindowsFinished++;
        }

        /// <summary>
        /// Forgets the filter state and the current window, as after construction: the next sample restarts the chain,
        /// and the velocity of windows starting within <see cref="SettlingMs"/> is marked unsettled. For a gap in the
        /// samples (FIFO overrun, sensor restart, rate change). The last results stay readable.
        /// </summary>
        public void Restart()
        {
            for (int axis = 0; axis < axisCount; axis++)
            {
                states[axis].Restart();
            }

            windowSamples = 0;
            samplesSinceRestart = 0;
            windowStartSample = 0;
        }
    }
}
