namespace SensorNode.Core.Node
{
    /// <summary>
    /// The scheduler's steps, each run inside its own exception guard: an exception escaping one is counted against it
    /// and reported as an <see cref="EventType.Error"/> event, and the loop goes on with the next step.
    /// </summary>
    public enum NodeSubsystem : byte
    {
        /// <summary>Applying a changed configuration to the parameters.</summary>
        Config = 0,

        /// <summary>Draining the accelerometer and the per-batch feature loop.</summary>
        Vibration = 1,

        /// <summary>Reading the temperature and its trend.</summary>
        Temperature = 2,

        /// <summary>Reading the current.</summary>
        Current = 3,

        /// <summary>Finishing the vibration window's features.</summary>
        Features = 4,

        /// <summary>Machine state detection.</summary>
        Machine = 5,

        /// <summary>The anomaly channels and their events.</summary>
        Anomaly = 6,

        /// <summary>Health aggregation and the snapshot.</summary>
        Health = 7,

        /// <summary>Handing events and the window to the publisher.</summary>
        Publish = 8,
    }
}
