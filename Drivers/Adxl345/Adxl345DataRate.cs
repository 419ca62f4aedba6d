namespace SensorNode.Drivers.Adxl345
{
    /// <summary>
    /// Output data rate; the value is the BW_RATE rate code (datasheet Table 7). The output bandwidth is half the rate.
    /// At 1600 and 3200 Hz the part forces the LSB of every full-resolution sample to 0 (datasheet "Data Formatting of
    /// Upper Data Rates"), so those rates resolve 7.8 mg.
    /// </summary>
    public enum Adxl345DataRate
    {
        /// <summary>100 Hz.</summary>
        Rate100Hz = 0x0A,

        /// <summary>200 Hz.</summary>
        Rate200Hz = 0x0B,

        /// <summary>400 Hz.</summary>
        Rate400Hz = 0x0C,

        /// <summary>800 Hz.</summary>
        Rate800Hz = 0x0D,

        /// <summary>1600 Hz (SPI recommended: the FIFO fills in 20 ms).</summary>
        Rate1600Hz = 0x0E,

        /// <summary>3200 Hz (SPI recommended: the FIFO fills in 10 ms).</summary>
        Rate3200Hz = 0x0F,
    }
}
