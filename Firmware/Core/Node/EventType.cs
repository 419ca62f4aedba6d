namespace SensorNode.Core.Node
{
    /// <summary>Kind of a <see cref="NodeEvent"/>; <see cref="NodeNames.EventType"/> gives its wire name.</summary>
    public enum EventType : byte
    {
        /// <summary>A channel got worse: watch or alarm raised.</summary>
        Alarm = 0,

        /// <summary>A channel got better: alarm or watch cleared, a fault recovered, a relearn.</summary>
        Clear = 1,

        /// <summary>A channel's sensor is missing, stuck or reports impossible values.</summary>
        Fault = 2,

        /// <summary>The machine changed between off, idle and running.</summary>
        Machine = 3,

        /// <summary>A power-mode request or change.</summary>
        Power = 4,

        /// <summary>The node started; the reason is the wake cause.</summary>
        Boot = 5,

        /// <summary>A setting was changed, saved, reset or recovered from a corrupt file.</summary>
        Config = 6,

        /// <summary>An exception escaped a subsystem step and was caught by the scheduler.</summary>
        Error = 7,
    }
}
