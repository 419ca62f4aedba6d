namespace SensorNode.Core.Signal
{
    /// <summary>Machine group of ISO 10816-3 / 20816-3.</summary>
    public enum IsoMachineGroup
    {
        /// <summary>Large machines: rated power above 300 kW (or electrical machines with shaft height 315 mm and above).</summary>
        Group1,

        /// <summary>Medium machines: 15 kW to 300 kW (or electrical machines with shaft height 160 mm to 315 mm).</summary>
        Group2,
    }
}
