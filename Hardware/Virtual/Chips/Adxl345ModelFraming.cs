namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>The serial interface an <see cref="Adxl345Model"/> decodes, as the CS pin strapping selects it on the part.</summary>
    public enum Adxl345ModelFraming
    {
        /// <summary>4-wire SPI: each transfer starts with an address byte, D7 = read, D6 = multiple-byte, D5:D0 = register.</summary>
        Spi = 0,

        /// <summary>I2C (CS tied high): a written byte sets the register pointer, which auto-increments on every data byte.</summary>
        I2c = 1,
    }
}
