namespace SensorNode.Drivers.Adxl345
{
    /// <summary>Bit fields of the ADXL345 registers in <see cref="Adxl345Register"/> (datasheet "Register Definitions").</summary>
    internal static class Adxl345Bits
    {
        /// <summary>DEVID holds 0xE5 (octal 345) on every ADXL345.</summary>
        public const byte DeviceId = 0xE5;

        /// <summary>SPI address byte: D7 set for a read, clear for a write.</summary>
        public const byte SpiRead = 0x80;

        /// <summary>SPI address byte: D6 set for a multiple-byte transfer (the address increments after each byte).</summary>
        public const byte SpiMultiByte = 0x40;

        /// <summary>POWER_CTL Measure bit: the part samples only while it is set.</summary>
        public const byte PowerMeasure = 0x08;

        /// <summary>INT_ENABLE / INT_MAP / INT_SOURCE: FIFO entries reached the watermark.</summary>
        public const byte IntWatermark = 0x02;

        /// <summary>INT_ENABLE / INT_MAP / INT_SOURCE: data was lost (FIFO overflowed).</summary>
        public const byte IntOverrun = 0x01;

        /// <summary>DATA_FORMAT SELF_TEST: an electrostatic force deflects the proof mass.</summary>
        public const byte FormatSelfTest = 0x80;

        /// <summary>DATA_FORMAT FULL_RES: 3.9 mg/LSB at every range, 10 to 13 bits.</summary>
        public const byte FormatFullResolution = 0x08;

        /// <summary>FIFO_CTL FIFO_MODE = 00: bypass; entering it empties the FIFO.</summary>
        public const byte FifoModeBypass = 0x00;

        /// <summary>FIFO_CTL FIFO_MODE = 10: stream, keeps the newest 32 samples.</summary>
        public const byte FifoModeStream = 0x80;

        /// <summary>FIFO_STATUS Entries field.</summary>
        public const byte FifoEntriesMask = 0x3F;

        /// <summary>BW_RATE rate code of 3200 Hz; each code below halves the rate.</summary>
        public const int RateCode3200Hz = 0x0F;

        /// <summary>Bytes per FIFO entry: DATAX0..DATAZ1.</summary>
        public const int BytesPerSample = 6;
    }
}
