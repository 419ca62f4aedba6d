namespace SensorNode.Core.Signal
{
    /// <summary>Support class of ISO 10816-3 / 20816-3, which selects the zone limits together with the machine group.</summary>
    public enum IsoFoundation
    {
        /// <summary>The lowest natural frequency of machine and support is above the main excitation frequency.</summary>
        Rigid,

        /// <summary>Any other support.</summary>
        Flexible,
    }
}
