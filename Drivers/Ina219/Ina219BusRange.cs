namespace SensorNode.Drivers.Ina219
{
    /// <summary>Bus-voltage full-scale range, configuration bit BRNG (D13). The register LSB is 4 mV in both.</summary>
    public enum Ina219BusRange
    {
        /// <summary>0–16 V (BRNG = 0).</summary>
        Volts16 = 0,

        /// <summary>0–32 V (BRNG = 1, power-on default); the pins themselves stand 26 V at most.</summary>
        Volts32 = 1,
    }
}
