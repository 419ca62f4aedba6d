using System;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Drivers.Adxl345;
using SensorNode.Drivers.CurrentClamp;
using SensorNode.Drivers.Max31865;
using SensorNode.Hardware;

namespace SensorNode.Drivers
{
    /// <summary>
    /// The node's <see cref="ISensorFrontEnd"/> over the real drivers: the ADXL345 (vibration), the MAX31865 (bearing
    /// temperature) and the CT clamp (motor current). The device app builds it over the ESP32 buses and the virtual node
    /// over the simulated chips, so both run this same code.
    /// </summary>
    /// <remarks>
    /// <para>Parts are initialised on first use and again after a failure, so a sensor that is unplugged and plugged back
    /// recovers without a reboot:</para>
    /// <list type="bullet">
    /// <item>Accelerometer: a bus error, a wrong identity or a driver that is not ready marks it for re-initialisation,
    /// tried at most once per <see cref="RetryIntervalMs"/> (the vibration read runs on every scheduler tick). A part that
    /// answers but delivers no frames for <see cref="StallFrames"/> frame periods (a real ADXL345 powers up in standby
    /// after a replug) is re-initialised too. Between attempts every read repeats the failure. The read that
    /// re-initialises returns NotReady with no frames, because the FIFO then holds nothing of the new run yet.</item>
    /// <item>Temperature: any status other than Ok re-initialises the MAX31865 before the next read (once per window),
    /// which also restores the configuration a power-cycled part lost. A lasting fault is still reported on every read,
    /// because the read follows the re-initialisation in the same call. A part just powered (the first start, and every
    /// start after the rail came on) is read only <see cref="TemperatureSettleMs"/> after it was started; until then reads
    /// return NotReady.</item>
    /// <item>Current: the CT clamp needs no initialisation; its status is passed through. It is measured in chunks
    /// (<see cref="IChunkedCurrent"/>): one quarter mains cycle per scheduler tick, between two FIFO drains, and
    /// <see cref="ReadCurrent"/> returns the RMS over the window's chunks. A caller that never takes chunks gets one
    /// blocking burst per read instead, as before.</item>
    /// </list>
    /// <para><b>Sensor rail.</b> With a rail output (the enable of a load switch that feeds all three parts: the MAX31865,
    /// which has no shutdown mode and draws up to 3.5 mA, the CT clamp's bias divider, 132 µA, and the ADXL345),
    /// <see cref="SetActive"/>(false) puts the ADXL345 in standby as without a rail, then switches the rail off. The
    /// constructor, <see cref="SetActive"/>(true) and any read while the rail is off switch it on, and every part is then
    /// treated as power-cycled, because it is: its registers are at their power-on values (MAX31865 configuration 00h,
    /// bias off; ADXL345 in standby with default registers), so each is fully re-initialised before use:</para>
    /// <list type="bullet">
    /// <item>Nothing is sent to a part for <see cref="RailStartUpMs"/> after switch-on; reads meanwhile return NotReady.</item>
    /// <item>The ADXL345 is then started by its next read (which returns NotReady, as any start does: the data sheet's
    /// turn-on time, 1.1 ms + 1/ODR, passes while the FIFO fills).</item>
    /// <item>The MAX31865 is started by the first call of any read or current chunk after <see cref="RailStartUpMs"/>, not
    /// at the window's temperature read, so that by then a conversion has completed: an eco or sleep burst can be a single
    /// short window. Its reads return NotReady for <see cref="TemperatureSettleMs"/> after that start.</item>
    /// <item>The CT clamp takes no chunk (and no burst) for <see cref="ClampBiasSettleMs"/> after switch-on, while the bias
    /// node's capacitor charges: the ramp would read as current.</item>
    /// </list>
    /// <para>Without a rail (null) the parts stay powered and only the ADXL345 goes to standby.</para>
    /// <para>A sensor passed as null is not fitted: its reads return <see cref="SensorReadStatus.NotFitted"/>. Driver
    /// statuses map one to one onto <see cref="SensorReadStatus"/>. Nothing allocates after construction. Not
    /// thread-safe: the scheduler's thread owns it.</para>
    /// </remarks>
    public sealed class DriverSensorFrontEnd : ISensorFrontEnd, ISensorPower, IChunkedCurrent
    {
        /// <summary>Shortest time between two attempts to re-initialise the accelerometer, ms.</summary>
        public const int RetryIntervalMs = 1000;

        /// <summary>Frame periods without a frame after which a responding accelerometer is re-initialised.</summary>
        public const int StallFrames = 320;

        /// <summary>
        /// Time after the rail is switched on before any part is addressed, ms. The ADXL345 is in standby with its
        /// registers readable as soon as its supplies are up (data sheet "Power Sequencing"; its turn-on time is 1.1 ms +
        /// 1/ODR, counted after measurement starts); the MAX31865 needs no more than its power-on reset. What takes time
        /// is the rail's rise, set by the load switch's slew control (a TPS22918's CT capacitor): 5 ms leaves a few ms for
        /// it, and is one scheduler tick at 3200 Hz.
        /// </summary>
        public const int RailStartUpMs = 5;

        /// <summary>
        /// Time after a just-powered MAX31865 was started before it is read, ms. In automatic mode the first conversion
        /// starts as VBIAS comes on, while the input filter still charges (before a 1-shot the data sheet asks for 10.5
        /// of its time constants, about 0.6 ms, after VBIAS is switched on); the second conversion has ended within two
        /// conversion times, 2 × 21 ms at most (automatic conversion 16.7 or 20 ms, 21 ms max), and 50 ms leaves a margin.
        /// A one-shot read waits for the bias itself.
        /// </summary>
        public const int TemperatureSettleMs = 50;

        /// <summary>
        /// Time after the rail is switched on before the CT clamp is sampled, ms: the bias node (6 kΩ Thevenin with the
        /// 1 µF a switched rail calls for, τ = 6 ms; Drivers/CurrentClamp/README) is within 0.005 % of its level after
        /// 10 τ, a small fraction of one ADC count, so its drift through the window cannot read as current.
        /// </summary>
        public const int ClampBiasSettleMs = 60;

        private const int AxisCount = 3;

        private readonly Adxl345Driver _accelerometer;
        private readonly Adxl345Range _range;
        private readonly Adxl345DataRate _dataRate;
        private readonly int _watermarkSamples;
        private readonly Max31865Driver _temperature;
        private readonly CurrentClampDriver _current;
        private readonly IClock _clock;
        private readonly IDigitalOutput _rail;
        private readonly int _sampleRateHz;
        private readonly long _stallMs;

        private bool _accelerometerNeedsInit = true;
        private bool _accelerometerTried;
        private long _lastAccelerometerAttemptMs;
        private SensorReadStatus _accelerometerFailure = SensorReadStatus.NotReady;
        private long _lastFrameMs;
        private bool _temperatureNeedsInit = true;
        private bool _temperatureJustPowered = true;
        private bool _temperatureEarlyStart;
        private long _temperatureValidFromMs;
        private bool _currentChunked;
        private bool _railOn;
        private long _railOnMs;

        /// <summary>Wires the front end with the parts always powered; nothing is sent to a part until its first read.</summary>
        /// <param name="accelerometer">ADXL345 driver, or null when the board has none.</param>
        /// <param name="range">Accelerometer range (vib.range_g).</param>
        /// <param name="dataRate">Accelerometer output data rate (vib.rate_hz).</param>
        /// <param name="watermarkSamples">FIFO watermark, 1..31 frames (INT1 rises there).</param>
        /// <param name="temperature">MAX31865 driver, or null when the board has none.</param>
        /// <param name="current">CT clamp driver, or null when the board has none.</param>
        /// <param name="clock">Time base for the retry interval and stall detection.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An unknown range or rate, or a watermark outside 1..31.</exception>
        public DriverSensorFrontEnd(
            Adxl345Driver accelerometer,
            Adxl345Range range,
            Adxl345DataRate dataRate,
            int watermarkSamples,
            Max31865Driver temperature,
            CurrentClampDriver current,
            IClock clock)
            : this(accelerometer, range, dataRate, watermarkSamples, temperature, current, clock, null)
        {
        }

        /// <summary>
        /// Wires the front end with the parts on a switched <paramref name="sensorRail"/>, which is switched on at once (see
        /// the class remarks); nothing is sent to a part until its first read, at least <see cref="RailStartUpMs"/> later.
        /// </summary>
        /// <param name="accelerometer">ADXL345 driver, or null when the board has none.</param>
        /// <param name="range">Accelerometer range (vib.range_g).</param>
        /// <param name="dataRate">Accelerometer output data rate (vib.rate_hz).</param>
        /// <param name="watermarkSamples">FIFO watermark, 1..31 frames (INT1 rises there).</param>
        /// <param name="temperature">MAX31865 driver, or null when the board has none.</param>
        /// <param name="current">CT clamp driver, or null when the board has none.</param>
        /// <param name="clock">Time base for the retry interval, stall detection and the start-up waits.</param>
        /// <param name="sensorRail">Enable of the sensors' supply rail (high = on), or null when they are always powered.</param>
        /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An unknown range or rate, or a watermark outside 1..31.</exception>
        public DriverSensorFrontEnd(
            Adxl345Driver accelerometer,
            Adxl345Range range,
            Adxl345DataRate dataRate,
            int watermarkSamples,
            Max31865Driver temperature,
            CurrentClampDriver current,
            IClock clock,
            IDigitalOutput sensorRail)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            Adxl345Driver.CheckSettings(range, dataRate, watermarkSamples);
            _accelerometer = accelerometer;
            _range = range;
            _dataRate = dataRate;
            _watermarkSamples = watermarkSamples;
            _temperature = temperature;
            _current = current;
            _clock = clock;
            _rail = sensorRail;

            // ODR = 3200 Hz halved once per rate code below 0x0F (datasheet Table 7).
            _sampleRateHz = 3200 >> ((int)Adxl345DataRate.Rate3200Hz - (int)dataRate);
            _stallMs = (StallFrames * 1000L + _sampleRateHz - 1) / _sampleRateHz;
            VibrationMilliGPerCount = new LinearScale(1000, 256);
            if (_rail != null)
            {
                // A boot or a wake from deep sleep: the enable floated through the reset, the pull-down held the rail off.
                PowerUp(clock.MonotonicMs);
            }
        }

        /// <inheritdoc/>
        public int VibrationAxisCount => AxisCount;

        /// <inheritdoc/>
        public int VibrationSampleRateHz => _sampleRateHz;

        /// <summary>
        /// 1000/256 milli-g per count: the ADXL345 in full resolution keeps 256 counts/g at every range (the driver's own
        /// scale, built here too so the value exists before the part has answered).
        /// </summary>
        public LinearScale VibrationMilliGPerCount { get; }

        /// <summary>Times the accelerometer was (re-)initialised successfully, the first time included.</summary>
        public int AccelerometerStarts { get; private set; }

        /// <summary>Times the MAX31865 was (re-)initialised successfully, the first time included.</summary>
        public int TemperatureStarts { get; private set; }

        /// <inheritdoc/>
        public SensorReadStatus ReadVibration(short[] counts, int offset, int maxFrames, out int frames)
        {
            frames = 0;
            long nowMs = _clock.MonotonicMs;
            if (_rail != null)
            {
                // Every tick comes here, whichever parts are fitted: the MAX31865's early start rides on it.
                ServiceRail(nowMs);
            }

            if (_accelerometer == null)
            {
                return SensorReadStatus.NotFitted;
            }

            if (_accelerometerNeedsInit)
            {
                return StartAccelerometer(nowMs);
            }

            SensorStatus status = _accelerometer.ReadFifo(counts, offset, maxFrames, out int samplesRead, out _);
            if (status == SensorStatus.Ok || status == SensorStatus.Overrun || status == SensorStatus.OutOfRange)
            {
                frames = samplesRead;
                if (samplesRead > 0)
                {
                    _lastFrameMs = nowMs;
                }
                else if (nowMs - _lastFrameMs > _stallMs)
                {
                    // Answering but not sampling: the part lost its configuration (power cycle) and sits in standby.
                    return FailAccelerometer(SensorReadStatus.NotReady);
                }

                return ToReadStatus(status);
            }

            return FailAccelerometer(ToReadStatus(status));
        }

        /// <inheritdoc/>
        public SensorReadStatus ReadTemperature(out int tempCentiC)
        {
            tempCentiC = 0;
            if (_temperature == null)
            {
                return SensorReadStatus.NotFitted;
            }

            long nowMs = _clock.MonotonicMs;
            if (_rail != null)
            {
                ServiceRail(nowMs);
                if (!RailSettled(nowMs))
                {
                    return SensorReadStatus.NotReady;
                }
            }

            if (_temperatureNeedsInit)
            {
                SensorStatus init = StartTemperature(nowMs);
                if (init != SensorStatus.Ok)
                {
                    return ToReadStatus(init);
                }
            }

            if (nowMs < _temperatureValidFromMs)
            {
                return SensorReadStatus.NotReady;
            }

            SensorStatus status = _temperature.Read();
            if (status != SensorStatus.Ok)
            {
                _temperatureNeedsInit = true;
            }

            if (status == SensorStatus.Ok || status == SensorStatus.OutOfRange)
            {
                tempCentiC = _temperature.TemperatureCentiC;
            }

            return ToReadStatus(status);
        }

        /// <summary>
        /// Sensor standby for the power manager's sleeps: false puts the ADXL345 in standby (0.1 µA instead of 140 µA);
        /// its next read starts it again at once (that read returns NotReady, as after any start). Without a rail the
        /// MAX31865 is left alone (built with <see cref="Max31865ConversionMode.OneShot"/> its bias is off between reads,
        /// but it still draws its supply current) and the CT clamp's bias divider stays powered; with a rail, false then
        /// switches the rail off, and true switches it back on: every part is power-cycled and re-initialised (class
        /// remarks). Without a rail true does nothing: parts start on demand.
        /// </summary>
        public void SetActive(bool active)
        {
            if (active)
            {
                if (_rail != null && !_railOn)
                {
                    PowerUp(_clock.MonotonicMs);
                }

                return;
            }

            // Chunks from before a sleep describe another time: the first window after it measures afresh.
            if (_current != null)
            {
                _current.BeginChunks();
            }

            if (_accelerometer != null && !_accelerometerNeedsInit)
            {
                // Standby first, also with a rail: the part stops sampling cleanly before its supply goes.
                _accelerometer.Standby();
                _accelerometerNeedsInit = true;
                _accelerometerTried = false;
            }

            if (_rail != null && _railOn)
            {
                _rail.Write(false);
                _railOn = false;
            }
        }

        /// <inheritdoc/>
        public SensorReadStatus ReadCurrent(out int currentRmsMa)
        {
            currentRmsMa = 0;
            if (_current == null)
            {
                return SensorReadStatus.NotFitted;
            }

            if (_rail != null)
            {
                long nowMs = _clock.MonotonicMs;
                ServiceRail(nowMs);
                if (!_currentChunked && nowMs - _railOnMs < ClampBiasSettleMs)
                {
                    return SensorReadStatus.NotReady;
                }
            }

            SensorStatus status = _currentChunked ? _current.FinishChunks() : _current.Measure();
            if (status == SensorStatus.Ok || status == SensorStatus.OutOfRange)
            {
                currentRmsMa = _current.CurrentRmsMa;
            }

            return ToReadStatus(status);
        }

        /// <summary>
        /// One current chunk (a quarter mains cycle, 5 ms at 50 Hz) if the window's measurement wants one at this point of
        /// the mains cycle; an ADC fault is reported by the next <see cref="ReadCurrent"/>. None within
        /// <see cref="ClampBiasSettleMs"/> of the rail's switch-on.
        /// </summary>
        public void SampleCurrentChunk()
        {
            if (_current == null)
            {
                return;
            }

            _currentChunked = true;
            if (_rail != null)
            {
                long nowMs = _clock.MonotonicMs;
                ServiceRail(nowMs);
                if (nowMs - _railOnMs < ClampBiasSettleMs)
                {
                    return;
                }
            }

            _current.MeasureChunk(_clock.MonotonicUs);
        }

        // Rail on, and every part as just powered: nothing addressed for RailStartUpMs, then each re-initialised.
        private void PowerUp(long nowMs)
        {
            _rail.Write(true);
            _railOn = true;
            _railOnMs = nowMs;
            _accelerometerNeedsInit = true;
            _accelerometerTried = false;
            _temperatureNeedsInit = true;
            _temperatureJustPowered = true;
            _temperatureEarlyStart = _temperature != null;
        }

        private bool RailSettled(long nowMs)
        {
            return _railOn && nowMs - _railOnMs >= RailStartUpMs;
        }

        // With a rail, on every read and chunk: a read while the rail is off powers it up (as SetActive(true) would), and
        // a just-powered MAX31865 is started at the first call after RailStartUpMs, once only (a failure is retried and
        // reported by the temperature read).
        private void ServiceRail(long nowMs)
        {
            if (!_railOn)
            {
                PowerUp(nowMs);
                return;
            }

            if (_temperatureEarlyStart && RailSettled(nowMs))
            {
                StartTemperature(nowMs);
            }
        }

        // A just-powered part converts with its bias (and input filter) only now switched on: reads wait TemperatureSettleMs.
        private SensorStatus StartTemperature(long nowMs)
        {
            _temperatureEarlyStart = false;
            SensorStatus init = _temperature.Initialize();
            if (init != SensorStatus.Ok)
            {
                return init;
            }

            _temperatureNeedsInit = false;
            TemperatureStarts++;
            if (_temperatureJustPowered)
            {
                _temperatureJustPowered = false;
                _temperatureValidFromMs = nowMs + TemperatureSettleMs;
            }

            return SensorStatus.Ok;
        }

        // The first attempt runs at once; later ones wait RetryIntervalMs after the previous attempt and, meanwhile,
        // repeat the failure that caused them, so a missing part reads as missing on every tick. With a rail, nothing is
        // tried before it has settled.
        private SensorReadStatus StartAccelerometer(long nowMs)
        {
            if (_rail != null && !RailSettled(nowMs))
            {
                return SensorReadStatus.NotReady;
            }

            if (_accelerometerTried && nowMs - _lastAccelerometerAttemptMs < RetryIntervalMs)
            {
                return _accelerometerFailure;
            }

            _accelerometerTried = true;
            _lastAccelerometerAttemptMs = nowMs;
            SensorStatus status = _accelerometer.Initialize(_range, _dataRate, _watermarkSamples);
            if (status != SensorStatus.Ok)
            {
                _accelerometerFailure = ToReadStatus(status);
                return _accelerometerFailure;
            }

            _accelerometerNeedsInit = false;
            _lastFrameMs = nowMs;
            AccelerometerStarts++;
            return SensorReadStatus.NotReady;
        }

        private SensorReadStatus FailAccelerometer(SensorReadStatus failure)
        {
            _accelerometerNeedsInit = true;
            _accelerometerFailure = failure;
            return failure;
        }

        /// <summary>The driver status as the node's read status; the two enums name the same outcomes.</summary>
        public static SensorReadStatus ToReadStatus(SensorStatus status)
        {
            switch (status)
            {
                case SensorStatus.Ok: return SensorReadStatus.Ok;
                case SensorStatus.BusError: return SensorReadStatus.BusError;
                case SensorStatus.NotPresent: return SensorReadStatus.NotPresent;
                case SensorStatus.OutOfRange: return SensorReadStatus.OutOfRange;
                case SensorStatus.Overrun: return SensorReadStatus.Overrun;
                case SensorStatus.Fault: return SensorReadStatus.Fault;
                case SensorStatus.NotReady: return SensorReadStatus.NotReady;
                case SensorStatus.OpenCircuit: return SensorReadStatus.OpenCircuit;
                case SensorStatus.ShortCircuit: return SensorReadStatus.ShortCircuit;
                case SensorStatus.OverUnderVoltage: return SensorReadStatus.OverUnderVoltage;
                default: return SensorReadStatus.Fault;
            }
        }
    }
}
