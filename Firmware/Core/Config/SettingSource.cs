namespace SensorNode.Core.Config
{
    /// <summary>Where a change comes from; remote changes cannot touch secret or console-only settings.</summary>
    public enum SettingSource
    {
        /// <summary>The technician's serial console (or the virtual node's stdin).</summary>
        Console,

        /// <summary>The MQTT command topic.</summary>
        Remote,
    }
}
