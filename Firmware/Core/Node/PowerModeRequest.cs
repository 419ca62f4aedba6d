namespace SensorNode.Core.Node
{
    /// <summary>
    /// The power mode asked for with the console's <c>mode</c> command. The scheduler only stores it; the power manager
    /// (<c>SensorNode.Core.Power.PowerManager</c>) acts on it at its next step and keeps it across deep sleeps (auto:
    /// follow the machine state).
    /// </summary>
    public enum PowerModeRequest : byte
    {
        /// <summary>Follow the machine: active while it runs, eco while idle, sleep while off (if enabled).</summary>
        Auto = 0,

        /// <summary>Stay active.</summary>
        Active = 1,

        /// <summary>Stay in eco mode.</summary>
        Eco = 2,

        /// <summary>Sleep between reports.</summary>
        Sleep = 3,
    }
}
