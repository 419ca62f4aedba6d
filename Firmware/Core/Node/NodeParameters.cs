using SensorNode.Core.Anomaly;
using SensorNode.Core.Config;
using SensorNode.Core.Machine;
using SensorNode.Core.Signal;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The scheduler's tuning: one <see cref="AnomalyParameters"/> per <see cref="NodeChannels"/> channel, the machine
    /// state thresholds and the ISO class, taken from the settings by <see cref="Apply"/>. The objects are created once and
    /// changed in place (the channels and the detector keep references to them), so applying a changed config allocates
    /// nothing.
    /// </summary>
    /// <remarks>
    /// From the settings: learn windows and the watch/alarm thresholds (all channels), the velocity limit (the ISO 10816-3
    /// C/D boundary of iso.group and iso.foundation), temp.max_c, current.max_ma and the machine.* thresholds. The
    /// anomaly thresholds are % of the Q1.15 full scale (round down, at most 32767); each clears at 4/5 of its raise
    /// threshold, the hysteresis of the filter's defaults. Fixed per channel: the spread floor (about one LSB of sensor
    /// noise) and the plausible range and stuck count that make a sensor fault.
    /// </remarks>
    public sealed class NodeParameters
    {
        // The MAX31865 driver clamps readings outside IEC 60751 to exactly -200 °C or 850 °C; one centi-degree inside
        // those makes a clamped reading impossible, so the channel faults at once instead of learning a clamp.
        private const int TemperaturePlausibleMinCentiC = -19999;
        private const int TemperaturePlausibleMaxCentiC = 84999;

        private readonly AnomalyParameters[] channels = new AnomalyParameters[NodeChannels.Count];

        /// <summary>Creates the parameters with the fixed per-channel values; <see cref="Apply"/> adds the settings.</summary>
        public NodeParameters()
        {
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                channels[i] = new AnomalyParameters();
            }

            SetSensorLimits(channels[NodeChannels.Velocity], 10, 0, 2000000, 60);
            SetSensorLimits(channels[NodeChannels.Acceleration], 2, 0, 32000, 60);
            SetSensorLimits(channels[NodeChannels.Kurtosis], 10, 0, 10000000, 60);
            SetSensorLimits(channels[NodeChannels.Temperature], 10, TemperaturePlausibleMinCentiC, TemperaturePlausibleMaxCentiC, 600);
            SetSensorLimits(channels[NodeChannels.Current], 10, 0, 10000000, 0);
        }

        /// <summary>Machine state thresholds and timing.</summary>
        public MachineStateParameters Machine { get; } = new MachineStateParameters();

        /// <summary>ISO 10816-3 machine group for the zone and the velocity limit.</summary>
        public IsoMachineGroup Group { get; private set; } = IsoMachineGroup.Group2;

        /// <summary>ISO 10816-3 support class for the zone and the velocity limit.</summary>
        public IsoFoundation Foundation { get; private set; } = IsoFoundation.Rigid;

        /// <summary>The anomaly parameters of a <see cref="NodeChannels"/> channel (the same object for the node's life).</summary>
        public AnomalyParameters Channel(int channel) => channels[channel];

        /// <summary>
        /// Copies the settings into the parameters and validates them. The settings table's ranges and at-most rules keep
        /// every combination valid; should one not be, the validation throws <see cref="System.ArgumentOutOfRangeException"/>
        /// (the scheduler counts it as a config error).
        /// </summary>
        public void Apply(ConfigStore config)
        {
            Group = config.GetInt(ConfigKeys.IsoGroup) == 1 ? IsoMachineGroup.Group1 : IsoMachineGroup.Group2;
            Foundation = config.GetInt(ConfigKeys.IsoFoundation) == 1 ? IsoFoundation.Flexible : IsoFoundation.Rigid;

            int learnWindows = ToInt(config.GetInt(ConfigKeys.AnomalyLearnWindows));
            int watchQ15 = PercentToQ15(config.GetInt(ConfigKeys.AnomalyWatch));
            int alarmQ15 = PercentToQ15(config.GetInt(ConfigKeys.AnomalyAlarm));
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                AnomalyParameters p = channels[i];
                p.LearnWindows = learnWindows;
                p.WatchRaiseQ15 = watchQ15;
                p.AlarmRaiseQ15 = alarmQ15;
                p.WatchClearQ15 = watchQ15 * 4 / 5;
                p.AlarmClearQ15 = alarmQ15 * 4 / 5;
            }

            channels[NodeChannels.Velocity].HighLimit = IsoZoneLimits.BoundaryUmS(Group, Foundation, IsoZone.C);
            channels[NodeChannels.Temperature].HighLimit = ToInt(config.GetInt(ConfigKeys.TempMaxC) * 100);
            channels[NodeChannels.Current].HighLimit = ToInt(config.GetInt(ConfigKeys.CurrentMaxMa));

            MachineStateParameters m = Machine;
            m.CurrentRunMa = ToInt(config.GetInt(ConfigKeys.MachineRunMa));
            m.CurrentOffMa = ToInt(config.GetInt(ConfigKeys.MachineOffMa));
            m.VibrationRunMilliG = ToInt(config.GetInt(ConfigKeys.MachineRunMg));
            m.VibrationOffMilliG = ToInt(config.GetInt(ConfigKeys.MachineOffMg));
            m.DebounceWindows = ToInt(config.GetInt(ConfigKeys.MachineDebounce));
            m.MinDwellMs = config.GetInt(ConfigKeys.MachineDwellS) * 1000;

            for (int i = 0; i < NodeChannels.Count; i++)
            {
                channels[i].Validate();
            }

            m.Validate();
        }

        /// <summary>% of full scale to Q1.15, rounded down, at most 32767: 50 gives 16384.</summary>
        public static int PercentToQ15(long percent)
        {
            long q15 = percent * 32768 / 100;
            return q15 > 32767 ? 32767 : q15 < 0 ? 0 : (int)q15;
        }

        private static void SetSensorLimits(AnomalyParameters p, int spreadFloor, int plausibleMin, int plausibleMax, int stuckWindows)
        {
            p.SpreadFloor = spreadFloor;
            p.PlausibleMin = plausibleMin;
            p.PlausibleMax = plausibleMax;
            p.StuckWindows = stuckWindows;
        }

        private static int ToInt(long value)
        {
            return value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
        }
    }
}
