namespace SensorNode.Drivers.Adxl345
{
    /// <summary>How register addresses are sent; the bus itself is an <see cref="SensorNode.Hardware.IRegisterBus"/>.</summary>
    public enum Adxl345Framing
    {
        /// <summary>
        /// 4-wire SPI (mode 3, up to 5 MHz): one address byte with D7 = read, D6 = multiple-byte, D5:D0 = register,
        /// under one chip select per transfer.
        /// </summary>
        Spi = 0,

        /// <summary>I2C (up to 400 kHz): the register address is written, then a repeated-start read auto-increments.</summary>
        I2c = 1,
    }
}
