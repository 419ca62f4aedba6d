using System;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Signal;
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

        /// <summary>Largest burst, samples: 2 s at the default 2 kHz; the buffer is allocated once at this size or less.</summary>
        public const int MaxSamples = 4096;

        private readonly IAnalogBurstInput _adc;
        private readonly short[] _samples;
        private readonly int _sampleRateHz;
        private readonly CurrentBurstRms _rms;

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

            // The burst is kept as short counts and the README calibration assumes the ESP32's 12-bit converter.
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
            // mA per count = FullScale[mV] / MaxCount × mA-per-V / 1000; samples at 0 or MaxCount are clipped.
            _rms = new CurrentBurstRms(
                (long)adc.FullScaleMillivolts * milliampsPerVolt,
                (long)adc.MaxCount * 1000,
                0,
                adc.MaxCount);
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

            // The signal chain's burst RMS is the one implementation; this driver only owns the burst and the units.
            CurrentBurstRms rms = _rms;
            rms.Measure(samples, 0, count);
            CurrentRmsMa = rms.CurrentRmsMa;
            BiasMv = (int)IntDiv.RoundSat(rms.SumCounts * _adc.FullScaleMillivolts, (long)count * _adc.MaxCount);
            ClippedSamples = rms.ClippedSamples;
            return ClippedSamples > 0 ? SensorStatus.OutOfRange : SensorStatus.Ok;
        }
    }
}
