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
    /// <see cref="ChipFaults.Stuck"/> fills the burst with the last count converted.</para>
    /// <para>Supply: with the bias divider on a <see cref="SupplyRail"/>, the bias is 0 mV while the rail is off (the CT
    /// then swings about ground and the ADC clips its negative half at 0; the converter itself, on the ESP32, still
    /// converts). After a switch-on the bias node charges through the divider's Thevenin resistance:
    /// bias × (1 − e^(−t/τ)) with τ = <see cref="BiasTimeConstantMs"/>, from an empty capacitor (see
    /// <see cref="SupplyRail"/>). Without a rail the bias is always there. Not thread-safe.</para>
    /// </remarks>
    public sealed class AdcBurstModel : IAnalogBurstInput
    {
        private readonly IClock _clock;
        private readonly IMachineSignals _signals;
        private readonly ChipFaults _faults;
        private readonly SupplyRail _supply;
        private readonly int _maxCount;
        private readonly int _fullScaleMillivolts;
        private readonly int _maxSampleRateHz;
        private int _lastCount;

        /// <summary>A 12-bit converter reading 0..3300 mV at up to 20 kHz, bias 1650 mV, 30 A per volt (SCT-013-030).</summary>
        public AdcBurstModel(IClock clock, IMachineSignals signals, ChipFaults faults)
            : this(clock, signals, faults, 4095, 3300, 20000, null)
        {
        }

        /// <summary>The 12-bit converter above with its bias divider on a switched <paramref name="supply"/>.</summary>
        public AdcBurstModel(IClock clock, IMachineSignals signals, ChipFaults faults, SupplyRail supply)
            : this(clock, signals, faults, 4095, 3300, 20000, supply)
        {
        }

        /// <summary>A converter of the given span and speed, bias 1650 mV, 30 A per volt.</summary>
        public AdcBurstModel(IClock clock, IMachineSignals signals, ChipFaults faults, int maxCount, int fullScaleMillivolts, int maxSampleRateHz)
            : this(clock, signals, faults, maxCount, fullScaleMillivolts, maxSampleRateHz, null)
        {
        }

        /// <summary>A converter of the given span and speed whose bias divider hangs on <paramref name="supply"/> (null: always powered).</summary>
        public AdcBurstModel(
            IClock clock, IMachineSignals signals, ChipFaults faults, int maxCount, int fullScaleMillivolts, int maxSampleRateHz,
            SupplyRail supply)
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
            _supply = supply;
            _maxCount = maxCount;
            _fullScaleMillivolts = fullScaleMillivolts;
            _maxSampleRateHz = maxSampleRateHz;
            BiasMillivolts = 1650.0;
            AmpsPerVolt = 30.0;
            BiasTimeConstantMs = 6.0;
        }

        /// <inheritdoc/>
        public int MaxCount => _maxCount;

        /// <inheritdoc/>
        public int FullScaleMillivolts => _fullScaleMillivolts;

        /// <inheritdoc/>
        public int MaxSampleRateHz => _maxSampleRateHz;

        /// <summary>DC level the bias divider puts on the pin, in mV (nominally half the supply).</summary>
        public double BiasMillivolts { get; set; }

        /// <summary>
        /// Time constant of the bias node on a switched rail, ms: the divider's Thevenin resistance times its capacitor,
        /// 6 by default (15 kΩ ∥ 10 kΩ = 6 kΩ with the 1 µF a switched rail calls for, Drivers/CurrentClamp/README).
        /// </summary>
        public double BiasTimeConstantMs { get; set; }

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
                    double timeS = startS + (double)i / sampleRateHz;
                    double millivolts = BiasAt(timeS) + _signals.MotorCurrentA(timeS) / AmpsPerVolt * 1000.0;
                    double steps = millivolts * countsPerMillivolt;
                    _lastCount = steps <= 0.0 ? 0 : steps >= _maxCount ? _maxCount : (int)(steps + 0.5);
                }

                counts[offset + i] = (short)_lastCount;
            }

            return BusStatus.Ok;
        }

        // The bias at timeS: constant without a rail, 0 while it is off, charging after it came on (see the remarks).
        private double BiasAt(double timeS)
        {
            if (_supply == null)
            {
                return BiasMillivolts;
            }

            if (!_supply.IsOn)
            {
                return 0.0;
            }

            double tauS = BiasTimeConstantMs / 1000.0;
            double sinceOnS = timeS - _supply.LastSwitchOnUs / 1e6;
            if (!(tauS > 0.0) || sinceOnS >= 30.0 * tauS)
            {
                return BiasMillivolts;
            }

            return sinceOnS <= 0.0 ? 0.0 : BiasMillivolts * (1.0 - Math.Exp(-sinceOnS / tauS));
        }
    }
}
