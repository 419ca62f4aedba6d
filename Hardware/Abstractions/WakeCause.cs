namespace SensorNode.Hardware
{
    /// <summary>Why the chip is awake.</summary>
    public enum WakeCause
    {
        /// <summary>Power-on, reset button or a software reboot: not a wake from sleep.</summary>
        PowerOn = 0,

        /// <summary>The sleep timer expired.</summary>
        Timer = 1,

        /// <summary>Activity on the console UART.</summary>
        ConsoleUart = 2,

        /// <summary>A configured wake pin changed level.</summary>
        Pin = 3,

        /// <summary>The platform reported a cause this enum does not name.</summary>
        Other = 4,
    }
}
