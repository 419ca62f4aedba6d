using SensorNode.Core.Config;

namespace SensorNode.Core.Power
{
    /// <summary>The power settings in milliseconds, read from the <see cref="ConfigStore"/> when its version changes.</summary>
    public sealed class PowerSettings
    {
        /// <summary>power.eco_after_s: the machine idle or off this long before eco, ms.</summary>
        public long EcoAfterMs { get; private set; }

        /// <summary>power.sleep_after_s: the machine off this long before sleep, ms.</summary>
        public long SleepAfterMs { get; private set; }

        /// <summary>power.sleep_enabled: sleep mode is used at all (the console can still force it).</summary>
        public bool SleepEnabled { get; private set; }

        /// <summary>power.awake_max_s: longest time awake per wake in sleep mode when the network does not deliver, ms.</summary>
        public long AwakeMaxMs { get; private set; }

        /// <summary>report.eco_s: period of the eco bursts (and of eco telemetry), ms.</summary>
        public long EcoIntervalMs { get; private set; }

        /// <summary>report.sleep_s: period of the wakes in sleep mode, ms.</summary>
        public long SleepIntervalMs { get; private set; }

        /// <summary>power.heartbeat_s: longest time between two reports in sleep mode, ms.</summary>
        public long HeartbeatMs { get; private set; }

        /// <summary>Reads the settings.</summary>
        public void Apply(ConfigStore config)
        {
            EcoAfterMs = config.GetInt(ConfigKeys.PowerEcoAfterS) * 1000;
            SleepAfterMs = config.GetInt(ConfigKeys.PowerSleepAfterS) * 1000;
            SleepEnabled = config.GetBool(ConfigKeys.PowerSleepEnabled);
            AwakeMaxMs = config.GetInt(ConfigKeys.PowerAwakeMaxS) * 1000;
            EcoIntervalMs = config.GetInt(ConfigKeys.ReportEcoS) * 1000;
            SleepIntervalMs = config.GetInt(ConfigKeys.ReportSleepS) * 1000;
            HeartbeatMs = config.GetInt(ConfigKeys.PowerHeartbeatS) * 1000;
        }
    }
}
