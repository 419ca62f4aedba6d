namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// One chip model's connection to its supply: a <see cref="SupplyRail"/>, or a permanent supply when the rail is null.
    /// It tells the model whether it is powered and, the first time it looks after the rail came back on, that the part
    /// went through a power cycle and must start from its power-on reset. Not thread-safe: the model's own.
    /// </summary>
    public sealed class SupplyConnection
    {
        private readonly SupplyRail rail;
        private int switchOnsSeen;

        /// <summary>A part on <paramref name="rail"/> (null: always powered), as it is now.</summary>
        public SupplyConnection(SupplyRail rail)
        {
            this.rail = rail;
            switchOnsSeen = rail == null ? 0 : rail.SwitchOnCount;
        }

        /// <summary>
        /// True while the part is powered; <paramref name="powerCycled"/> is true when the rail was switched on again since
        /// the last call (the part's registers are then at their power-on values).
        /// </summary>
        public bool IsPowered(out bool powerCycled)
        {
            powerCycled = false;
            if (rail == null)
            {
                return true;
            }

            if (!rail.IsOn)
            {
                return false;
            }

            powerCycled = rail.SwitchOnCount != switchOnsSeen;
            switchOnsSeen = rail.SwitchOnCount;
            return true;
        }
    }
}
