namespace SensorNode.Core.Node
{
    /// <summary>
    /// Outcome of one <see cref="ISensorFrontEnd"/> read. The members and values up to <see cref="OverUnderVoltage"/> are
    /// the drivers' <c>SensorNode.Drivers.SensorStatus</c> (Firmware.Core cannot reference the drivers, which reference
    /// it); <see cref="NotFitted"/> is the node's own: the board has no such sensor.
    /// </summary>
    public enum SensorReadStatus
    {
        /// <summary>The reading is valid.</summary>
        Ok = 0,

        /// <summary>A bus transfer failed; no reading.</summary>
        BusError = 1,

        /// <summary>The part did not identify itself; no reading.</summary>
        NotPresent = 2,

        /// <summary>The reading is saturated (clipped samples, a clamped temperature); see each read's contract.</summary>
        OutOfRange = 3,

        /// <summary>Samples were lost before this batch; the batch itself is valid.</summary>
        Overrun = 4,

        /// <summary>The part reports a fault of its own; no reading.</summary>
        Fault = 5,

        /// <summary>No new data yet, or the part is (re)starting; no reading.</summary>
        NotReady = 6,

        /// <summary>The sensing element or a lead is open; no reading.</summary>
        OpenCircuit = 7,

        /// <summary>The sensing element or a lead is shorted; no reading.</summary>
        ShortCircuit = 8,

        /// <summary>An input is outside the supply rails; no reading.</summary>
        OverUnderVoltage = 9,

        /// <summary>This node has no such sensor: its channel is left out of health and telemetry.</summary>
        NotFitted = 100,
    }
}
