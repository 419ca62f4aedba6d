namespace SensorNode.Drivers.Adxl345
{
    /// <summary>The ADXL345 registers this driver uses (datasheet Table 19, register map). Addresses are 6 bits.</summary>
    internal enum Adxl345Register : byte
    {
        /// <summary>Fixed device id, 0xE5.</summary>
        DevId = 0x00,

        /// <summary>LOW_POWER (D4) and the output data rate code (D3:D0).</summary>
        BwRate = 0x2C,

        /// <summary>Measure (D3): standby when clear.</summary>
        PowerCtl = 0x2D,

        /// <summary>Interrupt enables, one bit per source (same layout as INT_SOURCE).</summary>
        IntEnable = 0x2E,

        /// <summary>Interrupt routing: a set bit sends the source to INT2, a clear bit to INT1.</summary>
        IntMap = 0x2F,

        /// <summary>Interrupt sources: DATA_READY (D7), Watermark (D1), Overrun (D0), among others.</summary>
        IntSource = 0x30,

        /// <summary>SELF_TEST (D7), SPI 3-wire (D6), INT_INVERT (D5), FULL_RES (D3), Justify (D2), Range (D1:D0).</summary>
        DataFormat = 0x31,

        /// <summary>First of the six data registers DATAX0..DATAZ1 (0x32..0x37), little-endian per axis.</summary>
        DataX0 = 0x32,

        /// <summary>FIFO_MODE (D7:D6), Trigger (D5), Samples (D4:D0).</summary>
        FifoCtl = 0x38,

        /// <summary>FIFO_TRIG (D7), Entries (D5:D0).</summary>
        FifoStatus = 0x39,
    }
}
