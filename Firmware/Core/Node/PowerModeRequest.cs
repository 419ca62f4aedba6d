namespace SensorNode.Core.Node
{
    /// <summary>
    /// The power mode asked for with the console's <c>mode</c> command. The scheduler only stores it; the power manager
    /// acts on it (auto: follow the machine state).
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
