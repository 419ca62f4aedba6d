namespace SensorNode.Drivers.Max31865
{
    /// <summary>
    /// MAX31865 register addresses (datasheet 19-6478, Table 1). Reads use these addresses; writes set bit 7
    /// (<see cref="Max31865.WriteFlag"/>). Multi-byte transfers auto-increment the address.
    /// </summary>
    internal enum Max31865Register : byte
    {
        /// <summary>Configuration, read/write, power-on 0x00.</summary>
        Configuration = 0x00,

        /// <summary>RTD resistance ratio bits 14:7.</summary>
        RtdMsb = 0x01,

        /// <summary>RTD resistance ratio bits 6:0 in D7:D1; D0 is the fault bit.</summary>
        RtdLsb = 0x02,

        /// <summary>High fault threshold MSB, power-on 0xFF.</summary>
        HighFaultThresholdMsb = 0x03,

        /// <summary>High fault threshold LSB, power-on 0xFF.</summary>
        HighFaultThresholdLsb = 0x04,

        /// <summary>Low fault threshold MSB, power-on 0x00.</summary>
        LowFaultThresholdMsb = 0x05,

        /// <summary>Low fault threshold LSB, power-on 0x00.</summary>
        LowFaultThresholdLsb = 0x06,

        /// <summary>Fault status, read only; latched until the fault-clear bit is written.</summary>
        FaultStatus = 0x07,
    }
}
