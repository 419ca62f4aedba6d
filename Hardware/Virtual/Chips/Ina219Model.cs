using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// Register-level TI INA219 behind an I2C <see cref="IRegisterBus"/> (datasheet SBOS448G): a written byte sets the
    /// register pointer, two more bytes write that register MSB first, and reads return the pointed register MSB first.
    /// </summary>
    /// <remarks>
    /// <para>Conversions run in simulated time from the <see cref="IClock"/>: in a continuous mode conversion k
    /// (k = 1, 2, ...) completes k conversion times after the configuration was last written, the conversion time
    /// being the sum of the shunt and bus ADC times of datasheet Table 5 for the channels the mode converts; a triggered
    /// mode converts once. At completion the model samples <see cref="IMachineSignals.MotorCurrentA"/> through the shunt
    /// and <see cref="IMachineSignals.SupplyVoltageV"/> as the bus voltage, once (averaging modes are not simulated).</para>
    /// <para>Registers as the chip computes them (§8.5.1): shunt = round(I·R / 10 µV) saturated at the PGA range;
    /// bus = round(V / 4 mV) saturated at 16 V or 32 V, in bits 15:3; Current = trunc(Shunt × Cal / 4096); Power =
    /// trunc(|Current| × Bus / 5000). OVF is set when Current leaves the signed 16-bit range or Power the unsigned one
    /// (both then saturate). CNVR is set at each completion and cleared by reading Power or writing the configuration.
    /// Calibration bit 0 reads back 0; the reset bit restores every register to its power-on value.</para>
    /// <para>Faults: <see cref="ChipFaults.Unplugged"/> makes every transfer return <see cref="BusStatus.Nack"/> with no
    /// effect; <see cref="ChipFaults.Stuck"/> keeps the data registers at their last values while CNVR still toggles.
    /// Not thread-safe.</para>
    /// </remarks>
    public sealed class Ina219Model : IRegisterBus
    {
        /// <summary>Configuration register after power-on or reset (§8.6.2.1).</summary>
        public const int PowerOnConfiguration = 0x399F;

        /// <summary>Register writes the log keeps; later writes still take effect but are not logged.</summary>
        public const int WriteLogCapacity = 64;

        private const int ConfigurationAddress = 0x00;
        private const int ShuntAddress = 0x01;
        private const int BusAddress = 0x02;
        private const int PowerAddress = 0x03;
        private const int CurrentAddress = 0x04;
        private const int CalibrationAddress = 0x05;

        private const int ResetBit = 0x8000;
        private const int ConfigurationWritableMask = 0x3FFF;
        private const int ConversionReadyBit = 0x2;
        private const int MathOverflowBit = 0x1;

        private readonly IClock _clock;
        private readonly IMachineSignals _signals;
        private readonly ChipFaults _faults;
        private readonly double _shuntOhms;

        private int _pointer;
        private int _configuration;
        private int _calibration;
        private int _shunt10Uv;
        private int _busCounts;
        private int _current;
        private int _power;
        private bool _conversionReady;
        private bool _mathOverflow;
        private long _conversionStartUs;
        private long _conversionsDone;

        /// <summary>A chip just powered on: continuous shunt and bus conversions at the power-on configuration.</summary>
        /// <param name="clock">Simulated time.</param>
        /// <param name="signals">The machine: motor current through the shunt, supply voltage on the bus.</param>
        /// <param name="faults">Injected faults, checked on every transfer.</param>
        /// <param name="shuntOhms">The shunt resistor the chip measures across, in Ω.</param>
        public Ina219Model(IClock clock, IMachineSignals signals, ChipFaults faults, double shuntOhms)
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

            if (!(shuntOhms > 0.0))
            {
                throw new ArgumentOutOfRangeException(nameof(shuntOhms));
            }

            _clock = clock;
            _signals = signals;
            _faults = faults;
            _shuntOhms = shuntOhms;
            Reset();
        }

        /// <summary>Transfers seen, including refused ones.</summary>
        public int TransactionCount { get; private set; }

        /// <summary>The register writes received, in order (see <see cref="WriteLogCapacity"/>).</summary>
        public RegisterWriteLog WriteLog { get; } = new RegisterWriteLog(WriteLogCapacity);

        /// <summary>
        /// The 16-bit value register <paramref name="address"/> (0..5) holds now, as a read would return it, without a
        /// read's side effects (Power does not clear CNVR here); conversions due by the clock are applied first.
        /// </summary>
        public int RegisterValue(int address)
        {
            if (address < 0 || address > CalibrationAddress)
            {
                throw new ArgumentOutOfRangeException(nameof(address));
            }

            Advance();
            return Peek(address);
        }

        /// <inheritdoc/>
        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            BusArguments.CheckRange(buffer, offset, count);
            TransactionCount++;
            if (_faults.Unplugged)
            {
                return BusStatus.Nack;
            }

            Advance();
            WriteBytes(buffer, offset, count);
            return BusStatus.Ok;
        }

        /// <inheritdoc/>
        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            BusArguments.CheckRange(buffer, offset, count);
            TransactionCount++;
            if (_faults.Unplugged)
            {
                return BusStatus.Nack;
            }

            Advance();
            ReadBytes(buffer, offset, count);
            return BusStatus.Ok;
        }

        /// <inheritdoc/>
        public BusStatus WriteRead(
            byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount)
        {
            BusArguments.CheckRange(writeBuffer, writeOffset, writeCount);
            BusArguments.CheckRange(readBuffer, readOffset, readCount);
            TransactionCount++;
            if (_faults.Unplugged)
            {
                return BusStatus.Nack;
            }

            Advance();
            WriteBytes(writeBuffer, writeOffset, writeCount);
            ReadBytes(readBuffer, readOffset, readCount);
            return BusStatus.Ok;
        }

        private void WriteBytes(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return;
            }

            _pointer = buffer[offset];

            // A register write is the pointer plus two data bytes (§8.5.6, Figure 15); a lone pointer byte only moves it.
            if (count < 3)
            {
                return;
            }

            int value = (buffer[offset + 1] << 8) | buffer[offset + 2];
            WriteLog.Add(_pointer, value);

            if (_pointer == ConfigurationAddress)
            {
                if ((value & ResetBit) != 0)
                {
                    Reset();
                    return;
                }

                _configuration = value & ConfigurationWritableMask;
                RestartConversions();
            }
            else if (_pointer == CalibrationAddress)
            {
                // Bit 0 is not part of the calculation and reads back 0 (§8.6.4.1).
                _calibration = value & 0xFFFE;
            }
        }

        private void ReadBytes(byte[] buffer, int offset, int count)
        {
            int value = Peek(_pointer);
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)((i & 1) == 0 ? value >> 8 : value);
            }

            // Reading the Power register clears CNVR (§8.6.3.2).
            if (count > 0 && _pointer == PowerAddress)
            {
                _conversionReady = false;
            }
        }

        private int Peek(int address)
        {
            switch (address)
            {
                case ConfigurationAddress:
                    return _configuration;
                case ShuntAddress:
                    return _shunt10Uv & 0xFFFF;
                case BusAddress:
                    return (_busCounts << 3) | (_conversionReady ? ConversionReadyBit : 0) | (_mathOverflow ? MathOverflowBit : 0);
                case PowerAddress:
                    return _power;
                case CurrentAddress:
                    return _current & 0xFFFF;
                case CalibrationAddress:
                    return _calibration;
                default:
                    return 0;
            }
        }

        private void Reset()
        {
            _configuration = PowerOnConfiguration;
            _calibration = 0;
            _shunt10Uv = 0;
            _busCounts = 0;
            _current = 0;
            _power = 0;
            _mathOverflow = false;
            RestartConversions();
        }

        private void RestartConversions()
        {
            _conversionStartUs = _clock.MonotonicUs;
            _conversionsDone = 0;
            _conversionReady = false;
        }

        // Applies the conversions that completed by now.
        private void Advance()
        {
            int mode = _configuration & 0x7;
            long periodUs = ConversionTimeUs(mode);
            if (periodUs == 0)
            {
                return;
            }

            long completed = (_clock.MonotonicUs - _conversionStartUs) / periodUs;
            bool continuous = mode >= 5;
            if (!continuous && completed > 1)
            {
                completed = 1;
            }

            if (completed <= _conversionsDone)
            {
                return;
            }

            _conversionsDone = completed;
            Convert(mode, (_conversionStartUs + completed * periodUs) / 1e6);
        }

        private void Convert(int mode, double timeS)
        {
            _conversionReady = true;
            if (_faults.Stuck)
            {
                return;
            }

            bool shunt = (mode & 0x1) != 0;
            bool bus = (mode & 0x2) != 0;
            if (shunt)
            {
                // ±40 mV × 2^PG (§8.6.3.1): 4000, 8000, 16000 or 32000 steps of 10 µV.
                int shuntFullScale = 4000 << ((_configuration >> 11) & 0x3);
                _shunt10Uv = Quantize(_signals.MotorCurrentA(timeS) * _shuntOhms / 10e-6, -shuntFullScale, shuntFullScale);
            }

            if (bus)
            {
                // 16 V or 32 V range (BRNG, D13) in 4 mV steps.
                int busFullScale = (_configuration & 0x2000) != 0 ? 8000 : 4000;
                _busCounts = Quantize(_signals.SupplyVoltageV(timeS) / 4e-3, 0, busFullScale);
            }

            // The multiplier runs only with a programmed calibration (§8.5.3).
            _mathOverflow = false;
            if (_calibration == 0)
            {
                _current = 0;
                _power = 0;
                return;
            }

            // Current = Shunt × Cal / 4096 (§8.5.1, Equation 4), truncated as the chip's integer engine does.
            long current = (long)_shunt10Uv * _calibration / 4096;
            if (current > short.MaxValue || current < short.MinValue)
            {
                _mathOverflow = true;
                current = current > 0 ? short.MaxValue : short.MinValue;
            }

            // Power = Current × Bus / 5000 (§8.5.1, Equation 5), unsigned.
            long power = (current < 0 ? -current : current) * _busCounts / 5000;
            if (power > 0xFFFF)
            {
                _mathOverflow = true;
                power = 0xFFFF;
            }

            _current = (int)current;
            _power = (int)power;
        }

        // Table 5 conversion times in µs for a 4-bit ADC field: 9-12 bits (X0XX... with bit 3 clear) or 2^n averages.
        private long ConversionTimeUs(int mode)
        {
            if (mode == 0 || mode == 4)
            {
                return 0;
            }

            long time = 0;
            if ((mode & 0x1) != 0)
            {
                time += AdcTimeUs((_configuration >> 3) & 0xF);
            }

            if ((mode & 0x2) != 0)
            {
                time += AdcTimeUs((_configuration >> 7) & 0xF);
            }

            return time;
        }

        private static long AdcTimeUs(int field)
        {
            if ((field & 0x8) == 0)
            {
                switch (field & 0x3)
                {
                    case 0:
                        return 84;
                    case 1:
                        return 148;
                    case 2:
                        return 276;
                    default:
                        return 532;
                }
            }

            // 1000b is one 12-bit sample; 1001b..1111b average 2..128 samples of 532 µs (1.06 ms ... 68.10 ms).
            return 532L << (field & 0x7);
        }

        private static int Quantize(double steps, int min, int max)
        {
            if (steps >= max)
            {
                return max;
            }

            if (steps <= min)
            {
                return min;
            }

            return steps >= 0 ? (int)(steps + 0.5) : -(int)(-steps + 0.5);
        }
    }
}
