namespace SensorNode.Core.Config
{
    /// <summary>
    /// The node's settings: the one place where keys, defaults, ranges and units are written. Row i describes
    /// <see cref="ConfigKeys"/> index i.
    /// </summary>
    public static class SettingsTable
    {
        /// <summary>Every setting, indexed by <see cref="ConfigKeys"/>. Shared and never modified.</summary>
        public static readonly SettingDefinition[] All = Build();

        private const SettingFlags Open = SettingFlags.None;
        private const SettingFlags ConsoleOnly = SettingFlags.ConsoleOnly;
        private const SettingFlags Secret = SettingFlags.Secret;

        private static SettingDefinition[] Build()
        {
            var t = new SettingDefinition[ConfigKeys.Count];

            // Identity and network: console only, so a remote command cannot cut the node off its own broker.
            t[ConfigKeys.NodeId] = SettingDefinition.Text("node.id", "", 32, " /+#", ConsoleOnly,
                "MQTT node id; empty = node- and the last 6 hex digits of the MAC");
            t[ConfigKeys.WifiSsid] = SettingDefinition.Text("wifi.ssid", "", 32, "", ConsoleOnly, "Wi-Fi network name");
            t[ConfigKeys.WifiPassword] = SettingDefinition.Text("wifi.password", "", 64, "", Secret, "Wi-Fi passphrase");
            t[ConfigKeys.MqttHost] = SettingDefinition.Text("mqtt.host", "", 64, " /", ConsoleOnly,
                "MQTT broker host name or IP; empty = offline");
            t[ConfigKeys.MqttPort] = SettingDefinition.Int("mqtt.port", 1883, 1, 65535, "", ConsoleOnly, "MQTT broker TCP port");
            t[ConfigKeys.MqttUser] = SettingDefinition.Text("mqtt.user", "", 64, "", ConsoleOnly, "MQTT user name; empty = anonymous");
            t[ConfigKeys.MqttPassword] = SettingDefinition.Text("mqtt.password", "", 64, "", Secret, "MQTT password");
            t[ConfigKeys.MqttTls] = SettingDefinition.Bool("mqtt.tls", false, ConsoleOnly, "MQTT over TLS");
            t[ConfigKeys.MqttPrefix] = SettingDefinition.Text("mqtt.prefix", "plant", 32, " +#", ConsoleOnly,
                "first topic level: {prefix}/{node.id}/...");

            t[ConfigKeys.ReportActiveS] = SettingDefinition.Int("report.active_s", 10, 1, 3600, "s", Open,
                "telemetry period while the machine runs");
            t[ConfigKeys.ReportEcoS] = SettingDefinition.Int("report.eco_s", 60, 1, 86400, "s", Open,
                "telemetry period in eco mode");
            t[ConfigKeys.ReportSleepS] = SettingDefinition.Int("report.sleep_s", 900, 60, 86400, "s", Open,
                "wake-up and report period in sleep mode");

            t[ConfigKeys.VibRateHz] = SettingDefinition.Choice("vib.rate_hz", "3200",
                new string[] { "100", "200", "400", "800", "1600", "3200" }, "Hz", Open, "accelerometer output data rate");
            t[ConfigKeys.VibRangeG] = SettingDefinition.Choice("vib.range_g", "16", new string[] { "2", "4", "8", "16" }, "g",
                Open, "accelerometer range (full resolution: 3.9 milli-g per count at every range)");
            t[ConfigKeys.IsoGroup] = SettingDefinition.Choice("iso.group", "2", new string[] { "1", "2" }, "", Open,
                "ISO 10816-3 machine group: 1 above 300 kW, 2 from 15 to 300 kW");
            t[ConfigKeys.IsoFoundation] = SettingDefinition.Choice("iso.foundation", "rigid",
                new string[] { "rigid", "flexible" }, "", Open, "ISO 10816-3 support class");

            t[ConfigKeys.TempMaxC] = SettingDefinition.Int("temp.max_c", 80, -50, 500, "°C", Open,
                "temperature alarm limit");
            t[ConfigKeys.TempWarmupS] = SettingDefinition.Int("temp.warmup_s", 2700, 0, 86400, "s", Open,
                "running time after a start before the temperature baseline learns (3 bearing time constants)");
            t[ConfigKeys.CurrentMaxMa] = SettingDefinition.Int("current.max_ma", 30000, 1, 200000, "mA", Open,
                "current alarm limit (RMS)");

            t[ConfigKeys.MachineRunMa] = SettingDefinition.Int("machine.run_ma", 1000, 0, 200000, "mA", Open,
                "current at or above which the machine runs");
            t[ConfigKeys.MachineOffMa] = SettingDefinition.Int("machine.off_ma", 200, 0, 200000, "mA", Open,
                "current below which the machine may be off", "machine.run_ma");
            // Both sit above the ADXL345's own noise at 3200 Hz, which a still machine shows as vibration: 0.75 LSB RMS
            // (x, y) and 1.1 LSB (z) at 100 Hz, rising by √2 per doubling of the rate (data sheet Rev. G, "Noise
            // Performance"), so about 4.2 and 6.2 LSB of 3.9 mg: 17 and 24 mg RMS.
            t[ConfigKeys.MachineRunMg] = SettingDefinition.Int("machine.run_mg", 80, 0, 16000, "mg", Open,
                "vibration at or above which the machine runs");
            t[ConfigKeys.MachineOffMg] = SettingDefinition.Int("machine.off_mg", 40, 0, 16000, "mg", Open,
                "vibration below which the machine may be off", "machine.run_mg");
            t[ConfigKeys.MachineDebounce] = SettingDefinition.Int("machine.debounce", 3, 1, 60, "windows", Open,
                "windows that must agree before the machine state changes");
            t[ConfigKeys.MachineDwellS] = SettingDefinition.Int("machine.dwell_s", 10, 0, 3600, "s", Open,
                "minimum time in a machine state");

            t[ConfigKeys.AnomalyWatch] = SettingDefinition.Int("anomaly.watch", 50, 1, 100, "%", Open,
                "anomaly score that raises watch", "anomaly.alarm");
            t[ConfigKeys.AnomalyAlarm] = SettingDefinition.Int("anomaly.alarm", 75, 1, 100, "%", Open,
                "anomaly score that raises alarm");
            t[ConfigKeys.AnomalyLearnWindows] = SettingDefinition.Int("anomaly.learn_windows", 120, 2, 100000, "windows", Open,
                "running windows learned as the baseline");

            t[ConfigKeys.PowerEcoAfterS] = SettingDefinition.Int("power.eco_after_s", 60, 0, 86400, "s", Open,
                "idle time before eco mode");
            t[ConfigKeys.PowerSleepAfterS] = SettingDefinition.Int("power.sleep_after_s", 600, 0, 86400, "s", Open,
                "off time before sleep mode");
            t[ConfigKeys.PowerSleepEnabled] = SettingDefinition.Bool("power.sleep_enabled", false, Open,
                "use sleep mode while the machine is off (battery nodes)");
            t[ConfigKeys.PowerAwakeMaxS] = SettingDefinition.Int("power.awake_max_s", 120, 10, 3600, "s", Open,
                "longest time awake in sleep mode while the network is down");
            t[ConfigKeys.PowerHeartbeatS] = SettingDefinition.Int("power.heartbeat_s", 3600, 60, 86400, "s", Open,
                "sleep mode: a wake with nothing new publishes only when the last report is this old");

            t[ConfigKeys.HaDiscovery] = SettingDefinition.Bool("ha.discovery", true, Open, "publish Home Assistant discovery");
            return t;
        }
    }
}
