using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// An ESP32 ADC1 channel sampling a current transformer on a bias divider, as an <see cref="IAnalogBurstInput"/>:
    /// the pin sees bias + I(t) / (amps per volt), quantised to <see cref="MaxCount"/> steps over
    /// <see cref="FullScaleMillivolts"/> and clipped at both rails.
    /// </summary>
    /// <remarks>
    /// <para>A burst starting at clock time t0 takes sample i at t0 + i / rate from
    /// <see cref="IMachineSignals.MotorCurrentA"/>. The model cannot move the clock (<see cref="IClock"/> is read-only):
    /// whoever owns the simulation advances it by the burst's duration. The converter is ideal (linear, noise-free);
    /// rounding is to nearest.</para>
    /// <para>Faults: <see cref="ChipFaults.Unplugged"/> returns <see cref="BusStatus.Nack"/> and leaves the buffer
    /// untouched (the real pin would read the bias alone; the contract of <see cref="ChipFaults"/> is kept instead);
    /// <see cref="ChipFaults.Stuck"/> fills the burst with the last count converted. Not thread-safe.</para>
    /// </remarks>
    public sealed class AdcBurstModel : IAnalogBurstInput
    {
        private readonly IClock _clock;
        private readonly IMachineSignals _signals;
        private readonly ChipFaults _faults;
        private readonly int _maxCount;
        private readonly int _fullScaleMillivolts;
        private readonly int _maxSampleRateHz;
        private int _lastCount;

        /// <summary>A 12-bit converter reading 0..3300 mV at up to 20 kHz, bias 1650 mV, 30 A per volt (SCT-013-030).</summary>
        public AdcBurstModel(IClock clock, IMachineSignals signals, ChipFaults faults)
            : this(clock, signals, faults, 4095, 3300, 20000)
        {
        }

        /// <summary>A converter of the given span and speed, bias 1650 mV, 30 A per volt.</summary>
        public AdcBurstModel(IClock clock, IMachineSignals signals, ChipFaults faults, int maxCount, int fullScaleMillivolts, int maxSampleRateHz)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (signals == null)
            {
                throw new ArgumentNullException(nameof(signals));
            }

            if (faults == null)
            {
                throw new ArgumentNullException(nameof(faults));
            }

            if (maxCount < 1 || fullScaleMillivolts < 1 || maxSampleRateHz < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxCount));
            }

            _clock = clock;
            _signals = signals;
            _faults = faults;
            _maxCount = maxCount;
            _fullScaleMillivolts = fullScaleMillivolts;
            _maxSampleRateHz = maxSampleRateHz;
            BiasMillivolts = 1650.0;
            AmpsPerVolt = 30.0;
        }

        /// <inheritdoc/>
        public int MaxCount => _maxCount;

        /// <inheritdoc/>
        public int FullScaleMillivolts => _fullScaleMillivolts;

        /// <inheritdoc/>
        public int MaxSampleRateHz => _maxSampleRateHz;

        /// <summary>DC level the bias divider puts on the pin, in mV (nominally half the supply).</summary>
        public double BiasMillivolts { get; set; }

        /// <summary>Primary amperes per volt across the burden: 30 for an SCT-013-030.</summary>
        public double AmpsPerVolt { get; set; }

        /// <summary>Bursts taken, including refused ones.</summary>
        public int BurstCount { get; private set; }

        /// <summary>Rate of the last burst, in Hz.</summary>
        public int LastSampleRateHz { get; private set; }

        /// <summary>Length of the last burst, in samples.</summary>
        public int LastSampleCount { get; private set; }

        /// <inheritdoc/>
        public BusStatus ReadBurst(short[] counts, int offset, int count, int sampleRateHz)
        {
            if (counts == null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            if (offset < 0 || count < 0 || offset > counts.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (sampleRateHz < 1 || sampleRateHz > _maxSampleRateHz)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRateHz));
            }

            BurstCount++;
            LastSampleRateHz = sampleRateHz;
            LastSampleCount = count;
            if (_faults.Unplugged)
            {
                return BusStatus.Nack;
            }

            double startS = _clock.MonotonicUs / 1e6;
            double countsPerMillivolt = (double)_maxCount / _fullScaleMillivolts;
            for (int i = 0; i < count; i++)
            {
                if (!_faults.Stuck)
                {
                    double millivolts = BiasMillivolts + _signals.MotorCurrentA(startS + (double)i / sampleRateHz) / AmpsPerVolt * 1000.0;
                    double steps = millivolts * countsPerMillivolt;
                    _lastCount = steps <= 0.0 ? 0 : steps >= _maxCount ? _maxCount : (int)(steps + 0.5);
                }

                counts[offset + i] = (short)_lastCount;
            }

            return BusStatus.Ok;
        }
    }
}
