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
    /// <para>Two ways to measure. <see cref="Measure"/> takes one burst spanning a whole number of mains cycles (400 ms
    /// at 50 Hz), so the burst mean is the bias (whatever the divider's tolerance or drift) and the RMS has no
    /// partial-cycle error; it blocks for the whole burst. The chunked measurement (<see cref="BeginChunks"/>,
    /// <see cref="MeasureChunk"/> on every scheduler tick, <see cref="FinishChunks"/> once per window) takes
    /// <see cref="ChunkSamples"/> samples at a time (a quarter cycle: 5 ms at 50 Hz), so the loop goes back to the
    /// ADXL345's FIFO (10 ms deep at 3200 Hz) between chunks. Each sample is summed in the phase bin of its place in the
    /// mains cycle, taken from the chunk's start time, and the RMS averages the bins (see <see cref="CurrentBurstRms"/>):
    /// exact however the chunks fall in the cycle, once every bin has a sample. A chunk is skipped when every bin it
    /// would cover already holds <see cref="ChunkSamplesPerBin"/> samples, which spreads the chunks over the cycle when
    /// the ticks are locked to the mains but their period moves with the chunks taken (a tick that waits for its
    /// chunk). Ticks locked to a whole half cycle whatever the chunks do (a 10 ms watermark at 1600 Hz on 50 Hz mains)
    /// can reach only part of the cycle: the result then covers those bins alone, and
    /// <see cref="CoveredPhaseBins"/> says so.</para>
    /// <para>Integer arithmetic only; the buffers are allocated here and nothing is allocated per measurement. Not
    /// thread-safe.</para>
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
        private readonly int _samplesPerCycle;
        private readonly int _chunkSamplesPerBin;
        private readonly CurrentBurstRms _rms;
        private readonly CurrentBurstRms _chunkRms;
        private SensorStatus _chunkFailure = SensorStatus.Ok;

        /// <summary>Creates the driver and its burst buffer.</summary>
        /// <param name="adc">The ADC channel the CT's biased output is wired to.</param>
        /// <param name="mainsHz">Mains frequency, 50 or 60.</param>
        /// <param name="milliampsPerVolt">Primary current per volt across the burden, in mA/V: 30 000 for an SCT-013-030
        /// (30 A per 1 V); for a current-output CT, turns ratio / burden ohms × 1000.</param>
        /// <param name="cycles">Whole mains cycles per burst, 1 or more.</param>
        /// <param name="samplesPerCycle">Samples per cycle, 4 to <see cref="CurrentBurstRms.MaxPhaseBins"/>; the rate is this
        /// times <paramref name="mainsHz"/>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="adc"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Mains not 50/60 Hz, a non-positive calibration, a burst above
        /// <see cref="MaxSamples"/>, more samples per cycle than <see cref="CurrentBurstRms.MaxPhaseBins"/>, an ADC of more
        /// than 12 bits, or a rate above its <see cref="IAnalogBurstInput.MaxSampleRateHz"/>.</exception>
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

            if (cycles < 1 || samplesPerCycle < 4 || samplesPerCycle > CurrentBurstRms.MaxPhaseBins
                || (long)cycles * samplesPerCycle > MaxSamples)
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
            _samplesPerCycle = samplesPerCycle;

            // mA per count = FullScale[mV] / MaxCount × mA-per-V / 1000; samples at 0 or MaxCount are clipped. One phase
            // bin per sample of the cycle: a burst of whole cycles fills them evenly, chunks fill them as they fall.
            long numerator = (long)adc.FullScaleMillivolts * milliampsPerVolt;
            long denominator = (long)adc.MaxCount * 1000;
            _rms = new CurrentBurstRms(numerator, denominator, 0, adc.MaxCount, samplesPerCycle);
            _chunkRms = new CurrentBurstRms(numerator, denominator, 0, adc.MaxCount, samplesPerCycle);
            _samples = new short[cycles * samplesPerCycle];
            _chunkSamplesPerBin = cycles / 2 > 0 ? cycles / 2 : 1;
        }

        /// <summary>Burst sample rate in Hz: samples per cycle × mains frequency.</summary>
        public int SampleRateHz => _sampleRateHz;

        /// <summary>Samples per burst: cycles × samples per cycle.</summary>
        public int SampleCount => _samples.Length;

        /// <summary>Samples per chunk: a quarter of a mains cycle, rounded down (10 at the default 40 per cycle, 5 ms at 50 Hz).</summary>
        public int ChunkSamples => _samplesPerCycle / 4;

        /// <summary>
        /// Samples per phase bin a chunked measurement aims for: half the burst's cycles (10 by default), so a complete
        /// chunked measurement is half a burst, 200 ms of converter time at 50 Hz, spread over the window.
        /// </summary>
        public int ChunkSamplesPerBin => _chunkSamplesPerBin;

        /// <summary>True once every phase bin of the chunked measurement holds <see cref="ChunkSamplesPerBin"/> samples.</summary>
        public bool ChunksComplete => _chunkRms.AccumulatedSamples >= _chunkSamplesPerBin * _samplesPerCycle && EveryBinFilled();

        /// <summary>Phase bins with a sample in the last chunked measurement (all of them: the RMS is the whole cycle's).</summary>
        public int CoveredPhaseBins { get; private set; }

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

        /// <summary>Starts a chunked measurement: forgets the chunks taken so far and any chunk failure.</summary>
        public void BeginChunks()
        {
            _chunkRms.Begin();
            _chunkFailure = SensorStatus.Ok;
        }

        /// <summary>
        /// Takes one chunk of <see cref="ChunkSamples"/> samples now, unless every phase bin it would cover, starting from
        /// the one <paramref name="startUs"/> falls in, already holds <see cref="ChunkSamplesPerBin"/> samples (so none
        /// once the measurement is complete).
        /// </summary>
        /// <param name="startUs">The time the chunk starts, µs, on any clock that keeps running for the whole measurement
        /// (the node's monotonic clock): its place in the mains cycle, rounded to the nearest sample, is the chunk's first
        /// phase bin. The mains is taken at its nominal frequency; a slow drift of its phase shifts every bin alike and
        /// changes nothing.</param>
        /// <returns><see cref="SensorStatus.Ok"/> when the chunk was taken; <see cref="SensorStatus.NotReady"/> when it was
        /// skipped (complete, or its phase is full); <see cref="SensorStatus.BusError"/> when the ADC reported a fault:
        /// the chunk is dropped and <see cref="FinishChunks"/> reports the failure.</returns>
        public SensorStatus MeasureChunk(long startUs)
        {
            int bins = _samplesPerCycle;
            long phase = (startUs * _sampleRateHz + 500000) / 1000000 % bins;
            int firstBin = (int)(phase < 0 ? phase + bins : phase);
            int count = ChunkSamples;
            if (!AnyBinShort(firstBin, count))
            {
                return SensorStatus.NotReady;
            }

            BusStatus bus = _adc.ReadBurst(_samples, 0, count, _sampleRateHz);
            if (bus != BusStatus.Ok)
            {
                _chunkFailure = BusResult.ToSensorStatus(bus);
                return _chunkFailure;
            }

            _chunkRms.Accumulate(_samples, 0, count, firstBin);
            return SensorStatus.Ok;
        }

        /// <summary>
        /// Computes <see cref="CurrentRmsMa"/>, <see cref="BiasMv"/> and <see cref="ClippedSamples"/> from the chunks taken
        /// since <see cref="BeginChunks"/>, then begins the next chunked measurement. The phase bins are averaged with equal
        /// weight; bins without a sample (too few ticks in the window) are left out, and <see cref="CoveredPhaseBins"/>
        /// says how many had one.
        /// </summary>
        /// <returns>As <see cref="Measure"/>; <see cref="SensorStatus.BusError"/> when a chunk failed (outputs unchanged);
        /// <see cref="SensorStatus.NotReady"/> when no chunk was taken (outputs unchanged).</returns>
        public SensorStatus FinishChunks()
        {
            CurrentBurstRms rms = _chunkRms;
            SensorStatus failure = _chunkFailure;
            int count = rms.AccumulatedSamples;
            if (failure != SensorStatus.Ok || count == 0)
            {
                BeginChunks();
                return failure != SensorStatus.Ok ? failure : SensorStatus.NotReady;
            }

            rms.Finish();
            CurrentRmsMa = rms.CurrentRmsMa;
            BiasMv = (int)IntDiv.RoundSat((long)rms.MeanCountsQ8 * _adc.FullScaleMillivolts, (long)_adc.MaxCount << 8);
            ClippedSamples = rms.ClippedSamples;
            CoveredPhaseBins = rms.CoveredPhaseBins;
            BeginChunks();
            return ClippedSamples > 0 ? SensorStatus.OutOfRange : SensorStatus.Ok;
        }

        // True if a chunk starting in firstBin would add to a bin that has fewer than its share of samples.
        private bool AnyBinShort(int firstBin, int count)
        {
            int bin = firstBin;
            for (int i = 0; i < count; i++)
            {
                if (_chunkRms.BinSampleCount(bin) < _chunkSamplesPerBin)
                {
                    return true;
                }

                bin = bin + 1 == _samplesPerCycle ? 0 : bin + 1;
            }

            return false;
        }

        private bool EveryBinFilled()
        {
            for (int bin = 0; bin < _samplesPerCycle; bin++)
            {
                if (_chunkRms.BinSampleCount(bin) < _chunkSamplesPerBin)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
