namespace SensorNode.Drivers.Max31865
{
    /// <summary>How the RTD is wired to the converter; only 3-wire changes the chip's configuration (bit D4).</summary>
    public enum RtdWiring
    {
        /// <summary>Two leads: their resistance adds to the reading (about 2.6 °C per ohm of loop on a PT100).</summary>
        TwoWire = 2,

        /// <summary>Three leads: the chip subtracts the FORCE+ lead's drop (configuration D4 = 1).</summary>
        ThreeWire = 3,

        /// <summary>Four leads (Kelvin): lead resistance drops out.</summary>
        FourWire = 4,
    }
}
