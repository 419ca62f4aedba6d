namespace SensorNode.Drivers
{
    /// <summary>
    /// Outcome of a driver call: the one status vocabulary shared by every driver in this assembly.
    /// Drivers return these and never throw for hardware faults; exceptions are for programming errors.
    /// It lives in the parent namespace so every SensorNode.Drivers.&lt;Part&gt; driver sees it without a using.
    /// </summary>
    public enum SensorStatus
    {
        /// <summary>The call succeeded and its outputs are valid.</summary>
        Ok = 0,

        /// <summary>A bus transfer failed (NACK, timeout, short transfer); outputs are unspecified.</summary>
        BusError = 1,

        /// <summary>Something answered on the bus but its identity register is not the expected part.</summary>
        NotPresent = 2,

        /// <summary>A reading or a requested setting lies outside what the part or its calibration can represent.</summary>
        OutOfRange = 3,

        /// <summary>The part's buffer overflowed before it was drained; outputs are valid but samples were lost.</summary>
        Overrun = 4,

        /// <summary>The part reports a fault of its own (fault-status bits, failed self-test).</summary>
        Fault = 5,

        /// <summary>The driver has not been initialised, or no new data is available yet.</summary>
        NotReady = 6,

        /// <summary>The sensing element or a lead is open (e.g. an RTD reading full scale); outputs are not valid.</summary>
        OpenCircuit = 7,

        /// <summary>The sensing element is shorted, or a lead is shorted to ground; outputs are not valid.</summary>
        ShortCircuit = 8,

        /// <summary>An input is above the supply or below ground (e.g. a cable touching another circuit); outputs are not valid.</summary>
        OverUnderVoltage = 9,
    }
}
