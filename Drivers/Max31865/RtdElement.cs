namespace SensorNode.Drivers.Max31865
{
    /// <summary>Platinum RTD type; the value is the nominal resistance R0 at 0 °C in ohms (IEC 60751).</summary>
    public enum RtdElement
    {
        /// <summary>100 Ω at 0 °C; use a 430 Ω reference resistor (400 Ω in the datasheet's examples).</summary>
        Pt100 = 100,

        /// <summary>1000 Ω at 0 °C; use a 4.3 kΩ reference resistor.</summary>
        Pt1000 = 1000,
    }
}
