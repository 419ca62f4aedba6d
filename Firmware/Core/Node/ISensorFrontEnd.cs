using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The node's sensors as the scheduler sees them. The composition root implements it over the real drivers
    /// (<c>SensorNode.Drivers.DriverSensorFrontEnd</c>, used by the device and by the virtual node over simulated chips);
    /// tests implement it with fakes.
    /// </summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item>Hardware faults come back as a <see cref="SensorReadStatus"/>; the implementation retries or re-initialises
    /// parts on its own. An exception is a programming error: the scheduler catches and counts it and goes on.</item>
    /// <item><see cref="ReadVibration"/> is called on every scheduler tick and must not block; the temperature and current
    /// reads are called once per window (1 s) and may take a conversion. A current burst long enough to overflow the
    /// accelerometer's FIFO (the CT clamp's 400 ms) belongs in chunks: see <see cref="IChunkedCurrent"/>.</item>
    /// <item>The vibration format (axes, rate, scale) is fixed for the front end's lifetime; a changed vib.rate_hz or
    /// vib.range_g setting takes effect when the composition root builds a new front end (at boot).</item>
    /// <item>Nothing allocates per read.</item>
    /// </list>
    /// </remarks>
    public interface ISensorFrontEnd
    {
        /// <summary>Axes interleaved per vibration frame, 1 to 3 (3: x, y, z).</summary>
        int VibrationAxisCount { get; }

        /// <summary>Vibration frames per second, Hz (the accelerometer's output data rate).</summary>
        int VibrationSampleRateHz { get; }

        /// <summary>Milli-g per raw vibration count.</summary>
        LinearScale VibrationMilliGPerCount { get; }

        /// <summary>
        /// Drains up to <paramref name="maxFrames"/> frames of interleaved raw counts into <paramref name="counts"/> from
        /// <paramref name="offset"/>, oldest first; <paramref name="frames"/> is how many (0 unless the status is Ok,
        /// Overrun or OutOfRange). Overrun: older samples were lost. OutOfRange: a sample is clipped at the range limit.
        /// </summary>
        SensorReadStatus ReadVibration(short[] counts, int offset, int maxFrames, out int frames);

        /// <summary>
        /// One bearing temperature reading, centi-°C. Valid only with Ok; with OutOfRange it is clamped to the sensor's
        /// limit (the node then faults the channel as impossible).
        /// </summary>
        SensorReadStatus ReadTemperature(out int tempCentiC);

        /// <summary>Motor current RMS over the sensor's own burst or conversion, mA. Valid with Ok and OutOfRange (clipped: reads low).</summary>
        SensorReadStatus ReadCurrent(out int currentRmsMa);
    }
}
