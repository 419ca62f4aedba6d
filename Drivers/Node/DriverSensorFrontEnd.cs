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
    /// because the read follows the re-initialisation in the same call; only the very first start returns NotReady,
    /// while the first automatic conversion runs.</item>
    /// <item>Current: the CT clamp needs no initialisation; its status is passed through. It is measured in chunks
    /// (<see cref="IChunkedCurrent"/>): one quarter mains cycle per scheduler tick, between two FIFO drains, and
    /// <see cref="ReadCurrent"/> returns the RMS over the window's chunks. A caller that never takes chunks gets one
    /// blocking burst per read instead, as before.</item>
    /// </list>
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

        private const int AxisCount = 3;

        private readonly Adxl345Driver _accelerometer;
        private readonly Adxl345Range _range;
        private readonly Adxl345DataRate _dataRate;
        private readonly int _watermarkSamples;
        private readonly Max31865Driver _temperature;
        private readonly CurrentClampDriver _current;
        private readonly IClock _clock;
        private readonly int _sampleRateHz;
        private readonly long _stallMs;

        private bool _accelerometerNeedsInit = true;
        private bool _accelerometerTried;
        private long _lastAccelerometerAttemptMs;
        private SensorReadStatus _accelerometerFailure = SensorReadStatus.NotReady;
        private long _lastFrameMs;
        private bool _temperatureNeedsInit = true;
        private bool _currentChunked;

        /// <summary>Wires the front end; nothing is sent to a part until its first read.</summary>
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
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (range < Adxl345Range.PlusMinus2G || range > Adxl345Range.PlusMinus16G)
            {
                throw new ArgumentOutOfRangeException(nameof(range));
            }

            if (dataRate < Adxl345DataRate.Rate100Hz || dataRate > Adxl345DataRate.Rate3200Hz)
            {
                throw new ArgumentOutOfRangeException(nameof(dataRate));
            }

            if (watermarkSamples < 1 || watermarkSamples > 31)
            {
                throw new ArgumentOutOfRangeException(nameof(watermarkSamples));
            }

            _accelerometer = accelerometer;
            _range = range;
            _dataRate = dataRate;
            _watermarkSamples = watermarkSamples;
            _temperature = temperature;
            _current = current;
            _clock = clock;

            // ODR = 3200 Hz halved once per rate code below 0x0F (datasheet Table 7).
            _sampleRateHz = 3200 >> ((int)Adxl345DataRate.Rate3200Hz - (int)dataRate);
            _stallMs = (StallFrames * 1000L + _sampleRateHz - 1) / _sampleRateHz;
            VibrationMilliGPerCount = new LinearScale(1000, 256);
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
            if (_accelerometer == null)
            {
                return SensorReadStatus.NotFitted;
            }

            long nowMs = _clock.MonotonicMs;
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

            if (_temperatureNeedsInit)
            {
                SensorStatus init = _temperature.Initialize();
                if (init != SensorStatus.Ok)
                {
                    return ToReadStatus(init);
                }

                _temperatureNeedsInit = false;
                TemperatureStarts++;
                if (TemperatureStarts == 1)
                {
                    // The first automatic conversion takes tens of ms: nothing valid to read in this window.
                    return SensorReadStatus.NotReady;
                }
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
        /// its next read starts it again at once (that read returns NotReady, as after any start). The MAX31865 is left
        /// alone: built with <see cref="Max31865ConversionMode.OneShot"/> its bias is already off between reads, which is
        /// what a battery node should use. The CT clamp draws nothing of its own. True does nothing: parts start on demand.
        /// </summary>
        public void SetActive(bool active)
        {
            // Chunks from before a sleep describe another time: the first window after it measures afresh.
            if (!active && _current != null)
            {
                _current.BeginChunks();
            }

            if (active || _accelerometer == null || _accelerometerNeedsInit)
            {
                return;
            }

            _accelerometer.Standby();
            _accelerometerNeedsInit = true;
            _accelerometerTried = false;
        }

        /// <inheritdoc/>
        public SensorReadStatus ReadCurrent(out int currentRmsMa)
        {
            currentRmsMa = 0;
            if (_current == null)
            {
                return SensorReadStatus.NotFitted;
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
        /// the mains cycle; an ADC fault is reported by the next <see cref="ReadCurrent"/>.
        /// </summary>
        public void SampleCurrentChunk()
        {
            if (_current == null)
            {
                return;
            }

            _currentChunked = true;
            _current.MeasureChunk(_clock.MonotonicUs);
        }

        // The first attempt runs at once; later ones wait RetryIntervalMs after the previous attempt and, meanwhile,
        // repeat the failure that caused them, so a missing part reads as missing on every tick.
        private SensorReadStatus StartAccelerometer(long nowMs)
        {
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
