namespace SensorNode.Core.Power
{
    /// <summary>The power modes of the node (DESIGN.md, Power); the names are those of the <c>power</c> topic.</summary>
    public enum PowerMode : byte
    {
        /// <summary>Continuous sampling in windows, radio listening, telemetry at report.active_s: the machine runs.</summary>
        Active = 0,

        /// <summary>
        /// Short bursts every report.eco_s with light sleep between them (the console UART wakes the chip), radio power
        /// save, telemetry at the eco rate: the machine is idle or briefly off.
        /// </summary>
        Eco = 1,

        /// <summary>
        /// Deep sleep between wakes every report.sleep_s; each wake takes a burst, decides, and publishes only on a change
        /// or when power.heartbeat_s is due. Battery nodes (power.sleep_enabled) while the machine stays off.
        /// </summary>
        Sleep = 2,
    }
}
