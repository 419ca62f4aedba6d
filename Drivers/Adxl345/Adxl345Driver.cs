using System;
using SensorNode.Core.FixedMath;
using SensorNode.Hardware;

namespace SensorNode.Drivers.Adxl345
{
    /// <summary>
    /// ADXL345 3-axis accelerometer in full resolution with its FIFO in stream mode: the part buffers up to 32 samples
    /// and raises INT1 at a watermark; <see cref="ReadFifo"/> drains them in one burst into a caller's
    /// <c>short[]</c> of raw counts (x, y, z interleaved). A "sample" here is one x, y, z triple.
    /// </summary>
    /// <remarks>
    /// Counts are right-justified two's complement at 256 counts/g (3.9 mg/LSB) at every range;
    /// <see cref="MilliGPerCount"/> converts them. Hardware faults come back as a <see cref="SensorStatus"/>;
    /// exceptions are thrown only for programming errors (bad arguments). Buffers are allocated in the constructor and
    /// the sampling path allocates nothing. Not thread-safe: one owner calls it.
    /// </remarks>
    public sealed class Adxl345Driver
    {
        /// <summary>Samples the FIFO holds (datasheet "FIFO"): the most one <see cref="ReadFifo"/> returns.</summary>
        public const int FifoCapacitySamples = 32;

        /// <summary>Samples averaged per self-test phase.</summary>
        public const int SelfTestSamples = 16;

        // Datasheet "Self-Test": normal power at 100-800 Hz or 3200 Hz, and full resolution at ±16 g for headroom.
        private const int SelfTestRateCode = (int)Adxl345DataRate.Rate800Hz;

        // Datasheet Table 1 notes: turn-on takes 1.1 ms + 1/ODR and the output settles 4/ODR after SELF_TEST changes.
        // 10 ms at 800 Hz covers both; the samples converted meanwhile go by in bypass mode.
        private const int SelfTestSettleMs = 10;

        // Time for SelfTestSamples at 800 Hz (20 ms) with margin; stream mode keeps at most 32 (40 ms).
        private const int SelfTestCollectMs = 25;

        // Datasheet Table 15: self-test output change in LSB at 256 LSB/g (±2 g 10-bit or full resolution), VS = 2.5 V.
        private const int SelfTestMinXLsb = 50;
        private const int SelfTestMaxXLsb = 540;
        private const int SelfTestMinYLsb = -540;
        private const int SelfTestMaxYLsb = -50;
        private const int SelfTestMinZLsb = 75;
        private const int SelfTestMaxZLsb = 875;

        // Datasheet Table 14: the electrostatic force grows with VS squared; factors for VS = 3.3 V (the DevKitC 3V3
        // rail), x100: 1.77 for X and Y, 1.47 for Z.
        private const int SelfTestScaleXyPercent = 177;
        private const int SelfTestScaleZPercent = 147;

        private readonly IRegisterBus _bus;
        private readonly Adxl345Framing _framing;
        private readonly IClock _clock;
        private readonly byte[] _address = new byte[1];
        private readonly byte[] _writeBuffer = new byte[2];
        private readonly byte[] _registerValue = new byte[1];
        private readonly byte[] _fifoBytes = new byte[FifoCapacitySamples * Adxl345Bits.BytesPerSample];

        private bool _initialized;
        private Adxl345Range _range;
        private Adxl345DataRate _dataRate;
        private int _watermarkSamples;
        private int _clipHighCounts;
        private int _clipLowCounts;
        private long _lastStatusUs;
        private int _samplesLeftInFifo;

        /// <summary>Binds the driver to a bus already addressed to the part; nothing is sent until <see cref="Initialize"/>.</summary>
        public Adxl345Driver(IRegisterBus bus, Adxl345Framing framing, IClock clock)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            _bus = bus;
            _framing = framing;
            _clock = clock;

            // Full resolution keeps 256 LSB/g typical at every range (datasheet Table 1, sensitivity; 3.9 mg/LSB is
            // the same figure rounded): 1000/256 mg per count, exact in binary (Multiplier/2^Shift = 125/32).
            MilliGPerCount = new LinearScale(1000, 256);
        }

        /// <summary>
        /// Counts to milli-g: round(counts * 1000 / 256), ties away from zero (see <see cref="LinearScale"/>).
        /// Its public Multiplier and Shift let per-window code inline the conversion.
        /// </summary>
        public LinearScale MilliGPerCount { get; }

        /// <summary>Range set by the last successful <see cref="Initialize"/>.</summary>
        public Adxl345Range Range => _range;

        /// <summary>Output data rate set by the last successful <see cref="Initialize"/>.</summary>
        public Adxl345DataRate DataRate => _dataRate;

        /// <summary>Output data rate in Hz: 3200 Hz halved once per rate code below 0x0F.</summary>
        public int DataRateHz => RateHz((int)_dataRate);

        /// <summary>FIFO level, in samples, at which INT1 rises.</summary>
        public int WatermarkSamples => _watermarkSamples;

        /// <summary>
        /// Throws <see cref="ArgumentOutOfRangeException"/> for settings <see cref="Initialize"/> refuses: an unknown range
        /// or rate, or a watermark outside 1..31. For callers that take the settings long before the part is initialised.
        /// </summary>
        public static void CheckSettings(Adxl345Range range, Adxl345DataRate dataRate, int watermarkSamples)
        {
            if (range < Adxl345Range.PlusMinus2G || range > Adxl345Range.PlusMinus16G)
            {
                throw new ArgumentOutOfRangeException(nameof(range));
            }

            if (dataRate < Adxl345DataRate.Rate100Hz || dataRate > Adxl345DataRate.Rate3200Hz)
            {
                throw new ArgumentOutOfRangeException(nameof(dataRate));
            }

            // FIFO_CTL Samples is 5 bits; 0 would hold the watermark bit set permanently (datasheet FIFO_CTL).
            if (watermarkSamples < 1 || watermarkSamples > 31)
            {
                throw new ArgumentOutOfRangeException(nameof(watermarkSamples));
            }
        }

        /// <summary>
        /// Checks DEVID, then configures the part in standby and starts measuring: full resolution at
        /// <paramref name="range"/>, <paramref name="dataRate"/>, FIFO emptied then in stream mode with a watermark of
        /// <paramref name="watermarkSamples"/> (1..31) routed to INT1, active high.
        /// Returns <see cref="SensorStatus.Ok"/>, <see cref="SensorStatus.BusError"/> or
        /// <see cref="SensorStatus.NotPresent"/> (DEVID is not 0xE5; nothing is written then).
        /// Throws <see cref="ArgumentOutOfRangeException"/> for an unknown range or rate, or a watermark outside 1..31.
        /// </summary>
        public SensorStatus Initialize(Adxl345Range range, Adxl345DataRate dataRate, int watermarkSamples)
        {
            CheckSettings(range, dataRate, watermarkSamples);
            _initialized = false;
            BusStatus bus = ReadRegisters(Adxl345Register.DevId, _registerValue, 0, 1);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            if (_registerValue[0] != Adxl345Bits.DeviceId)
            {
                return SensorStatus.NotPresent;
            }

            _range = range;
            _dataRate = dataRate;
            _watermarkSamples = watermarkSamples;

            // Full resolution has 10 + range bits (datasheet DATA_FORMAT "Range Bits"). A sample within one count of
            // the top counts as clipped because at 1600/3200 Hz the LSB is forced to 0 and the top code is unreachable.
            int halfSpan = 1 << (9 + (int)range);
            _clipHighCounts = halfSpan - 2;
            _clipLowCounts = -halfSpan;

            SensorStatus status = ApplyConfiguration();
            _initialized = status == SensorStatus.Ok;
            return status;
        }

        /// <summary>
        /// Drains up to <paramref name="maxSamples"/> samples (at most <see cref="FifoCapacitySamples"/>) into
        /// <paramref name="xyzCounts"/> from <paramref name="offset"/>, as x, y, z counts, oldest first.
        /// Bus traffic: INT_SOURCE, FIFO_STATUS, then one 6-byte multiple-byte read of DATAX0..DATAZ1 per sample, the
        /// part popping one FIFO entry per read (datasheet "Retrieving Data from FIFO"). Allocates nothing.
        /// </summary>
        /// <param name="xyzCounts">Destination of raw counts, 3 per sample; see the class remarks for their scale.</param>
        /// <param name="offset">Index of the first x count written.</param>
        /// <param name="maxSamples">Room in <paramref name="xyzCounts"/>, in samples; entries beyond it stay in the FIFO.</param>
        /// <param name="samplesRead">Samples written; 0 unless the status is Ok, Overrun or OutOfRange.</param>
        /// <param name="lostSamples">
        /// With <see cref="SensorStatus.Overrun"/>, the estimated samples the part discarded since the previous call:
        /// round(elapsed µs x ODR / 10^6) + samples left in the FIFO last time - entries found now, floored at 0.
        /// It is good to about ±1 sample plus the part's oscillator error over the interval (the ODR comes from the
        /// ADXL345's own clock, not the node's). 0 with any other status.
        /// </param>
        /// <returns>
        /// <see cref="SensorStatus.Ok"/>; <see cref="SensorStatus.Overrun"/> when INT_SOURCE reported an overrun (the
        /// samples returned are valid, older ones were lost); <see cref="SensorStatus.OutOfRange"/> when no overrun
        /// occurred but a sample is clipped at the range limit; <see cref="SensorStatus.BusError"/> (outputs unusable;
        /// the entries popped before the failure are gone); <see cref="SensorStatus.NotReady"/> before a successful
        /// <see cref="Initialize"/>.
        /// </returns>
        public SensorStatus ReadFifo(short[] xyzCounts, int offset, int maxSamples, out int samplesRead, out int lostSamples)
        {
            samplesRead = 0;
            lostSamples = 0;
            if (xyzCounts == null)
            {
                throw new ArgumentNullException(nameof(xyzCounts));
            }

            if (offset < 0 || offset > xyzCounts.Length || maxSamples < 0 || maxSamples > (xyzCounts.Length - offset) / 3)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSamples));
            }

            if (!_initialized)
            {
                return SensorStatus.NotReady;
            }

            // Overrun is cleared by reading the data registers (datasheet INT_SOURCE), so it is read first.
            BusStatus bus = ReadRegisters(Adxl345Register.IntSource, _registerValue, 0, 1);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            bool overrun = (_registerValue[0] & Adxl345Bits.IntOverrun) != 0;

            long statusUs = _clock.MonotonicUs;
            bus = ReadRegisters(Adxl345Register.FifoStatus, _registerValue, 0, 1);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            int entries = _registerValue[0] & Adxl345Bits.FifoEntriesMask;
            int toRead = entries < maxSamples ? entries : maxSamples;
            if (toRead > FifoCapacitySamples)
            {
                toRead = FifoCapacitySamples;
            }

            long elapsedUs = statusUs - _lastStatusUs;
            int previouslyLeft = _samplesLeftInFifo;
            _lastStatusUs = statusUs;
            _samplesLeftInFifo = entries - toRead;

            // One transfer per entry: a read past DATAZ1 runs into FIFO_CTL, not the next entry. A new transfer also
            // gives the part the 5 µs it needs to pop (datasheet "Retrieving Data from FIFO"; with SPI above 1.6 MHz
            // that gap comes from chip select going high between transfers).
            int byteCount = toRead * Adxl345Bits.BytesPerSample;
            for (int byteIndex = 0; byteIndex < byteCount; byteIndex += Adxl345Bits.BytesPerSample)
            {
                bus = ReadRegisters(Adxl345Register.DataX0, _fifoBytes, byteIndex, Adxl345Bits.BytesPerSample);
                if (bus != BusStatus.Ok)
                {
                    return BusResult.ToSensorStatus(bus);
                }
            }

            // Right-justified, sign-extended, DATAx0 is the low byte (datasheet DATA_FORMAT "Justify Bit").
            byte[] raw = _fifoBytes;
            int high = _clipHighCounts;
            int low = _clipLowCounts;
            bool clipped = false;
            int destination = offset;
            for (int byteIndex = 0; byteIndex < byteCount; byteIndex += 2)
            {
                int counts = (short)(raw[byteIndex] | (raw[byteIndex + 1] << 8));
                xyzCounts[destination] = (short)counts;
                destination++;
                if (counts >= high || counts <= low)
                {
                    clipped = true;
                }
            }

            samplesRead = toRead;
            if (overrun)
            {
                long producedSamples = (elapsedUs * DataRateHz + 500000) / 1000000;
                long lost = producedSamples + previouslyLeft - entries;
                lostSamples = lost <= 0 ? 0 : lost > int.MaxValue ? int.MaxValue : (int)lost;
                return SensorStatus.Overrun;
            }

            return clipped ? SensorStatus.OutOfRange : SensorStatus.Ok;
        }

        /// <summary>
        /// Runs the datasheet self-test and then restores the configuration of <see cref="Initialize"/> (FIFO emptied).
        /// The part is switched to 800 Hz, full resolution ±16 g; <see cref="SelfTestSamples"/> samples are averaged
        /// with SELF_TEST off and again with it on; each axis's change must lie within datasheet Table 15 scaled to
        /// VS = 3.3 V by Table 14 (X 88.5..955.8, Y -955.8..-88.5, Z 110.25..1286.25 LSB). Takes about 70 ms of
        /// <paramref name="delay"/>; the machine should be still, as vibration adds to both averages.
        /// </summary>
        /// <param name="delay">Waits while the part settles and fills its FIFO.</param>
        /// <param name="deltaXCounts">Average self-test change on X in counts, rounded; 0 unless Ok or Fault.</param>
        /// <param name="deltaYCounts">Same for Y (the datasheet's Y change is negative).</param>
        /// <param name="deltaZCounts">Same for Z.</param>
        /// <returns>
        /// <see cref="SensorStatus.Ok"/> when every axis is within limits; <see cref="SensorStatus.Fault"/> when one
        /// is not or the part produced too few samples; <see cref="SensorStatus.BusError"/>;
        /// <see cref="SensorStatus.NotReady"/> before a successful <see cref="Initialize"/>.
        /// </returns>
        public SensorStatus RunSelfTest(DelayMs delay, out int deltaXCounts, out int deltaYCounts, out int deltaZCounts)
        {
            deltaXCounts = 0;
            deltaYCounts = 0;
            deltaZCounts = 0;
            if (delay == null)
            {
                throw new ArgumentNullException(nameof(delay));
            }

            if (!_initialized)
            {
                return SensorStatus.NotReady;
            }

            // Any failure below leaves the part half-configured: ReadFifo reports NotReady until Initialize runs again.
            _initialized = false;
            const int selfTestFormat = Adxl345Bits.FormatFullResolution | (int)Adxl345Range.PlusMinus16G;
            BusStatus bus = BusStatus.Ok;
            WriteIfOk(ref bus, Adxl345Register.PowerCtl, 0);
            WriteIfOk(ref bus, Adxl345Register.IntEnable, 0);
            WriteIfOk(ref bus, Adxl345Register.BwRate, SelfTestRateCode);
            WriteIfOk(ref bus, Adxl345Register.DataFormat, selfTestFormat);
            WriteIfOk(ref bus, Adxl345Register.FifoCtl, Adxl345Bits.FifoModeBypass);
            WriteIfOk(ref bus, Adxl345Register.PowerCtl, Adxl345Bits.PowerMeasure);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            SensorStatus status = SumSelfTestPhase(delay, out long offX, out long offY, out long offZ);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            bus = WriteRegister(Adxl345Register.DataFormat, Adxl345Bits.FormatSelfTest | selfTestFormat);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            status = SumSelfTestPhase(delay, out long onX, out long onY, out long onZ);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            status = ApplyConfiguration();
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            _initialized = true;
            long sumDeltaX = onX - offX;
            long sumDeltaY = onY - offY;
            long sumDeltaZ = onZ - offZ;
            deltaXCounts = RoundedAverage(sumDeltaX);
            deltaYCounts = RoundedAverage(sumDeltaY);
            deltaZCounts = RoundedAverage(sumDeltaZ);

            bool pass = WithinSelfTestLimit(sumDeltaX, SelfTestMinXLsb, SelfTestMaxXLsb, SelfTestScaleXyPercent)
                && WithinSelfTestLimit(sumDeltaY, SelfTestMinYLsb, SelfTestMaxYLsb, SelfTestScaleXyPercent)
                && WithinSelfTestLimit(sumDeltaZ, SelfTestMinZLsb, SelfTestMaxZLsb, SelfTestScaleZPercent);
            return pass ? SensorStatus.Ok : SensorStatus.Fault;
        }

        /// <summary>
        /// Converts <paramref name="count"/> raw counts (any axis) to milli-g, rounded to nearest with ties away from
        /// zero. The result always fits a short: ±4096 counts is ±16000 mg. Allocates nothing.
        /// </summary>
        public void ConvertToMilliG(short[] counts, int countsOffset, short[] milliG, int milliGOffset, int count)
        {
            if (counts == null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            if (milliG == null)
            {
                throw new ArgumentNullException(nameof(milliG));
            }

            if (count < 0 || countsOffset < 0 || milliGOffset < 0
                || countsOffset > counts.Length - count || milliGOffset > milliG.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            // Inlined LinearScale.Apply: one multiply, a rounding add and a shift per value, no call per sample.
            long multiplier = MilliGPerCount.Multiplier;
            int shift = MilliGPerCount.Shift;
            long half = 1L << (shift - 1);
            int end = countsOffset + count;
            int destination = milliGOffset;
            for (int index = countsOffset; index < end; index++)
            {
                long product = counts[index] * multiplier;
                long rounded = product >= 0 ? (product + half) >> shift : -((-product + half) >> shift);
                milliG[destination] = (short)rounded;
                destination++;
            }
        }

        /// <summary>
        /// Puts the part in standby (POWER_CTL Measure clear): no conversions, 0.1 µA typical instead of 140 µA at 3200 Hz
        /// (datasheet "Power Savings"). The configuration registers keep their values, but the FIFO stops and ReadFifo
        /// reports NotReady until <see cref="Initialize"/> runs again. Returns Ok or the bus error.
        /// </summary>
        public SensorStatus Standby()
        {
            _initialized = false;
            BusStatus bus = BusStatus.Ok;
            WriteIfOk(ref bus, Adxl345Register.PowerCtl, 0);
            return BusResult.ToSensorStatus(bus);
        }

        private SensorStatus ApplyConfiguration()
        {
            // Datasheet: configure in standby, and map interrupts before enabling them ("Interrupts"); entering bypass
            // empties the FIFO so the first batch holds only samples of the new configuration.
            BusStatus bus = BusStatus.Ok;
            WriteIfOk(ref bus, Adxl345Register.PowerCtl, 0);
            WriteIfOk(ref bus, Adxl345Register.IntEnable, 0);
            WriteIfOk(ref bus, Adxl345Register.BwRate, (int)_dataRate);
            WriteIfOk(ref bus, Adxl345Register.DataFormat, Adxl345Bits.FormatFullResolution | (int)_range);
            WriteIfOk(ref bus, Adxl345Register.IntMap, 0);
            WriteIfOk(ref bus, Adxl345Register.FifoCtl, Adxl345Bits.FifoModeBypass);
            WriteIfOk(ref bus, Adxl345Register.FifoCtl, Adxl345Bits.FifoModeStream | _watermarkSamples);
            WriteIfOk(ref bus, Adxl345Register.IntEnable, Adxl345Bits.IntWatermark);
            WriteIfOk(ref bus, Adxl345Register.PowerCtl, Adxl345Bits.PowerMeasure);

            // The first samples arrive one ODR period after Measure is set; the overrun estimate counts from here.
            _lastStatusUs = _clock.MonotonicUs;
            _samplesLeftInFifo = 0;
            return BusResult.ToSensorStatus(bus);
        }

        private SensorStatus SumSelfTestPhase(DelayMs delay, out long sumX, out long sumY, out long sumZ)
        {
            sumX = 0;
            sumY = 0;
            sumZ = 0;

            // Bypass was entered just before: wait for the output to settle, then collect a fresh FIFO.
            delay(SelfTestSettleMs);
            BusStatus bus = WriteRegister(Adxl345Register.FifoCtl, Adxl345Bits.FifoModeStream);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            delay(SelfTestCollectMs);
            bus = ReadRegisters(Adxl345Register.FifoStatus, _registerValue, 0, 1);
            if (bus != BusStatus.Ok)
            {
                return BusResult.ToSensorStatus(bus);
            }

            if ((_registerValue[0] & Adxl345Bits.FifoEntriesMask) < SelfTestSamples)
            {
                return SensorStatus.Fault;
            }

            for (int sample = 0; sample < SelfTestSamples; sample++)
            {
                bus = ReadRegisters(Adxl345Register.DataX0, _fifoBytes, 0, Adxl345Bits.BytesPerSample);
                if (bus != BusStatus.Ok)
                {
                    return BusResult.ToSensorStatus(bus);
                }

                sumX += (short)(_fifoBytes[0] | (_fifoBytes[1] << 8));
                sumY += (short)(_fifoBytes[2] | (_fifoBytes[3] << 8));
                sumZ += (short)(_fifoBytes[4] | (_fifoBytes[5] << 8));
            }

            return BusResult.ToSensorStatus(
                WriteRegister(Adxl345Register.FifoCtl, Adxl345Bits.FifoModeBypass));
        }

        private static bool WithinSelfTestLimit(long sumDelta, int minLsb, int maxLsb, int scalePercent)
        {
            // Compare sum x 100 with limit x scale x N: exact, no rounding of the scaled limits.
            long scaledSum = sumDelta * 100;
            long samples = SelfTestSamples;
            return scaledSum >= minLsb * scalePercent * samples && scaledSum <= maxLsb * scalePercent * samples;
        }

        private static int RoundedAverage(long sum)
        {
            long half = SelfTestSamples / 2;
            return (int)(sum >= 0 ? (sum + half) / SelfTestSamples : -((-sum + half) / SelfTestSamples));
        }

        private static int RateHz(int rateCode)
        {
            return 3200 >> (Adxl345Bits.RateCode3200Hz - rateCode);
        }

        // Configuration steps stop at the first failed transfer; later calls see the failure and do nothing.
        private void WriteIfOk(ref BusStatus bus, Adxl345Register register, int value)
        {
            if (bus == BusStatus.Ok)
            {
                bus = WriteRegister(register, value);
            }
        }

        // All reads go through here. SPI: address byte with D7 = read and D6 = multiple-byte, then the data clocked in
        // under the same chip select. I2C: register address written, repeated start, auto-incrementing read.
        private BusStatus ReadRegisters(Adxl345Register register, byte[] buffer, int offset, int count)
        {
            byte address = (byte)register;
            if (_framing == Adxl345Framing.Spi)
            {
                address |= Adxl345Bits.SpiRead;
                if (count > 1)
                {
                    address |= Adxl345Bits.SpiMultiByte;
                }
            }

            _address[0] = address;
            return _bus.WriteRead(_address, 0, 1, buffer, offset, count);
        }

        // All writes go through here: the address byte (SPI: D7 = 0 for write, single byte) then the value.
        private BusStatus WriteRegister(Adxl345Register register, int value)
        {
            _writeBuffer[0] = (byte)register;
            _writeBuffer[1] = (byte)value;
            return _bus.Write(_writeBuffer, 0, 2);
        }
    }
}
