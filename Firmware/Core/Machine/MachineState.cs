namespace SensorNode.Core.Machine
{
    /// <summary>What the monitored machine is doing, from its current and vibration.</summary>
    public enum MachineState : byte
    {
        /// <summary>No current and no vibration: switched off.</summary>
        Off = 0,

        /// <summary>Powered but not working: some current or vibration, below the running thresholds.</summary>
        Idle = 1,

        /// <summary>Working: the only state in which anomaly baselines learn.</summary>
        Running = 2,
    }
}
