using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// Register-level ADXL345 behind an <see cref="IRegisterBus"/>: the datasheet's register map with its reset values,
    /// sampling of <see cref="IMachineSignals.AccelerationG"/> at the output data rate in simulated time, the 32-sample
    /// FIFO in bypass, FIFO and stream modes, and INT_SOURCE/INT1/INT2 as the part computes them.
    /// </summary>
    /// <remarks>
    /// <para>Time moves only through the <see cref="IClock"/>: at the start of every transfer the model converts the
    /// samples that fell due since the last one. While POWER_CTL.Measure is set, sample k (k = 1, 2, ...) is taken
    /// k / ODR after Measure was set or BW_RATE last changed; in standby nothing is converted.</para>
    /// <para>Encoding follows DATA_FORMAT at conversion time: 256 counts/g in full resolution (10 + range bits),
    /// 256/2^range counts/g in 10-bit mode, rounded to nearest and saturated at the range; at 1600 and 3200 Hz the LSB
    /// is forced to 0 in full resolution and in ±2 g 10-bit mode (datasheet "Data Formatting of Upper Data Rates").
    /// Justify is applied when the data registers are read.</para>
    /// <para>Noise: with <see cref="NoiseEnabled"/> each converted sample carries the part's own noise, per axis,
    /// approximately Gaussian, at the RMS the datasheet gives for the BW_RATE in force (rate code and LOW_POWER; see
    /// "Noise Performance" and the constants). It is added in g before encoding, so a coarse 10-bit range hides most of
    /// it and the forced-zero LSB applies to it, as on the part. It is off by default, so tests comparing exact sample
    /// values see a noise-free part; <see cref="NoiseSeed"/> makes it repeatable.</para>
    /// <para>FIFO: entering bypass empties it; FIFO mode stops collecting when full; stream (and trigger, modelled as
    /// stream) discards the oldest sample. Overrun is set when a sample is lost (bypass: unread data replaced) and
    /// cleared by a data read, like DATA_READY. The data registers show the oldest FIFO entry (the newest sample in
    /// bypass or when the FIFO is empty); a transfer that read any of 0x32-0x37 pops that entry when it ends or when
    /// it moves on to another register. The real part holds a 33rd sample in its output stage; the model keeps 32,
    /// which is what FIFO_STATUS reports.</para>
    /// <para>Not modelled: taps, activity, free fall, offsets (OFSx are stored only), sleep, FIFO_TRIG, 3-wire SPI; the
    /// noise's dependence on supply voltage (datasheet Figure 53; the figures are at VS = 2.5 V) and its 1/f part
    /// (Figure 52: white noise only); LOW_POWER changes the noise alone, not the internal sampling. Faults:
    /// <see cref="ChipFaults.Unplugged"/> makes every transfer return <see cref="BusStatus.Nack"/> with no effect;
    /// <see cref="ChipFaults.Stuck"/> repeats the last converted sample, noise included.</para>
    /// <para>Supply: on a <see cref="SupplyRail"/> that is off (VS and VDD I/O both on it) the part is unpowered. On SPI a
    /// transfer still returns <see cref="BusStatus.Ok"/> (SPI has no acknowledge), writes are lost and every byte read is
    /// 00h: the dead SDO driver's protection diode to the 0 V supply holds MISO low, so DEVID reads 00h. On I2C nothing
    /// acknowledges its address: <see cref="BusStatus.Nack"/>. INT1 and INT2 read low. When the rail is back the part is
    /// as after construction (datasheet "Power Sequencing": standby, every register at its reset value, FIFO empty,
    /// nothing sampled). <see cref="DeviceId"/> and the self-test shifts are the part's own and survive. Not
    /// thread-safe.</para>
    /// </remarks>
    public sealed class Adxl345Model : IRegisterBus
    {
        /// <summary>DEVID of every ADXL345.</summary>
        public const byte AdxlDeviceId = 0xE5;

        /// <summary>Samples the FIFO holds.</summary>
        public const int FifoCapacitySamples = 32;

        /// <summary>Register writes the log keeps; later writes still take effect but are not logged.</summary>
        public const int WriteLogCapacity = 256;

        private const int RegisterCount = 64;
        private const int AddressMask = 0x3F;

        private const int DevIdAddress = 0x00;
        private const int FirstConfigAddress = 0x1D;
        private const int ActTapStatusAddress = 0x2B;
        private const int BwRateAddress = 0x2C;
        private const int PowerCtlAddress = 0x2D;
        private const int IntEnableAddress = 0x2E;
        private const int IntMapAddress = 0x2F;
        private const int IntSourceAddress = 0x30;
        private const int DataFormatAddress = 0x31;
        private const int DataX0Address = 0x32;
        private const int DataZ1Address = 0x37;
        private const int FifoCtlAddress = 0x38;
        private const int FifoStatusAddress = 0x39;

        private const byte SpiReadBit = 0x80;
        private const byte SpiMultiByteBit = 0x40;
        private const int MeasureBit = 0x08;
        private const int SelfTestBit = 0x80;
        private const int IntInvertBit = 0x20;
        private const int FullResolutionBit = 0x08;
        private const int JustifyLeftBit = 0x04;
        private const int RangeMask = 0x03;
        private const int RateMask = 0x0F;
        private const int LowPowerBit = 0x10;
        private const int FifoSamplesMask = 0x1F;
        private const int IntDataReady = 0x80;
        private const int IntWatermark = 0x02;
        private const int IntOverrun = 0x01;

        private const int FifoModeBypass = 0;
        private const int FifoModeFifo = 1;

        // Noise, LSB RMS at 3.9 mg/LSB (full resolution, or 10-bit at ±2 g), VS = 2.5 V. Datasheet Rev. G Table 1 and
        // "Noise Performance": normal power at ODR <= 100 Hz, X and Y 0.75, Z 1.1, rising by about √2 per doubling of
        // the rate above 100 Hz (400 Hz: X, Y < 1.5, Z < 2.2); at 3200 Hz that is 4.2 and 6.2 LSB (17 and 24 mg).
        private const double NoiseXyLsb = 0.75;
        private const double NoiseZLsb = 1.1;
        private const int NoiseFlatUpToRateCode = 0x0A;

        // Low power ("Noise Performance"): constant over the rates of Table 8, 12.5 to 400 Hz: X, Y < 1.8, Z < 2.6 LSB.
        // At other rates the LOW_POWER bit brings no change ("Power Modes"), so the normal figures apply.
        private const double LowPowerNoiseXyLsb = 1.8;
        private const double LowPowerNoiseZLsb = 2.6;
        private const int LowPowerFirstRateCode = 0x07;
        private const int LowPowerLastRateCode = 0x0C;

        // The datasheet's RMS is of the output, so it includes the 1 LSB rounding (variance 1/12 LSB²); the analogue
        // noise added before rounding is the rest, and rounding adds it back.
        private const double RoundingVarianceLsb2 = 1.0 / 12;
        private const double CountsPerGFullResolution = 256.0;

        private readonly IClock _clock;
        private readonly IMachineSignals _signals;
        private readonly ChipFaults _faults;
        private readonly SupplyConnection _supply;
        private readonly Adxl345ModelFraming _framing;
        private readonly GaussianNoise _noise = new GaussianNoise(0);
        private readonly byte[] _registers = new byte[RegisterCount];
        private readonly short[] _fifo = new short[FifoCapacitySamples * 3];

        private int _fifoHead;
        private int _fifoCount;
        private short _latestX;
        private short _latestY;
        private short _latestZ;
        private bool _hasSample;
        private bool _latestUnread;
        private bool _overrun;
        private bool _measuring;
        private long _samplingStartUs;
        private long _samplesSinceStart;
        private int _i2cPointer;
        private bool _dataRegistersRead;
        private ulong _noiseSeed;
        private double _noiseXyGPerUnit;
        private double _noiseZGPerUnit;

        /// <summary>A powered part in its reset state (datasheet register map reset values), sampling nothing yet.</summary>
        public Adxl345Model(IClock clock, IMachineSignals signals, ChipFaults faults, Adxl345ModelFraming framing)
            : this(clock, signals, faults, framing, null)
        {
        }

        /// <summary>A part on a switched <paramref name="supply"/> (null: always powered); see the remarks.</summary>
        public Adxl345Model(
            IClock clock, IMachineSignals signals, ChipFaults faults, Adxl345ModelFraming framing, SupplyRail supply)
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

            _clock = clock;
            _signals = signals;
            _faults = faults;
            _framing = framing;
            _supply = new SupplyConnection(supply);
            PowerOnReset();
            DeviceId = AdxlDeviceId;

            // Plausible mid-range self-test shifts at VS = 3.3 V, inside datasheet Tables 14/15 limits (which give no
            // typical value): X +0.9 g, Y -0.9 g, Z +1.3 g.
            SelfTestShiftXG = 0.9;
            SelfTestShiftYG = -0.9;
            SelfTestShiftZG = 1.3;
        }

        /// <summary>What DEVID reads; set it to something else to model a different part at the address.</summary>
        public byte DeviceId { get; set; }

        /// <summary>Acceleration, in g, the self-test force adds to X while DATA_FORMAT.SELF_TEST is set.</summary>
        public double SelfTestShiftXG { get; set; }

        /// <summary>Acceleration, in g, the self-test force adds to Y (negative on the real part).</summary>
        public double SelfTestShiftYG { get; set; }

        /// <summary>Acceleration, in g, the self-test force adds to Z.</summary>
        public double SelfTestShiftZG { get; set; }

        /// <summary>
        /// Whether converted samples carry the part's noise (class remarks). Default false: a noise-free part, for tests
        /// that compare exact values; the virtual board turns it on.
        /// </summary>
        public bool NoiseEnabled { get; set; }

        /// <summary>
        /// Seed of the noise sequence (default 0). Setting it restarts the sequence, so the same seed and the same
        /// transfers at the same times give the same samples. Power cycles do not restart it.
        /// </summary>
        public ulong NoiseSeed
        {
            get => _noiseSeed;
            set
            {
                _noiseSeed = value;
                _noise.Reseed(value);
            }
        }

        /// <summary>Bus transfers seen (Write, Read and WriteRead each count one), NACKed ones included.</summary>
        public int TransactionCount { get; private set; }

        /// <summary>Samples converted but never readable: discarded by stream mode, refused by a full FIFO, or replaced unread in bypass.</summary>
        public long DiscardedSamples { get; private set; }

        /// <summary>The register writes received, in order (see <see cref="WriteLogCapacity"/>).</summary>
        public RegisterWriteLog WriteLog { get; } = new RegisterWriteLog(WriteLogCapacity);

        /// <summary>
        /// The stored value of a configuration register, without the side effects of a bus read; 0 while the supply is off.
        /// </summary>
        public int RegisterValue(int address)
        {
            if (address < 0 || address >= RegisterCount)
            {
                throw new ArgumentOutOfRangeException(nameof(address));
            }

            return Powered() ? _registers[address] : 0;
        }

        /// <summary>
        /// The INT1 pin level now (high = true): sources enabled and mapped to INT1, inverted by INT_INVERT; low while the
        /// supply is off.
        /// </summary>
        public bool ReadInt1Level()
        {
            if (!Powered())
            {
                return false;
            }

            Advance();
            return PinLevel(~_registers[IntMapAddress]);
        }

        /// <summary>The INT2 pin level now: sources enabled and mapped to INT2 by a set INT_MAP bit; low while unpowered.</summary>
        public bool ReadInt2Level()
        {
            if (!Powered())
            {
                return false;
            }

            Advance();
            return PinLevel(_registers[IntMapAddress]);
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
                return Unpowered(null, 0, 0);
            }

            Advance();
            if (_framing == Adxl345ModelFraming.Spi)
            {
                SpiTransfer(buffer, offset, count, null, 0, 0);
            }
            else
            {
                I2cWrite(buffer, offset, count);
            }

            EndTransfer();
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

            if (!Powered())
            {
                return Unpowered(buffer, offset, count);
            }

            Advance();
            if (_framing == Adxl345ModelFraming.Spi)
            {
                // No address byte: the part sees a write of zeros to read-only DEVID and leaves SDO idle.
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = 0;
                }
            }
            else
            {
                I2cRead(buffer, offset, count);
            }

            EndTransfer();
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
                return Unpowered(readBuffer, readOffset, readCount);
            }

            Advance();
            if (_framing == Adxl345ModelFraming.Spi)
            {
                SpiTransfer(writeBuffer, writeOffset, writeCount, readBuffer, readOffset, readCount);
            }
            else
            {
                I2cWrite(writeBuffer, writeOffset, writeCount);
                I2cRead(readBuffer, readOffset, readCount);
            }

            EndTransfer();
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

        // A transfer to the unpowered part: SPI clocks in zeros (MISO held low); I2C gets no acknowledge.
        private BusStatus Unpowered(byte[] readBuffer, int readOffset, int readCount)
        {
            if (_framing != Adxl345ModelFraming.Spi)
            {
                return BusStatus.Nack;
            }

            for (int i = 0; i < readCount; i++)
            {
                readBuffer[readOffset + i] = 0;
            }

            return BusStatus.Ok;
        }

        // The register map's reset values and an idle part: standby, FIFO empty (bypass), no sample, no interrupt.
        private void PowerOnReset()
        {
            for (int i = 0; i < RegisterCount; i++)
            {
                _registers[i] = 0;
            }

            // BW_RATE resets to 0x0A (100 Hz); every other register to 0x00. INT_SOURCE reads 0x02 at reset because
            // FIFO_CTL.Samples = 0 holds the watermark bit set.
            _registers[BwRateAddress] = 0x0A;
            SetNoiseLevel();
            _fifoHead = 0;
            _fifoCount = 0;
            _latestX = 0;
            _latestY = 0;
            _latestZ = 0;
            _hasSample = false;
            _latestUnread = false;
            _overrun = false;
            _measuring = false;
            _samplingStartUs = 0;
            _samplesSinceStart = 0;
            _i2cPointer = 0;
            _dataRegistersRead = false;
        }

        // One chip-select period: the address byte, then every further byte clocked (written bytes first, then the
        // read phase). In a read, the bytes after the address are register data out; in a write, the master's bytes
        // are register data in and the read phase clocks in zeros (MOSI low), as a real part would store them.
        private void SpiTransfer(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
        {
            if (writeCount == 0)
            {
                return;
            }

            byte command = writeBuffer[writeOffset];
            bool isRead = (command & SpiReadBit) != 0;
            int step = (command & SpiMultiByteBit) != 0 ? 1 : 0;
            int address = command & AddressMask;
            for (int i = 1; i < writeCount; i++)
            {
                if (isRead)
                {
                    ReadRegister(address);
                }
                else
                {
                    WriteRegister(address, writeBuffer[writeOffset + i]);
                }

                address = (address + step) & AddressMask;
            }

            for (int i = 0; i < readCount; i++)
            {
                if (isRead)
                {
                    readBuffer[readOffset + i] = ReadRegister(address);
                }
                else
                {
                    WriteRegister(address, 0);
                    readBuffer[readOffset + i] = 0;
                }

                address = (address + step) & AddressMask;
            }
        }

        private void I2cWrite(byte[] buffer, int offset, int count)
        {
            if (count == 0)
            {
                return;
            }

            _i2cPointer = buffer[offset] & AddressMask;
            for (int i = 1; i < count; i++)
            {
                WriteRegister(_i2cPointer, buffer[offset + i]);
                _i2cPointer = (_i2cPointer + 1) & AddressMask;
            }
        }

        private void I2cRead(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = ReadRegister(_i2cPointer);
                _i2cPointer = (_i2cPointer + 1) & AddressMask;
            }
        }

        private byte ReadRegister(int address)
        {
            bool isData = address >= DataX0Address && address <= DataZ1Address;
            if (!isData && _dataRegistersRead)
            {
                // Moving on from DATAZ1 (0x37 to 0x38) completes the data read and pops the entry.
                PopOutput();
            }

            if (isData)
            {
                _dataRegistersRead = true;
                return DataByte(address - DataX0Address);
            }

            switch (address)
            {
                case DevIdAddress:
                    return DeviceId;
                case IntSourceAddress:
                    return (byte)IntSourceValue();
                case FifoStatusAddress:
                    return (byte)_fifoCount;
                default:
                    return IsStoredRegister(address) ? _registers[address] : (byte)0;
            }
        }

        private void WriteRegister(int address, byte value)
        {
            WriteLog.Add(address, value);

            if (!IsStoredRegister(address))
            {
                return;
            }

            _registers[address] = value;
            switch (address)
            {
                case PowerCtlAddress:
                    bool measure = (value & MeasureBit) != 0;
                    if (measure && !_measuring)
                    {
                        RestartSampleClock();
                    }

                    _measuring = measure;
                    break;
                case BwRateAddress:
                    RestartSampleClock();
                    SetNoiseLevel();
                    break;
                case FifoCtlAddress:
                    if (FifoMode() == FifoModeBypass)
                    {
                        _fifoCount = 0;
                        _fifoHead = 0;
                    }

                    break;
            }
        }

        // Registers a write changes: the configuration block 0x1D-0x2A and the control registers; not DEVID, the
        // reserved 0x01-0x1C, ACT_TAP_STATUS, INT_SOURCE, the data registers or FIFO_STATUS.
        private static bool IsStoredRegister(int address)
        {
            return (address >= FirstConfigAddress && address < ActTapStatusAddress)
                || (address >= BwRateAddress && address <= IntMapAddress)
                || address == DataFormatAddress
                || address == FifoCtlAddress;
        }

        private void RestartSampleClock()
        {
            _samplingStartUs = _clock.MonotonicUs;
            _samplesSinceStart = 0;
        }

        private void EndTransfer()
        {
            if (_dataRegistersRead)
            {
                PopOutput();
            }
        }

        private void PopOutput()
        {
            _dataRegistersRead = false;
            _overrun = false;
            if (FifoMode() == FifoModeBypass)
            {
                _latestUnread = false;
                return;
            }

            if (_fifoCount > 0)
            {
                _fifoHead = (_fifoHead + 1) % FifoCapacitySamples;
                _fifoCount--;
            }
        }

        private byte DataByte(int dataIndex)
        {
            int axis = dataIndex >> 1;
            int counts;
            if (FifoMode() != FifoModeBypass && _fifoCount > 0)
            {
                counts = _fifo[_fifoHead * 3 + axis];
            }
            else
            {
                counts = axis == 0 ? _latestX : axis == 1 ? _latestY : _latestZ;
            }

            int format = _registers[DataFormatAddress];
            if ((format & JustifyLeftBit) != 0)
            {
                counts <<= 16 - ResolutionBits(format);
            }

            // DATAx0 is the low byte, DATAx1 the high byte of the 16-bit two's complement word.
            return (byte)((dataIndex & 1) == 0 ? counts : counts >> 8);
        }

        private int IntSourceValue()
        {
            bool dataReady = FifoMode() == FifoModeBypass ? _latestUnread : _fifoCount > 0;
            bool watermark = _fifoCount >= (_registers[FifoCtlAddress] & FifoSamplesMask);
            return (dataReady ? IntDataReady : 0) | (watermark ? IntWatermark : 0) | (_overrun ? IntOverrun : 0);
        }

        private bool PinLevel(int mapSelect)
        {
            bool active = (IntSourceValue() & _registers[IntEnableAddress] & mapSelect) != 0;
            bool activeLow = (_registers[DataFormatAddress] & IntInvertBit) != 0;
            return active != activeLow;
        }

        private int FifoMode()
        {
            return _registers[FifoCtlAddress] >> 6;
        }

        // Converts every sample that fell due since the last transfer; only samples that can still be read are
        // evaluated, so a long gap costs at most one FIFO of conversions.
        private void Advance()
        {
            if (!_measuring)
            {
                return;
            }

            // ODR = 3200 Hz / 2^(15 - rate code) (datasheet Table 7).
            int rateCode = _registers[BwRateAddress] & RateMask;
            long dueSamples = (_clock.MonotonicUs - _samplingStartUs) * 3200 / (1000000L << (15 - rateCode));
            long fresh = dueSamples - _samplesSinceStart;
            if (fresh <= 0)
            {
                return;
            }

            long first = _samplesSinceStart + 1;
            _samplesSinceStart = dueSamples;
            int mode = FifoMode();
            if (mode == FifoModeBypass)
            {
                long replaced = fresh - 1 + (_latestUnread ? 1 : 0);
                if (replaced > 0)
                {
                    _overrun = true;
                    DiscardedSamples += replaced;
                }

                Convert(dueSamples, rateCode);
                _latestUnread = true;
                return;
            }

            if (mode == FifoModeFifo)
            {
                long room = FifoCapacitySamples - _fifoCount;
                long kept = fresh < room ? fresh : room;
                for (long k = first; k < first + kept; k++)
                {
                    Convert(k, rateCode);
                    Push();
                }

                if (fresh > room)
                {
                    _overrun = true;
                    DiscardedSamples += fresh - room;
                }

                return;
            }

            // Stream (trigger modelled the same): the oldest samples give way; only the newest 32 can survive.
            if (fresh > FifoCapacitySamples)
            {
                DiscardedSamples += _fifoCount + fresh - FifoCapacitySamples;
                _overrun = true;
                _fifoCount = 0;
                _fifoHead = 0;
                first = dueSamples - FifoCapacitySamples + 1;
            }

            for (long k = first; k <= dueSamples; k++)
            {
                Convert(k, rateCode);
                if (_fifoCount == FifoCapacitySamples)
                {
                    _fifoHead = (_fifoHead + 1) % FifoCapacitySamples;
                    _fifoCount--;
                    DiscardedSamples++;
                    _overrun = true;
                }

                Push();
            }
        }

        private void Push()
        {
            int slot = ((_fifoHead + _fifoCount) % FifoCapacitySamples) * 3;
            _fifo[slot] = _latestX;
            _fifo[slot + 1] = _latestY;
            _fifo[slot + 2] = _latestZ;
            _fifoCount++;
        }

        // Converts sample k of the current sampling run into _latestX/Y/Z.
        private void Convert(long sampleIndex, int rateCode)
        {
            if (_faults.Stuck && _hasSample)
            {
                return;
            }

            double periodUs = (1000000L << (15 - rateCode)) / 3200.0;
            double timeS = (_samplingStartUs + sampleIndex * periodUs) / 1e6;
            _signals.AccelerationG(timeS, out double xG, out double yG, out double zG);

            int format = _registers[DataFormatAddress];
            if ((format & SelfTestBit) != 0)
            {
                xG += SelfTestShiftXG;
                yG += SelfTestShiftYG;
                zG += SelfTestShiftZG;
            }

            if (NoiseEnabled)
            {
                xG += _noise.Next() * _noiseXyGPerUnit;
                yG += _noise.Next() * _noiseXyGPerUnit;
                zG += _noise.Next() * _noiseZGPerUnit;
            }

            int bits = ResolutionBits(format);
            int range = format & RangeMask;
            double countsPerG = (format & FullResolutionBit) != 0
                ? CountsPerGFullResolution
                : CountsPerGFullResolution / (1 << range);
            bool lsbForcedZero = rateCode >= 0x0E && ((format & FullResolutionBit) != 0 || range == 0);
            _latestX = Quantise(xG * countsPerG, bits, lsbForcedZero);
            _latestY = Quantise(yG * countsPerG, bits, lsbForcedZero);
            _latestZ = Quantise(zG * countsPerG, bits, lsbForcedZero);
            _hasSample = true;
        }

        // Scales the noise source to the analogue noise, in g, for the BW_RATE in force (the constants above).
        private void SetNoiseLevel()
        {
            int bwRate = _registers[BwRateAddress];
            int rateCode = bwRate & RateMask;
            double xyLsb;
            double zLsb;
            double rateFactor = 1.0;
            if ((bwRate & LowPowerBit) != 0 && rateCode >= LowPowerFirstRateCode && rateCode <= LowPowerLastRateCode)
            {
                xyLsb = LowPowerNoiseXyLsb;
                zLsb = LowPowerNoiseZLsb;
            }
            else
            {
                xyLsb = NoiseXyLsb;
                zLsb = NoiseZLsb;

                // √2 per doubling above 100 Hz: the variance doubles.
                if (rateCode > NoiseFlatUpToRateCode)
                {
                    rateFactor = 1 << (rateCode - NoiseFlatUpToRateCode);
                }
            }

            double perUnit = 1.0 / (GaussianNoise.OneSigma * CountsPerGFullResolution);
            _noiseXyGPerUnit = Math.Sqrt(xyLsb * xyLsb * rateFactor - RoundingVarianceLsb2) * perUnit;
            _noiseZGPerUnit = Math.Sqrt(zLsb * zLsb * rateFactor - RoundingVarianceLsb2) * perUnit;
        }

        // Full resolution: 10 bits at ±2 g up to 13 at ±16 g; 10-bit mode: 10 at every range.
        private static int ResolutionBits(int format)
        {
            return (format & FullResolutionBit) != 0 ? 10 + (format & RangeMask) : 10;
        }

        private static short Quantise(double counts, int bits, bool lsbForcedZero)
        {
            int max = (1 << (bits - 1)) - 1;
            int min = -(1 << (bits - 1));
            int value;
            if (counts >= max)
            {
                value = max;
            }
            else if (counts <= min)
            {
                value = min;
            }
            else
            {
                value = counts >= 0 ? (int)(counts + 0.5) : -(int)(-counts + 0.5);
            }

            return (short)(lsbForcedZero ? value & ~1 : value);
        }
    }
}
