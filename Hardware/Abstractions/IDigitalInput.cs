namespace SensorNode.Hardware
{
    /// <summary>A GPIO input, such as the ADXL345 INT1 line that signals data-ready or FIFO watermark.</summary>
    /// <remarks>
    /// Contract: <see cref="Edge"/> is raised once per configured edge, on a thread that is not the
    /// caller's (an interrupt dispatcher on the device, the simulation on the host). Handlers must be
    /// short and must not block: set a flag or signal an event and return. <see cref="Read"/> never throws.
    /// </remarks>
    public interface IDigitalInput
    {
        /// <summary>The current level: true when high.</summary>
        bool Read();

        /// <summary>Raised on an edge; see the contract in the remarks.</summary>
        event PinEdgeHandler Edge;
    }
}
