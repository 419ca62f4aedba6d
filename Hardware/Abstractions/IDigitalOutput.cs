namespace SensorNode.Hardware
{
    /// <summary>A GPIO output, such as the enable of the load switch that powers the sensor rail.</summary>
    /// <remarks>
    /// Contract: <see cref="Write"/> drives the pin to the level given and returns once the pin is at it; the level holds
    /// until the next write. Writing the level the pin already has is allowed and changes nothing. Before the first write
    /// the level is the board's (an ESP32 pin opened as an output starts low; through a reset and in deep sleep the pin
    /// floats, so the board's pull resistor decides). Never throws for a hardware condition; not thread-safe.
    /// </remarks>
    public interface IDigitalOutput
    {
        /// <summary>Drives the pin: true high, false low.</summary>
        void Write(bool high);
    }
}
