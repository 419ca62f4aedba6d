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
    /// <para>From the settings: learn windows and the watch/alarm thresholds (all channels), the velocity limit (the ISO
    /// 10816-3 C/D boundary of iso.group and iso.foundation), temp.max_c, temp.warmup_s, current.max_ma and the machine.*
    /// thresholds. The anomaly thresholds are % of the Q1.15 full scale (round down, at most 32767); each clears at 4/5 of
    /// its raise threshold, the hysteresis of the filter's defaults. Raise and clear dwells are the filter's (3 and 5
    /// windows): a knock lasting under a second touches at most two windows and never raises.</para>
    /// <para>Fixed per channel, for what each quantity does on a healthy machine:</para>
    /// <list type="bullet">
    /// <item>Vibration (velocity, acceleration, kurtosis): the machine-vibration set scored on CWRU and IMS
    /// (Tests/Benchmarks EvaluationParameters.MachineVibration): a spread of at least 8 % of the learned level, since a few
    /// per cent is load and speed, not a fault, and no CUSUM, whose sum a long fault winds up into a slow clear after the
    /// repair; the envelope and the smoothed term see every real rise. The baseline adapts over hours (2^14 windows,
    /// 4.5 h), not minutes (the filter's default 2^8 windows is 4 minutes at one window a second): a bearing wearing over
    /// an hour stays below the watch threshold at first and would otherwise teach the baseline its own rise. No
    /// feature-level stuck check: a steady accel RMS in milli-g legitimately repeats for minutes; the scheduler faults a
    /// window whose raw samples did not move on any axis instead (<see cref="AnomalyChannel.MarkSensorStuck"/>).</item>
    /// <item>Temperature: slow and load-driven. The baseline learns and scores only after <see cref="TemperatureWarmupMs"/>
    /// of running (the bearing's rise after a start is not an anomaly; until then temp.max_c alone alarms, and the 5-minute
    /// slope, temperature_slope in the state and telemetry, is there for a dashboard but has no limit), only a rise
    /// counts (a bearing cools whenever the machine idles), a spread of at least 5 K (load and ambient move it by a few
    /// kelvin), and the baseline adapts over about an hour (2^12 windows). A reading frozen for 600 running windows
    /// (10 minutes) is a stuck converter: the MAX31865's 15-bit code (0.034 °C per LSB with a PT100 on 430 Ω) flickers by
    /// a code or two between readings, so a steady bearing still changes its centi-degree value within seconds.</item>
    /// <item>Current: follows the load by design. A spread of at least half the learned mean and no CUSUM: load steps
    /// (75 % to 60 %, an unloaded run at the magnetising current) stay within a few tenths of the mean, while a stall
    /// (several times the running current) scores far out; current.max_ma is the overcurrent limit, set it to the motor's
    /// rating to alarm on an overload. No stuck check: a steady load gives the same RMS to the mA.</item>
    /// </list>
    /// </remarks>
    public sealed class NodeParameters
    {
        // The MAX31865 driver clamps readings outside IEC 60751 to exactly -200 °C or 850 °C; one centi-degree inside
        // those makes a clamped reading impossible, so the channel faults at once instead of learning a clamp.
        private const int TemperaturePlausibleMinCentiC = -19999;
        private const int TemperaturePlausibleMaxCentiC = 84999;

        private const int VibrationSpreadFloorPerMille = 80;
        private const int VibrationAdaptShift = 14;
        private const int TemperatureSpreadFloorCentiC = 500;
        private const int TemperatureAdaptShift = 12;
        private const int TemperatureStuckWindows = 600;
        private const int CurrentSpreadFloorPerMille = 500;

        private readonly AnomalyParameters[] channels = new AnomalyParameters[NodeChannels.Count];

        /// <summary>Creates the parameters with the fixed per-channel values; <see cref="Apply"/> adds the settings.</summary>
        public NodeParameters()
        {
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                channels[i] = new AnomalyParameters();
            }

            SetSensorLimits(channels[NodeChannels.Velocity], 10, 0, 2000000, 0);
            SetSensorLimits(channels[NodeChannels.Acceleration], 2, 0, 32000, 0);
            SetSensorLimits(channels[NodeChannels.Kurtosis], 10, 0, 10000000, 0);
            SetSensorLimits(channels[NodeChannels.Temperature], TemperatureSpreadFloorCentiC, TemperaturePlausibleMinCentiC,
                TemperaturePlausibleMaxCentiC, TemperatureStuckWindows);
            SetSensorLimits(channels[NodeChannels.Current], 10, 0, 10000000, 0);

            for (int i = NodeChannels.Velocity; i <= NodeChannels.Kurtosis; i++)
            {
                channels[i].SpreadFloorPerMille = VibrationSpreadFloorPerMille;
                channels[i].CusumRefQ8 = 0;
                channels[i].AdaptShift = VibrationAdaptShift;
            }

            AnomalyParameters temperature = channels[NodeChannels.Temperature];
            temperature.HighSideOnly = true;
            temperature.AdaptShift = TemperatureAdaptShift;

            AnomalyParameters current = channels[NodeChannels.Current];
            current.SpreadFloorPerMille = CurrentSpreadFloorPerMille;
            current.CusumRefQ8 = 0;
        }

        /// <summary>Machine state thresholds and timing.</summary>
        public MachineStateParameters Machine { get; } = new MachineStateParameters();

        /// <summary>
        /// Running time after the machine starts before the temperature channel learns and scores, ms (temp.warmup_s):
        /// 2700 s by default, three thermal time constants of a bearing housing (about 15 minutes), by which the rise after a
        /// start is 95 % done.
        /// </summary>
        public long TemperatureWarmupMs { get; private set; } = 2700000;

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
            TemperatureWarmupMs = config.GetInt(ConfigKeys.TempWarmupS) * 1000;
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
