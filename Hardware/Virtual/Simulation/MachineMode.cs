namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>What the machine's schedule asks of it during one segment.</summary>
    public enum MachineMode
    {
        /// <summary>Supply off: no current; the shaft coasts down to rest.</summary>
        Off = 0,

        /// <summary>
        /// Energised and turning unloaded: the motor runs at (almost) synchronous speed and draws only its
        /// magnetising current. This is how a direct-on-line motor idles, e.g. a pump on recirculation.
        /// </summary>
        Idle = 1,

        /// <summary>Energised and driving its load at the segment's load fraction, at rated slip.</summary>
        Running = 2,
    }
}
