namespace SensorNode.Drivers.Ina219
{
    /// <summary>
    /// ADC resolution or averaging, the 4-bit BADC (D10:D7) and SADC (D6:D3) fields (datasheet Table 5).
    /// Values are the field codes; the comment gives the conversion time per channel.
    /// </summary>
    public enum Ina219Adc
    {
        /// <summary>9 bits, 84 µs.</summary>
        Bits9 = 0x0,

        /// <summary>10 bits, 148 µs.</summary>
        Bits10 = 0x1,

        /// <summary>11 bits, 276 µs.</summary>
        Bits11 = 0x2,

        /// <summary>12 bits, 532 µs (power-on default).</summary>
        Bits12 = 0x3,

        /// <summary>12 bits, mean of 2 samples, 1.06 ms.</summary>
        Samples2 = 0x9,

        /// <summary>12 bits, mean of 4 samples, 2.13 ms.</summary>
        Samples4 = 0xA,

        /// <summary>12 bits, mean of 8 samples, 4.26 ms.</summary>
        Samples8 = 0xB,

        /// <summary>12 bits, mean of 16 samples, 8.51 ms.</summary>
        Samples16 = 0xC,

        /// <summary>12 bits, mean of 32 samples, 17.02 ms.</summary>
        Samples32 = 0xD,

        /// <summary>12 bits, mean of 64 samples, 34.05 ms.</summary>
        Samples64 = 0xE,

        /// <summary>12 bits, mean of 128 samples, 68.10 ms.</summary>
        Samples128 = 0xF,
    }
}
