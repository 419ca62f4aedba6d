namespace SensorNode.Drivers.Max31865
{
    /// <summary>
    /// The fault status register (0x07) bits, as the datasheet names them (Table 7 and Tables 10-12); a value is any
    /// combination of them (the register's own bit positions, so a raw register byte masked with 0xFC converts directly).
    /// </summary>
    public enum Max31865Faults
    {
        /// <summary>No fault latched.</summary>
        None = 0,

        /// <summary>D2: a protected input is above VDD or below GND1; the data are indeterminate.</summary>
        OverUnderVoltage = 0x04,

        /// <summary>D3: RTDIN- below 0.85 × VBIAS with the FORCE- switch open (fault-detection cycle); a lead shorted low.</summary>
        RtdInLow = 0x08,

        /// <summary>D4: REFIN- below 0.85 × VBIAS with the FORCE- switch open (fault-detection cycle); a lead shorted low.</summary>
        RefInLow = 0x10,

        /// <summary>D5: REFIN- above 0.85 × VBIAS (fault-detection cycle); an open RTD element or FORCE+ open.</summary>
        RefInHigh = 0x20,

        /// <summary>D6: the ratio is at or below the low fault threshold; a shorted RTD.</summary>
        RtdLow = 0x40,

        /// <summary>D7: the ratio is at or above the high fault threshold; an open RTD reads full scale.</summary>
        RtdHigh = 0x80,
    }
}
