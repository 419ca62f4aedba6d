using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// Register-level Maxim MAX31865 RTD-to-digital converter behind an SPI <see cref="IRegisterBus"/> (datasheet
    /// 19-6478 Rev 3): each transfer starts with an address byte, bit 7 set for a write; data bytes follow and the
    /// address auto-increments (wrapping after 07h).
    /// </summary>
    /// <remarks>
    /// <para>The RTD is a platinum element of R0 = <c>r0Ohms</c> at the <see cref="IMachineSignals.BearingTemperatureC"/>
    /// temperature by Callendar-Van Dusen (IEC 60751), or <see cref="FixedResistanceOhms"/> when set. A conversion
    /// stores round(R_RTD / R_REF × 2^15), saturated at 32767, and compares it with the thresholds: code ≥ high sets D7,
    /// code ≤ low sets D6 (15-bit codes, D0 of the thresholds ignored). With VBIAS off a conversion reads 0.</para>
    /// <para>Timing from the <see cref="IClock"/>: in automatic mode (D6) conversion k completes k × 20 ms (50 Hz filter)
    /// or k × 16.667 ms (60 Hz) after the configuration write; a 1-shot (D5 with D6 = 0) completes 62.5 ms or 52 ms after
    /// the write's chip select rises (the end of the transfer). D5 and D1 read back 0.</para>
    /// <para>Fault detection (D3:D2 written 01, 10 or 11) runs at once and reads back 00: D5 is set for an open element
    /// and D5:D3 also from <see cref="DetectionCycleFaultBits"/>. D1 written with D5, D3, D2 = 0 clears D7:D2. D2
    /// latches at every conversion while <see cref="OverUnderVoltage"/>. The RTD LSB's D0 reads 1 while any fault is
    /// latched. The 2-/3-/4-wire bit (D4) is stored; lead resistance is not simulated.</para>
    /// <para>Faults: <see cref="ChipFaults.Unplugged"/> makes every transfer return <see cref="BusStatus.Nack"/> with no
    /// effect; <see cref="ChipFaults.Stuck"/> keeps the last conversion's code.</para>
    /// <para>Supply: on a <see cref="SupplyRail"/> that is off the part is unpowered. SPI has no acknowledge, so a transfer
    /// still returns <see cref="BusStatus.Ok"/>, writes are lost and every byte read is 00h: the unpowered part's SDO
    /// driver is dead and its protection diode to the 0 V supply holds MISO low (a pulled-up MISO would read FFh; the
    /// driver's read-back check fails on either). When the rail is back, every register is at its power-on value
    /// (configuration 00h, so VBIAS off and no conversions; thresholds FFFFh and 0000h; RTD data 0000h; no fault), as
    /// after construction. The element's condition (open, shorted, fixed resistance, cable faults) belongs to the probe
    /// and survives. Not thread-safe.</para>
    /// </remarks>
    public sealed class Max31865Model : IRegisterBus
    {
        /// <summary>Register writes the log keeps; later writes still take effect but are not logged.</summary>
        public const int WriteLogCapacity = 64;

        private const int RegisterCount = 8;
        private const int WriteBit = 0x80;

        private const int ConfigurationAddress = 0x00;
        private const int RtdMsbAddress = 0x01;
        private const int RtdLsbAddress = 0x02;
        private const int HighMsbAddress = 0x03;
        private const int LowMsbAddress = 0x05;
        private const int FaultAddress = 0x07;

        private const int ConfigBias = 0x80;
        private const int ConfigAutomatic = 0x40;
        private const int ConfigOneShot = 0x20;
        private const int ConfigFaultCycle = 0x0C;
        private const int ConfigFaultClear = 0x02;
        private const int ConfigFilter50Hz = 0x01;

        private const int FaultRtdHigh = 0x80;
        private const int FaultRtdLow = 0x40;
        private const int FaultRefInHigh = 0x20;
        private const int FaultOverUnderVoltage = 0x04;
        private const int DetectionCycleMask = 0x38;

        // IEC 60751 Callendar-Van Dusen coefficients.
        private const double A = 3.9083e-3;
        private const double B = -5.775e-7;
        private const double C = -4.183e-12;

        private readonly IClock _clock;
        private readonly IMachineSignals _signals;
        private readonly ChipFaults _faults;
        private readonly SupplyConnection _supply;
        private readonly double _r0Ohms;
        private readonly double _referenceOhms;
        private readonly byte[] _registers = new byte[RegisterCount];

        private int _code;
        private long _automaticStartUs;
        private long _automaticDone;
        private bool _oneShotPending;
        private long _oneShotDueUs;

        /// <summary>A chip just powered on, always powered: configuration 00h, thresholds FFFFh and 0000h, no conversion yet.</summary>
        /// <param name="clock">Simulated time.</param>
        /// <param name="signals">The machine; its bearing temperature sets the RTD's resistance.</param>
        /// <param name="faults">Injected faults, checked on every transfer.</param>
        /// <param name="r0Ohms">The RTD's resistance at 0 °C: 100 for a PT100, 1000 for a PT1000.</param>
        /// <param name="referenceOhms">The reference resistor R_REF, e.g. 430 or 4300.</param>
        public Max31865Model(IClock clock, IMachineSignals signals, ChipFaults faults, double r0Ohms, double referenceOhms)
            : this(clock, signals, faults, r0Ohms, referenceOhms, null)
        {
        }

        /// <summary>A chip on a switched <paramref name="supply"/> (null: always powered); see the remarks.</summary>
        public Max31865Model(
            IClock clock, IMachineSignals signals, ChipFaults faults, double r0Ohms, double referenceOhms, SupplyRail supply)
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

            if (!(r0Ohms > 0.0) || !(referenceOhms > 0.0))
            {
                throw new ArgumentOutOfRangeException(nameof(referenceOhms));
            }

            _clock = clock;
            _signals = signals;
            _faults = faults;
            _r0Ohms = r0Ohms;
            _referenceOhms = referenceOhms;
            _supply = new SupplyConnection(supply);
            PowerOnReset();
        }

        /// <summary>When above 0, the RTD's resistance in Ω regardless of temperature.</summary>
        public double FixedResistanceOhms { get; set; }

        /// <summary>The RTD element is open: conversions read full scale; fault detection sets D5.</summary>
        public bool RtdOpen { get; set; }

        /// <summary>The RTD element is shorted: conversions read 0.</summary>
        public bool RtdShorted { get; set; }

        /// <summary>A protected input is above VDD or below GND1: every conversion latches D2.</summary>
        public bool OverUnderVoltage { get; set; }

        /// <summary>
        /// Comparator results (D5..D3 of the fault status) the next fault-detection cycle reports, standing in for the
        /// cable faults of datasheet Tables 10-12 (e.g. 0x10 | 0x08 for RTDIN- shorted low). Other bits are ignored.
        /// </summary>
        public int DetectionCycleFaultBits { get; set; }

        /// <summary>Transfers seen, including refused ones.</summary>
        public int TransactionCount { get; private set; }

        /// <summary>The register writes received, in order (see <see cref="WriteLogCapacity"/>).</summary>
        public RegisterWriteLog WriteLog { get; } = new RegisterWriteLog(WriteLogCapacity);

        /// <summary>
        /// The byte register <paramref name="address"/> (0..7) holds now, conversions due by the clock applied; 0 while the
        /// supply is off.
        /// </summary>
        public int RegisterValue(int address)
        {
            if (address < 0 || address >= RegisterCount)
            {
                throw new ArgumentOutOfRangeException(nameof(address));
            }

            if (!Powered())
            {
                return 0;
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

            if (!Powered())
            {
                return BusStatus.Ok;
            }

            Advance();
            Transfer(buffer, offset, count, null, 0, 0);
            return BusStatus.Ok;
        }

        /// <inheritdoc/>
        /// <remarks>Without an address byte the chip sees 00h (a read of the configuration) and SDO is not driven:
        /// the model returns zeros, powered or not.</remarks>
        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            BusArguments.CheckRange(buffer, offset, count);
            TransactionCount++;
            if (_faults.Unplugged)
            {
                return BusStatus.Nack;
            }

            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = 0;
            }

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

            if (!Powered())
            {
                for (int i = 0; i < readCount; i++)
                {
                    readBuffer[readOffset + i] = 0;
                }

                return BusStatus.Ok;
            }

            Advance();
            Transfer(writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount);
            return BusStatus.Ok;
        }

        // True while the supply is on. A part that finds it was cut since its last access starts from its power-on reset.
        private bool Powered()
        {
            bool powerCycled;
            bool powered = _supply.IsPowered(out powerCycled);
            if (powerCycled)
            {
                PowerOnReset();
            }

            return powered;
        }

        // Datasheet Table 1 power-on values: configuration 00h, RTD data 0000h, high threshold FFFFh, low threshold 0000h,
        // fault status 00h; nothing converting.
        private void PowerOnReset()
        {
            for (int i = 0; i < RegisterCount; i++)
            {
                _registers[i] = 0;
            }

            _registers[HighMsbAddress] = 0xFF;
            _registers[HighMsbAddress + 1] = 0xFF;
            _code = 0;
            _automaticStartUs = 0;
            _automaticDone = 0;
            _oneShotPending = false;
            _oneShotDueUs = 0;
        }

        // One chip-select period: an address byte, data bytes written (write address) or clocked out (read address).
        private void Transfer(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            if (writeCount == 0)
            {
                return;
            }

            int addressByte = writeBuffer[writeOffset];
            int address = addressByte & (RegisterCount - 1);
            bool write = (addressByte & WriteBit) != 0;
            bool startOneShot = false;
            for (int i = 1; i < writeCount; i++)
            {
                if (write)
                {
                    startOneShot |= WriteRegister(address, writeBuffer[writeOffset + i]);
                }

                address = (address + 1) & (RegisterCount - 1);
            }

            for (int i = 0; i < readCount; i++)
            {
                // The chip drives SDO only after a read address; after a write address it stays idle.
                readBuffer[readOffset + i] = write ? (byte)0 : (byte)Peek(address);
                address = (address + 1) & (RegisterCount - 1);
            }

            // A 1-shot starts when chip select rises at the end of the transfer.
            if (startOneShot)
            {
                _oneShotPending = true;
                _oneShotDueUs = _clock.MonotonicUs + (Filter50Hz ? 62500 : 52000);
            }
        }

        // Returns true when the byte asks for a 1-shot conversion.
        private bool WriteRegister(int address, int value)
        {
            WriteLog.Add(address, value & 0xFF);

            if (address >= HighMsbAddress && address < FaultAddress)
            {
                _registers[address] = (byte)value;
                return false;
            }

            if (address != ConfigurationAddress)
            {
                // RTD data and fault status are read-only.
                return false;
            }

            bool wasAutomatic = (_registers[ConfigurationAddress] & ConfigAutomatic) != 0;

            // D5 (1-shot), D3:D2 (fault cycle) and D1 (fault clear) act and self-clear.
            _registers[ConfigurationAddress] = (byte)(value & ~(ConfigOneShot | ConfigFaultCycle | ConfigFaultClear));
            bool automatic = (value & ConfigAutomatic) != 0;
            if (automatic && !wasAutomatic)
            {
                _automaticStartUs = _clock.MonotonicUs;
                _automaticDone = 0;
            }

            if ((value & ConfigFaultCycle) != 0)
            {
                int found = DetectionCycleFaultBits & DetectionCycleMask;
                if (RtdOpen)
                {
                    found |= FaultRefInHigh;
                }

                _registers[FaultAddress] |= (byte)found;
            }

            // Fault clear needs D5, D3 and D2 written as 0 (datasheet "Fault Status Clear (D1)").
            if ((value & ConfigFaultClear) != 0 && (value & (ConfigOneShot | ConfigFaultCycle)) == 0)
            {
                _registers[FaultAddress] = 0;
            }

            return (value & ConfigOneShot) != 0 && !automatic;
        }

        private int Peek(int address)
        {
            if (address == RtdMsbAddress)
            {
                return (_code >> 7) & 0xFF;
            }

            if (address == RtdLsbAddress)
            {
                return ((_code << 1) & 0xFE) | (_registers[FaultAddress] != 0 ? 1 : 0);
            }

            return _registers[address];
        }

        private bool Filter50Hz => (_registers[ConfigurationAddress] & ConfigFilter50Hz) != 0;

        // Applies the conversions that completed by now.
        private void Advance()
        {
            long nowUs = _clock.MonotonicUs;
            if (_oneShotPending && nowUs >= _oneShotDueUs)
            {
                _oneShotPending = false;
                Convert(_oneShotDueUs / 1e6);
            }

            if ((_registers[ConfigurationAddress] & ConfigAutomatic) == 0)
            {
                return;
            }

            // 50 Hz filter: 20 ms per conversion; 60 Hz: 16.667 ms (datasheet: conversions at the 50/60 Hz rate).
            long periodUs = Filter50Hz ? 20000 : 16667;
            long completed = (nowUs - _automaticStartUs) / periodUs;
            if (completed > _automaticDone)
            {
                _automaticDone = completed;
                Convert((_automaticStartUs + completed * periodUs) / 1e6);
            }
        }

        private void Convert(double timeS)
        {
            if (!_faults.Stuck)
            {
                _code = CodeAt(timeS);
            }

            int fault = 0;
            int high = ((_registers[HighMsbAddress] << 8) | _registers[HighMsbAddress + 1]) >> 1;
            int low = ((_registers[LowMsbAddress] << 8) | _registers[LowMsbAddress + 1]) >> 1;
            if (_code >= high)
            {
                fault |= FaultRtdHigh;
            }

            if (_code <= low)
            {
                fault |= FaultRtdLow;
            }

            if (OverUnderVoltage)
            {
                fault |= FaultOverUnderVoltage;
            }

            _registers[FaultAddress] |= (byte)fault;
        }

        private int CodeAt(double timeS)
        {
            if ((_registers[ConfigurationAddress] & ConfigBias) == 0 || RtdShorted)
            {
                return 0;
            }

            if (RtdOpen)
            {
                return 32767;
            }

            double ohms = FixedResistanceOhms > 0.0 ? FixedResistanceOhms : ResistanceOhms(_signals.BearingTemperatureC(timeS));
            double code = ohms / _referenceOhms * 32768.0;
            return code >= 32767.0 ? 32767 : code <= 0.0 ? 0 : (int)(code + 0.5);
        }

        // R(T) = R0 (1 + A·T + B·T² + C·(T − 100)·T³), the C term below 0 °C only (IEC 60751).
        private double ResistanceOhms(double temperatureC)
        {
            double t = temperatureC;
            double ratio = 1.0 + A * t + B * t * t;
            if (t < 0.0)
            {
                ratio += C * (t - 100.0) * t * t * t;
            }

            return _r0Ohms * ratio;
        }
    }
}
