namespace SensorNode.Drivers.Ina219
{
    /// <summary>
    /// Shunt-voltage full-scale range set by the PGA, configuration bits PG1:PG0 (D12:D11).
    /// The shunt register LSB stays 10 µV; the range sets where the ADC saturates.
    /// </summary>
    public enum Ina219ShuntRange
    {
        /// <summary>±40 mV, gain 1 (PG = 00).</summary>
        Millivolts40 = 0,

        /// <summary>±80 mV, gain /2 (PG = 01).</summary>
        Millivolts80 = 1,

        /// <summary>±160 mV, gain /4 (PG = 10).</summary>
        Millivolts160 = 2,

        /// <summary>±320 mV, gain /8 (PG = 11, power-on default).</summary>
        Millivolts320 = 3,
    }
}
