namespace SensorNode.Drivers.Ina219
{
    /// <summary>INA219 register pointers (datasheet SBOS448G §8.6, Table 2). Every register is 16 bits, MSB first.</summary>
    internal enum Ina219Register : byte
    {
        /// <summary>Reset, bus range, PGA, ADC settings, mode; power-on value 0x399F.</summary>
        Configuration = 0x00,

        /// <summary>Signed shunt voltage, LSB 10 µV.</summary>
        ShuntVoltage = 0x01,

        /// <summary>Bus voltage in bits 15:3 (LSB 4 mV), CNVR in bit 1, OVF in bit 0.</summary>
        BusVoltage = 0x02,

        /// <summary>Power, LSB 20 × Current_LSB; reading it clears CNVR.</summary>
        Power = 0x03,

        /// <summary>Signed current, LSB Current_LSB.</summary>
        Current = 0x04,

        /// <summary>Full-scale calibration; bit 0 is not used by the chip.</summary>
        Calibration = 0x05,
    }
}
