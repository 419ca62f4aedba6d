namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// What a <see cref="PublishQueue"/> entry holds, in the order the queue gives entries up when it is full: telemetry
    /// first, then ordinary events; alarm-class events last.
    /// </summary>
    public enum PublishKind : byte
    {
        /// <summary>A <c>telemetry</c> message (QoS 0): the next one supersedes it.</summary>
        Telemetry = 0,

        /// <summary>An <c>event</c> that is not alarm-class: clear, machine, power, boot, config, error.</summary>
        Event = 1,

        /// <summary>An alarm-class <c>event</c>: a channel raised to watch or alarm, or a sensor fault.</summary>
        Alarm = 2,
    }
}
