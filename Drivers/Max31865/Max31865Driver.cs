using System;
using SensorNode.Core.FixedMath;
using SensorNode.Hardware;

namespace SensorNode.Drivers.Max31865
{
    /// <summary>
    /// Maxim MAX31865 RTD-to-digital converter on SPI (mode 1 or 3) with a PT100 or PT1000, 2-, 3- or 4-wire
    /// (datasheet 19-6478 Rev 3). Temperature comes from the 15-bit resistance ratio by
    /// <see cref="CallendarVanDusen"/> in integers.
    /// </summary>
    /// <remarks>
    /// The chip has no identity register: presence is the configuration and fault thresholds reading back as written.
    /// The RTD fault bit is followed by a read of the fault status register; latched faults are reported once and then
    /// cleared, so a lasting fault is reported again by the next conversion and a passing one is not lost.
    /// Outputs are valid when <see cref="Read"/> returns <see cref="SensorStatus.Ok"/>. Nothing allocates after
    /// construction. Not thread-safe.
    /// </remarks>
    public sealed class Max31865Driver
    {
        /// <summary>Bit 7 of the address byte selects a write (datasheet Table 1: 8Xh write, 0Xh read).</summary>
        public const byte WriteFlag = 0x80;

        /// <summary>Full-scale ratio code: the ADC gives R_RTD / R_REF × 2^15 in 15 bits (datasheet Table 5).</summary>
        public const int FullScaleCode = 32767;

        // Configuration register bits (datasheet "Configuration Register (00h)", Table 2).
        private const int ConfigBias = 0x80;
        private const int ConfigAutomatic = 0x40;
        private const int ConfigOneShot = 0x20;
        private const int ConfigThreeWire = 0x10;
        private const int ConfigFaultCycleAutomatic = 0x04;
        private const int ConfigFaultCycleMask = 0x0C;
        private const int ConfigFaultClear = 0x02;
        private const int ConfigFilter50Hz = 0x01;

        // Bits that self-clear or report progress, left out when checking the configuration reads back.
        private const int ConfigStableMask = ConfigBias | ConfigAutomatic | ConfigThreeWire | ConfigFilter50Hz;

        private const int RatioSteps = 32768;

        // VBIAS on before a 1-shot: the datasheet asks for at least 10.5 time constants of the input filter
        // ("1-Shot (D5)"), 0.56 ms with 100 nF × (430 + 100) Ω; 10 ms leaves room for larger filters and cables.
        private const int BiasSettleMs = 10;

        // One-shot conversion time: 62.5 ms with the 50 Hz filter, 52 ms with 60 Hz (datasheet Electrical
        // Characteristics, tCONV), rounded up with margin.
        private const int OneShot50HzMs = 66;
        private const int OneShot60HzMs = 55;

        // The automatic fault-detection cycle runs its checks after 100 µs settling delays and clears D3:D2 when done.
        private const int FaultCyclePollMs = 1;
        private const int FaultCycleMaxPolls = 5;

        // Open RTD reads full scale (datasheet "Decoding RTD and Cable Fault Conditions"): the high threshold sits
        // 64 codes (0.2 %) below it. A short reads near zero: the low threshold is R0 / 10, below -200 °C's 0.185 R0.
        private const int HighThresholdMarginCodes = 64;
        private const int ShortRatioDivisor = 10;

        private readonly IRegisterBus _bus;
        private readonly DelayMs _delay;
        private readonly byte[] _writeBuffer = new byte[5];
        private readonly byte[] _readBuffer = new byte[7];
        private readonly long _referenceMilliohms;
        private readonly long _r0Milliohms;
        private readonly Max31865ConversionMode _mode;
        private readonly int _baseConfiguration;
        private readonly int _highThresholdCode;
        private readonly int _lowThresholdCode;
        private readonly long _minRatioPpb;
        private readonly long _maxRatioPpb;
        private bool _initialized;

        /// <summary>Creates the driver; nothing is sent until <see cref="Initialize"/>.</summary>
        /// <param name="bus">The chip on its own chip select, SPI mode 1 or 3, up to 5 MHz.</param>
        /// <param name="delay">Waits for the bias to settle, a 1-shot conversion or the fault-detection cycle.</param>
        /// <param name="element">PT100 or PT1000.</param>
        /// <param name="referenceMilliohms">The reference resistor R_REF in mΩ (430 000 for a PT100 board).</param>
        /// <param name="wiring">2-, 3- or 4-wire; only 3-wire changes the configuration.</param>
        /// <param name="mainsHz">50 or 60: the notch filter to reject the local mains frequency.</param>
        /// <param name="mode">Continuous conversions, or one per <see cref="Read"/> with the bias off in between.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> or <paramref name="delay"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">R_REF not above R0 (PT100: 100..10 000 Ω) or mains not 50/60 Hz.</exception>
        public Max31865Driver(
            IRegisterBus bus,
            DelayMs delay,
            RtdElement element,
            int referenceMilliohms,
            RtdWiring wiring,
            int mainsHz,
            Max31865ConversionMode mode = Max31865ConversionMode.Automatic)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            if (delay == null)
            {
                throw new ArgumentNullException(nameof(delay));
            }

            long r0Milliohms = (long)element * 1000;
            if (r0Milliohms != 100000 && r0Milliohms != 1000000)
            {
                throw new ArgumentOutOfRangeException(nameof(element));
            }

            // R_REF above R0 keeps 0 °C mid-scale or lower; above 100 × R0 the 15-bit ratio is too coarse to be of use.
            if (referenceMilliohms <= r0Milliohms || referenceMilliohms > 100 * r0Milliohms)
            {
                throw new ArgumentOutOfRangeException(nameof(referenceMilliohms));
            }

            if (mainsHz != 50 && mainsHz != 60)
            {
                throw new ArgumentOutOfRangeException(nameof(mainsHz));
            }

            _bus = bus;
            _delay = delay;
            _referenceMilliohms = referenceMilliohms;
            _r0Milliohms = r0Milliohms;
            _mode = mode;
            _baseConfiguration = (wiring == RtdWiring.ThreeWire ? ConfigThreeWire : 0) | (mainsHz == 50 ? ConfigFilter50Hz : 0);
            OneShotConversionMs = mainsHz == 50 ? OneShot50HzMs : OneShot60HzMs;
            _highThresholdCode = FullScaleCode - HighThresholdMarginCodes;
            _lowThresholdCode = (int)((RatioSteps * r0Milliohms / ShortRatioDivisor) / referenceMilliohms);
            _minRatioPpb = CallendarVanDusen.MinRatioPpb;
            _maxRatioPpb = CallendarVanDusen.MaxRatioPpb;
        }

        /// <summary>Milliseconds one 1-shot conversion is given before its result is read.</summary>
        public int OneShotConversionMs { get; }

        /// <summary>High fault threshold as a 15-bit ratio code: at or above it reads as an open RTD.</summary>
        public int HighThresholdCode => _highThresholdCode;

        /// <summary>Low fault threshold as a 15-bit ratio code: at or below it reads as a shorted RTD.</summary>
        public int LowThresholdCode => _lowThresholdCode;

        /// <summary>Raw 15-bit ratio code R_RTD / R_REF × 2^15 of the last conversion read.</summary>
        public int RtdCode { get; private set; }

        /// <summary>RTD resistance in mΩ: code × R_REF / 2^15, rounded to nearest.</summary>
        public int ResistanceMilliohms { get; private set; }

        /// <summary>Temperature in centi-°C (IEC 60751, ±1 centi-°C of the exact inverse), valid when Read returns Ok.</summary>
        public int TemperatureCentiC { get; private set; }

        /// <summary>Fault status bits found by the last <see cref="Read"/> or <see cref="RunFaultDetection"/>.</summary>
        public Max31865Faults LastFaults { get; private set; }

        /// <summary>
        /// Writes the configuration (bias, mode, wiring, filter, fault clear) and the fault thresholds, then reads them
        /// back.
        /// </summary>
        /// <returns><see cref="SensorStatus.Ok"/>, <see cref="SensorStatus.BusError"/>, or
        /// <see cref="SensorStatus.NotPresent"/> when a register does not read back as written.</returns>
        public SensorStatus Initialize()
        {
            _initialized = false;

            // Thresholds first, so no conversion is compared with the power-on ones (0xFFFF, 0x0000). They share the
            // RTD data format: the 15-bit code in D15:D1 (datasheet Table 6).
            int high = _highThresholdCode << 1;
            int low = _lowThresholdCode << 1;
            _writeBuffer[1] = (byte)(high >> 8);
            _writeBuffer[2] = (byte)high;
            _writeBuffer[3] = (byte)(low >> 8);
            _writeBuffer[4] = (byte)low;
            SensorStatus status = WriteRegisters(Max31865Register.HighFaultThresholdMsb, 4);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            int configuration = RunningConfiguration();
            status = WriteConfiguration(configuration | ConfigFaultClear);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            status = ReadRegisters(Max31865Register.Configuration, 7);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            bool matches = (_readBuffer[0] & ConfigStableMask) == (configuration & ConfigStableMask)
                && _readBuffer[3] == (byte)(high >> 8)
                && _readBuffer[4] == (byte)high
                && _readBuffer[5] == (byte)(low >> 8)
                && _readBuffer[6] == (byte)low;
            if (!matches)
            {
                return SensorStatus.NotPresent;
            }

            LastFaults = Max31865Faults.None;
            _initialized = true;
            return SensorStatus.Ok;
        }

        /// <summary>
        /// Reads one conversion and converts it. In <see cref="Max31865ConversionMode.OneShot"/> mode it first switches
        /// the bias on, waits 10 ms for the input filter, triggers a 1-shot, waits <see cref="OneShotConversionMs"/>, and
        /// switches the bias off after reading.
        /// </summary>
        /// <returns>
        /// <see cref="SensorStatus.Ok"/>; <see cref="SensorStatus.BusError"/>; <see cref="SensorStatus.NotReady"/> before
        /// <see cref="Initialize"/>; with the fault bit set, the mapped fault (see <see cref="MapFaults"/>) with
        /// <see cref="LastFaults"/> holding the bits; <see cref="SensorStatus.OutOfRange"/> when the resistance lies
        /// outside IEC 60751's -200..850 °C (the temperature is then clamped to that range).
        /// </returns>
        public SensorStatus Read()
        {
            if (!_initialized)
            {
                return SensorStatus.NotReady;
            }

            SensorStatus status;
            if (_mode == Max31865ConversionMode.OneShot)
            {
                status = WriteConfiguration(_baseConfiguration | ConfigBias);
                if (status != SensorStatus.Ok)
                {
                    return status;
                }

                _delay(BiasSettleMs);
                status = WriteConfiguration(_baseConfiguration | ConfigBias | ConfigOneShot);
                if (status != SensorStatus.Ok)
                {
                    return status;
                }

                _delay(OneShotConversionMs);
            }

            status = ReadRegisters(Max31865Register.RtdMsb, 2);
            if (status == SensorStatus.Ok && _mode == Max31865ConversionMode.OneShot)
            {
                status = WriteConfiguration(_baseConfiguration);
            }

            if (status != SensorStatus.Ok)
            {
                return status;
            }

            int raw = (_readBuffer[0] << 8) | _readBuffer[1];
            int code = raw >> 1;
            RtdCode = code;
            ResistanceMilliohms = (int)IntDiv.RoundSat(code * _referenceMilliohms, RatioSteps);

            // D0 of the RTD LSB register flags a latched fault (datasheet Table 4).
            if ((raw & 1) != 0)
            {
                // A fault bit with no status bit behind it is still not a measurement.
                status = ReadAndClearFaults();
                return status == SensorStatus.Ok ? SensorStatus.Fault : status;
            }

            LastFaults = Max31865Faults.None;
            long ratioPpb = (long)MulDiv.RoundSat((ulong)(code * _referenceMilliohms), (ulong)CallendarVanDusen.OnePpb, (ulong)(RatioSteps * _r0Milliohms));
            if (ratioPpb < _minRatioPpb)
            {
                TemperatureCentiC = (int)(CallendarVanDusen.MinMilliC / 10);
                return SensorStatus.OutOfRange;
            }

            if (ratioPpb > _maxRatioPpb)
            {
                TemperatureCentiC = (int)(CallendarVanDusen.MaxMilliC / 10);
                return SensorStatus.OutOfRange;
            }

            TemperatureCentiC = CallendarVanDusen.CentiCFromRatioPpb(ratioPpb);
            return SensorStatus.Ok;
        }

        /// <summary>
        /// Runs the automatic fault-detection cycle (write 100X010Xb, datasheet "Fault Detection Cycle"), which compares
        /// REFIN- and RTDIN- with 0.85 × VBIAS (bits D5:D3), then restores the running configuration and clears the
        /// latched bits. Takes a few ms of <c>delay</c>; conversions stop meanwhile.
        /// </summary>
        /// <returns><see cref="SensorStatus.Ok"/> when no fault bit is set, the mapped fault otherwise (see
        /// <see cref="MapFaults"/>), <see cref="SensorStatus.NotReady"/> before <see cref="Initialize"/> or if the cycle
        /// does not finish, <see cref="SensorStatus.BusError"/>.</returns>
        public SensorStatus RunFaultDetection()
        {
            if (!_initialized)
            {
                return SensorStatus.NotReady;
            }

            SensorStatus status = WriteConfiguration(_baseConfiguration | ConfigBias | ConfigFaultCycleAutomatic);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            bool finished = false;
            for (int poll = 0; poll < FaultCycleMaxPolls && !finished; poll++)
            {
                _delay(FaultCyclePollMs);
                status = ReadRegisters(Max31865Register.Configuration, 1);
                if (status != SensorStatus.Ok)
                {
                    return status;
                }

                // D3:D2 self-clear to 00b when the automatic cycle completes.
                finished = (_readBuffer[0] & ConfigFaultCycleMask) == 0;
            }

            if (!finished)
            {
                return SensorStatus.NotReady;
            }

            return ReadAndClearFaults();
        }

        /// <summary>
        /// Condenses fault status bits to one status: <see cref="SensorStatus.OverUnderVoltage"/> for D2 (data
        /// indeterminate, so it wins); <see cref="SensorStatus.OpenCircuit"/> for D7 or D5 (an open element reads full
        /// scale and lifts REFIN-); <see cref="SensorStatus.ShortCircuit"/> for D6, D4 or D3 (a shorted element reads
        /// near zero; D4 and D3 mean a lead shorted low, datasheet Tables 10-12); <see cref="SensorStatus.Ok"/> for none.
        /// </summary>
        public static SensorStatus MapFaults(Max31865Faults faults)
        {
            if ((faults & Max31865Faults.OverUnderVoltage) != 0)
            {
                return SensorStatus.OverUnderVoltage;
            }

            if ((faults & (Max31865Faults.RtdHigh | Max31865Faults.RefInHigh)) != 0)
            {
                return SensorStatus.OpenCircuit;
            }

            if ((faults & (Max31865Faults.RtdLow | Max31865Faults.RefInLow | Max31865Faults.RtdInLow)) != 0)
            {
                return SensorStatus.ShortCircuit;
            }

            return SensorStatus.Ok;
        }

        private int RunningConfiguration()
        {
            // Automatic mode keeps VBIAS on; one-shot mode leaves it off between reads to save its ~4 mA.
            return _mode == Max31865ConversionMode.Automatic
                ? _baseConfiguration | ConfigBias | ConfigAutomatic
                : _baseConfiguration;
        }

        private SensorStatus ReadAndClearFaults()
        {
            SensorStatus status = ReadRegisters(Max31865Register.FaultStatus, 1);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            // D1:D0 are unused (datasheet Table 7).
            Max31865Faults faults = (Max31865Faults)(_readBuffer[0] & 0xFC);
            LastFaults = faults;

            // Fault clear: write D1 = 1 with D5, D3 and D2 = 0 (datasheet "Fault Status Clear (D1)"); this also puts
            // back the running configuration after a fault-detection cycle.
            status = WriteConfiguration(RunningConfiguration() | ConfigFaultClear);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            return MapFaults(faults);
        }

        private SensorStatus WriteConfiguration(int configuration)
        {
            _writeBuffer[1] = (byte)configuration;
            return WriteRegisters(Max31865Register.Configuration, 1);
        }

        // SPI write: address with bit 7 set, then data bytes from _writeBuffer[1..count] into consecutive registers.
        private SensorStatus WriteRegisters(Max31865Register first, int count)
        {
            _writeBuffer[0] = (byte)(WriteFlag | (byte)first);
            return BusResult.ToSensorStatus(_bus.Write(_writeBuffer, 0, 1 + count));
        }

        // SPI read: address with bit 7 clear, then count bytes clocked in under the same chip select into _readBuffer.
        private SensorStatus ReadRegisters(Max31865Register first, int count)
        {
            _writeBuffer[0] = (byte)first;
            return BusResult.ToSensorStatus(_bus.WriteRead(_writeBuffer, 0, 1, _readBuffer, 0, count));
        }
    }
}
