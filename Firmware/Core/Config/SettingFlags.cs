namespace SensorNode.Core.Config
{
    /// <summary>Access flags of a setting; combine with |.</summary>
    public enum SettingFlags
    {
        /// <summary>Readable and settable from the console and remotely.</summary>
        None = 0,

        /// <summary>Never printed or published: shown as "********" or "(not set)". Implies console-only.</summary>
        Secret = 1,

        /// <summary>Settable from the serial console only (not over MQTT), e.g. the network settings.</summary>
        ConsoleOnly = 2,
    }
}
