using System;
using SensorNode.Core.FixedMath;
using SensorNode.Hardware;

namespace SensorNode.Drivers.CurrentClamp
{
    /// <summary>
    /// RMS current of a split-core current transformer (SCT-013 style, voltage output or with its burden resistor)
    /// whose output rides on a mid-supply bias divider into an ESP32 ADC channel.
    /// </summary>
    /// <remarks>
    /// Each <see cref="Measure"/> takes one burst spanning a whole number of mains cycles, so the burst mean is the
    /// bias (whatever the divider's tolerance or drift) and the RMS has no partial-cycle error. Integer arithmetic only;
    /// the burst buffer is allocated here and nothing is allocated per measurement. Not thread-safe.
    /// </remarks>
    public sealed class CurrentClampDriver
    {
        /// <summary>Samples per mains cycle unless told otherwise: 2 kHz at 50 Hz, 2.4 kHz at 60 Hz, up to the 19th harmonic.</summary>
        public const int DefaultSamplesPerCycle = 40;

        /// <summary>Cycles per burst unless told otherwise: 400 ms at 50 Hz, 333 ms at 60 Hz.</summary>
        public const int DefaultCycles = 20;

        /// <summary>Largest burst: with a 12-bit ADC it keeps count² × (MaxCount/2)² × 2^16 inside 64 bits in the RMS step.</summary>
        public const int MaxSamples = 4096;

        // The RMS is taken at 2^8 times the count resolution before scaling to mA.
        private const int RmsFractionBits = 8;

        private readonly IAnalogBurstInput _adc;
        private readonly short[] _samples;
        private readonly int _sampleRateHz;
        private readonly long _milliampsPerVolt;

        /// <summary>Creates the driver and its burst buffer.</summary>
        /// <param name="adc">The ADC channel the CT's biased output is wired to.</param>
        /// <param name="mainsHz">Mains frequency, 50 or 60.</param>
        /// <param name="milliampsPerVolt">Primary current per volt across the burden, in mA/V: 30 000 for an SCT-013-030
        /// (30 A per 1 V); for a current-output CT, turns ratio / burden ohms × 1000.</param>
        /// <param name="cycles">Whole mains cycles per burst, 1 or more.</param>
        /// <param name="samplesPerCycle">Samples per cycle, 4 or more; the rate is this times <paramref name="mainsHz"/>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="adc"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Mains not 50/60 Hz, a non-positive calibration, a burst above
        /// <see cref="MaxSamples"/>, an ADC of more than 12 bits, or a rate above its <see cref="IAnalogBurstInput.MaxSampleRateHz"/>.</exception>
        public CurrentClampDriver(
            IAnalogBurstInput adc,
            int mainsHz,
            int milliampsPerVolt,
            int cycles = DefaultCycles,
            int samplesPerCycle = DefaultSamplesPerCycle)
        {
            if (adc == null)
            {
                throw new ArgumentNullException(nameof(adc));
            }

            if (mainsHz != 50 && mainsHz != 60)
            {
                throw new ArgumentOutOfRangeException(nameof(mainsHz));
            }

            if (milliampsPerVolt <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(milliampsPerVolt));
            }

            if (cycles < 1 || samplesPerCycle < 4 || (long)cycles * samplesPerCycle > MaxSamples)
            {
                throw new ArgumentOutOfRangeException(nameof(cycles));
            }

            // The RMS step's 64-bit headroom assumes a converter of 12 bits or fewer (the ESP32's ADC has 12).
            if (adc.MaxCount < 1 || adc.MaxCount > 4095)
            {
                throw new ArgumentOutOfRangeException(nameof(adc));
            }

            int rateHz = mainsHz * samplesPerCycle;
            if (rateHz > adc.MaxSampleRateHz)
            {
                throw new ArgumentOutOfRangeException(nameof(samplesPerCycle));
            }

            _adc = adc;
            _sampleRateHz = rateHz;
            _milliampsPerVolt = milliampsPerVolt;
            _samples = new short[cycles * samplesPerCycle];
        }

        /// <summary>Burst sample rate in Hz: samples per cycle × mains frequency.</summary>
        public int SampleRateHz => _sampleRateHz;

        /// <summary>Samples per burst: cycles × samples per cycle.</summary>
        public int SampleCount => _samples.Length;

        /// <summary>RMS primary current in mA of the last burst, bias removed, rounded to nearest, saturating at int.MaxValue.</summary>
        public int CurrentRmsMa { get; private set; }

        /// <summary>Mean of the last burst in mV at the ADC pin: the divider's bias as it really is.</summary>
        public int BiasMv { get; private set; }

        /// <summary>Samples of the last burst at 0 or at the ADC's maximum count.</summary>
        public int ClippedSamples { get; private set; }

        /// <summary>
        /// Takes one burst and computes <see cref="CurrentRmsMa"/>, <see cref="BiasMv"/> and <see cref="ClippedSamples"/>.
        /// </summary>
        /// <returns><see cref="SensorStatus.Ok"/>; <see cref="SensorStatus.BusError"/> when the ADC reports a fault
        /// (outputs unchanged); <see cref="SensorStatus.OutOfRange"/> when any sample sits at 0 or at MaxCount, i.e. the
        /// waveform is clipped and the RMS reads low (outputs updated).</returns>
        public SensorStatus Measure()
        {
            short[] samples = _samples;
            int count = samples.Length;
            BusStatus bus = _adc.ReadBurst(samples, 0, count, _sampleRateHz);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            int maxCount = _adc.MaxCount;

            // The per-sample loop: sums only, no calls. count ≤ 4096 and samples ≤ 4095 keep sum < 2^24, sumSq < 2^36.
            long sum = 0;
            long sumOfSquares = 0;
            int clipped = 0;
            for (int index = 0; index < count; index++)
            {
                int value = samples[index];
                sum += value;
                sumOfSquares += value * value;
                if (value <= 0 || value >= maxCount)
                {
                    clipped++;
                }
            }

            // Variance × n²: n·Σx² − (Σx)², exact, and ≥ 0. Over whole cycles the mean is the bias, so this is the AC part.
            long spreadTimesCountSquared = count * sumOfSquares - sum * sum;
            if (spreadTimesCountSquared < 0)
            {
                spreadTimesCountSquared = 0;
            }

            // rms[counts] × 2^8 × n = sqrt(spread × 2^16); spread ≤ n² (MaxCount/2)² < 2^46, so the shift stays in 64 bits.
            ulong rmsScaled = IntSqrt.Floor64((ulong)spreadTimesCountSquared << (2 * RmsFractionBits));

            // mA = rms[counts] × FullScale[mV] / MaxCount × mA-per-V / 1000.
            int fullScaleMv = _adc.FullScaleMillivolts;
            ulong numerator = (ulong)fullScaleMv * (ulong)_milliampsPerVolt;
            ulong denominator = (ulong)count * (ulong)maxCount * (1UL << RmsFractionBits) * 1000UL;
            ulong currentMa = MulDiv.RoundSat(rmsScaled, numerator, denominator);
            CurrentRmsMa = currentMa > int.MaxValue ? int.MaxValue : (int)currentMa;
            BiasMv = (int)IntDiv.RoundSat(sum * fullScaleMv, (long)count * maxCount);
            ClippedSamples = clipped;
            return clipped > 0 ? SensorStatus.OutOfRange : SensorStatus.Ok;
        }
    }
}
