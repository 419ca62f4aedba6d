namespace SensorNode.Core.Node
{
    /// <summary>
    /// A sensor front end that measures the motor current in short chunks between accelerometer drains instead of one
    /// blocking burst per window. The scheduler finds it on its <see cref="ISensorFrontEnd"/> (a front end without it is
    /// read the old way) and calls <see cref="SampleCurrentChunk"/> once per tick, after draining the accelerometer's
    /// FIFO and before draining it again; <see cref="ISensorFrontEnd.ReadCurrent"/> then returns the RMS over the chunks
    /// taken since the previous read.
    /// </summary>
    /// <remarks>
    /// Contract: one call blocks for at most half the FIFO's time (5 ms of the ADXL345's 10 ms at 3200 Hz), may take no
    /// chunk at all (the measurement is complete, or the chunk's phase of the mains cycle already has its share), reports
    /// hardware faults through the next <see cref="ISensorFrontEnd.ReadCurrent"/> rather than by throwing, and allocates
    /// nothing.
    /// </remarks>
    public interface IChunkedCurrent
    {
        /// <summary>Takes the next current chunk if the window's measurement wants one now.</summary>
        void SampleCurrentChunk();
    }
}
