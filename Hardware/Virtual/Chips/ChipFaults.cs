namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// Faults a test or scenario injects into one chip model. Every model checks these on each bus transfer.
    /// </summary>
    public sealed class ChipFaults
    {
        /// <summary>The sensor's connector is out: every transfer returns <see cref="BusStatus.Nack"/>.</summary>
        public bool Unplugged { get; set; }

        /// <summary>The sensor still answers but its measurement froze at the last value it converted.</summary>
        public bool Stuck { get; set; }
    }
}
