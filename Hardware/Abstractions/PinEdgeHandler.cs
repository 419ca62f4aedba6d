namespace SensorNode.Hardware
{
    /// <summary>Called on an edge of an <see cref="IDigitalInput"/>.</summary>
    /// <param name="risingEdge">True for low-to-high, false for high-to-low.</param>
    /// <param name="timestampUs">Monotonic microseconds (the <see cref="IClock"/> time base) at the edge.</param>
    public delegate void PinEdgeHandler(bool risingEdge, long timestampUs);
}
