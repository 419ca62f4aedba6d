namespace SensorNode.Core.Config
{
    /// <summary>
    /// Indices of the settings in <see cref="SettingsTable.All"/>, for the typed getters of <see cref="ConfigStore"/>.
    /// The keys themselves are spelled only in <see cref="SettingsTable"/>.
    /// </summary>
    public static class ConfigKeys
    {
        /// <summary>node.id: "" means node- plus the last 6 hex digits of the MAC.</summary>
        public const int NodeId = 0;

        /// <summary>wifi.ssid.</summary>
        public const int WifiSsid = 1;

        /// <summary>wifi.password (secret).</summary>
        public const int WifiPassword = 2;

        /// <summary>mqtt.host: "" means offline.</summary>
        public const int MqttHost = 3;

        /// <summary>mqtt.port.</summary>
        public const int MqttPort = 4;

        /// <summary>mqtt.user.</summary>
        public const int MqttUser = 5;

        /// <summary>mqtt.password (secret).</summary>
        public const int MqttPassword = 6;

        /// <summary>mqtt.tls.</summary>
        public const int MqttTls = 7;

        /// <summary>mqtt.prefix: first topic level.</summary>
        public const int MqttPrefix = 8;

        /// <summary>report.active_s: telemetry period while the machine runs, s.</summary>
        public const int ReportActiveS = 9;

        /// <summary>report.eco_s: telemetry period in eco mode, s.</summary>
        public const int ReportEcoS = 10;

        /// <summary>report.sleep_s: wake-up and report period in sleep mode, s.</summary>
        public const int ReportSleepS = 11;

        /// <summary>vib.rate_hz: ADXL345 output data rate, Hz (GetInt gives the number).</summary>
        public const int VibRateHz = 12;

        /// <summary>vib.range_g: ADXL345 range, g (GetInt gives the number).</summary>
        public const int VibRangeG = 13;

        /// <summary>iso.group: ISO 10816-3 machine group 1 or 2 (GetInt gives the number).</summary>
        public const int IsoGroup = 14;

        /// <summary>iso.foundation: rigid (GetInt 0) or flexible (GetInt 1).</summary>
        public const int IsoFoundation = 15;

        /// <summary>temp.max_c: absolute temperature limit, °C.</summary>
        public const int TempMaxC = 16;

        /// <summary>current.max_ma: absolute current limit, mA.</summary>
        public const int CurrentMaxMa = 17;

        /// <summary>machine.run_ma: current at or above which the machine runs, mA.</summary>
        public const int MachineRunMa = 18;

        /// <summary>machine.off_ma: current below which the machine may be off, mA.</summary>
        public const int MachineOffMa = 19;

        /// <summary>machine.run_mg: vibration at or above which the machine runs, milli-g.</summary>
        public const int MachineRunMg = 20;

        /// <summary>machine.off_mg: vibration below which the machine may be off, milli-g.</summary>
        public const int MachineOffMg = 21;

        /// <summary>machine.debounce: windows that must agree before a state change.</summary>
        public const int MachineDebounce = 22;

        /// <summary>machine.dwell_s: minimum time in a machine state, s.</summary>
        public const int MachineDwellS = 23;

        /// <summary>anomaly.watch: score that raises watch, % of full scale.</summary>
        public const int AnomalyWatch = 24;

        /// <summary>anomaly.alarm: score that raises alarm, % of full scale.</summary>
        public const int AnomalyAlarm = 25;

        /// <summary>anomaly.learn_windows: windows of running machine learned as the baseline.</summary>
        public const int AnomalyLearnWindows = 26;

        /// <summary>power.eco_after_s: idle time before eco mode, s.</summary>
        public const int PowerEcoAfterS = 27;

        /// <summary>power.sleep_after_s: off time before sleep mode, s.</summary>
        public const int PowerSleepAfterS = 28;

        /// <summary>power.sleep_enabled: whether sleep mode is used at all (battery nodes).</summary>
        public const int PowerSleepEnabled = 29;

        /// <summary>power.awake_max_s: longest time awake in sleep mode when the network is down, s.</summary>
        public const int PowerAwakeMaxS = 30;

        /// <summary>ha.discovery: publish Home Assistant discovery.</summary>
        public const int HaDiscovery = 31;

        /// <summary>power.heartbeat_s: longest time between two reports of a node in sleep mode, s.</summary>
        public const int PowerHeartbeatS = 32;

        /// <summary>temp.warmup_s: running time after a start before the temperature baseline learns and scores, s.</summary>
        public const int TempWarmupS = 33;

        /// <summary>Number of settings.</summary>
        public const int Count = 34;
    }
}
