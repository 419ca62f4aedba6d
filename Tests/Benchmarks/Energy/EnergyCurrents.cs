namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// The currents and fixed costs the energy model multiplies the firmware's recorded times by, each with its source.
    /// Currents at 3.3 V, mA. Where a datasheet gives a range the choice is stated; the assumptions (not datasheet
    /// figures) are marked as such and are what a measurement on the board should replace first.
    /// </summary>
    internal static class EnergyCurrents
    {
        // ---- ESP32 (Espressif, "ESP32 Series Datasheet" v4.x, section "Current Consumption": table "Current
        // Consumption Depending on RF Modes" and table "Current Consumption Depending on Work Modes"). ----

        /// <summary>
        /// CPU running, radio off ("Modem-sleep", CPU at 240 MHz: 30–68 mA; the low end is the CPU idle in WAITI, the high
        /// end both cores busy). The stock nanoFramework ESP32_REV0 image runs at a fixed 240 MHz
        /// (nf-interpreter targets/ESP32/_IDF/sdkconfig.default_nopsram.esp32: CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ_240; power
        /// management is compiled in but esp_pm_configure is never called, so no frequency scaling). During a burst the
        /// interpreter keeps core 1 busy with the FIFO batches most of each 10 ms tick and core 0 idles, so the middle of
        /// the range is used; 68 mA is the conservative bound (see the sensitivity lines).
        /// </summary>
        public const double CpuAwakeMa = 50;

        /// <summary>Radio receiving or listening, whole chip ("Rx 802.11b/g/n": 95–100 mA; the upper value).</summary>
        public const double RadioListenTotalMa = 100;

        /// <summary>Radio transmitting, whole chip ("Tx 802.11b, 1 Mbps, @19.5 dBm": 240 mA, the highest TX figure).</summary>
        public const double RadioTransmitTotalMa = 240;

        /// <summary>
        /// Joined in 802.11 power save (DTIM1) with the CPU idle at 160 MHz, no frequency scaling: 31.12 mA average
        /// (ESP-IDF Programming Guide, "Low Power Mode in Wi-Fi Scenarios", ESP32 summary table, Modem-sleep, DTIM1). Used
        /// for the gaps between eco bursts: ESP-IDF refuses light sleep while Wi-Fi is on, so the device layer idles instead
        /// (Hardware/Esp32/Esp32SleepControl).
        /// </summary>
        public const double RadioPowerSaveIdleTotalMa = 31.12;

        /// <summary>
        /// What power save adds to a busy CPU: the same table's DTIM1 average (31.12 mA) over its minimum (27.18 mA, the
        /// CPU idle with the radio asleep), about 4 mA.
        /// </summary>
        public const double RadioPowerSaveExtraMa = 31.12 - 27.18;

        /// <summary>Light-sleep ("Light-sleep": 0.8 mA).</summary>
        public const double LightSleepMa = 0.8;

        /// <summary>Deep-sleep with the RTC timer and RTC memory ("Deep-sleep, RTC timer + RTC memory": 10 µA).</summary>
        public const double DeepSleepMa = 0.010;

        /// <summary>
        /// ASSUMPTION: time from a deep-sleep wake (or power-on) to the firmware's first tick, at <see cref="CpuAwakeMa"/>.
        /// No measurement of a nanoFramework boot is published. The ESP-IDF part with the stock image's defaults (full
        /// image check on every wake, bootloader logs at INFO, DIO flash at 40 MHz) is about 300–450 ms: 361 ms of
        /// bootloader with the check on an ESP32 against 45 ms without (toitware/esp-idf PR #14); about 300 ms unoptimised
        /// (Espressif Techpedia, "ESP Chip Startup Time Optimization"). The rest is nanoCLR's start (heap clear, littlefs
        /// mount, assembly load and type resolution) and is unmeasured: 1000 ms leaves it about 550 ms. Measure it on the
        /// board (a GPIO toggled at Main, on a scope, from the wake).
        /// </summary>
        public const double BootMs = 1000;

        /// <summary>
        /// ASSUMPTION: a Wi-Fi join (scan of the known channel, association, WPA2 handshake, DHCP, SNTP) with a responsive
        /// access point, radio listening throughout. The energy harness's network takes this long to come up, so it is in
        /// the recorded radio time, not added here. No TLS (mqtt.tls off); a TLS handshake adds 1–2 s of CPU.
        /// </summary>
        public const long WifiJoinMs = 1500;

        /// <summary>ASSUMPTION: bytes of MQTT, TCP/IP and 802.11 framing added to each publish on the air.</summary>
        public const int FramingBytesPerMessage = 100;

        /// <summary>ASSUMPTION: PHY rate for the airtime, bit/s: 1 Mbps, the rate the 240 mA TX figure is given at.</summary>
        public const double PhyBitsPerSecond = 1e6;

        // ---- Sensors ----

        /// <summary>
        /// ADXL345 measuring at 3200 Hz: 140 µA (Analog Devices ADXL345 data sheet Rev. G, Table 7 "Typical Current
        /// Consumption vs. Data Rate", VS = 2.5 V; 140 µA from 100 Hz up).
        /// </summary>
        public const double Adxl345MeasureMa = 0.140;

        /// <summary>ADXL345 in standby: 0.1 µA (same data sheet, Features: "0.1 µA in standby mode at VS = 2.5 V").</summary>
        public const double Adxl345StandbyMa = 0.0001;

        /// <summary>
        /// MAX31865 supply current while powered: 3.5 mA maximum (Maxim MAX31865 data sheet 19-6478 Rev 3, Electrical
        /// Characteristics, "Supply Current" IDD; TO VERIFY against the PDF: the figure is the maximum, typical is lower).
        /// The part has no shutdown mode, so its supply is switched off with the sensors (see
        /// <see cref="RailEnablePullDownMa"/>).
        /// </summary>
        public const double Max31865SupplyMa = 3.5;

        /// <summary>
        /// MAX31865 bias while a conversion runs: VBIAS 2.0 V across R_REF + RTD (430 Ω + about 110 Ω) = 3.7 mA, on for
        /// the 10 ms input settling plus the 66 ms one-shot conversion at 50 Hz (the driver's OneShot mode, which a
        /// battery node uses; in Automatic mode the bias stays on).
        /// </summary>
        public const double Max31865BiasMa = 2.0 / 540 * 1000;

        /// <summary>Bias-on time per temperature reading in OneShot mode, ms.</summary>
        public const double Max31865BiasMsPerReading = 76;

        /// <summary>
        /// The CT clamp's bias divider (R1 15 kΩ + R2 10 kΩ from 3V3, Drivers/CurrentClamp/README): 3.3 V / 25 kΩ = 132 µA
        /// whenever it is powered.
        /// </summary>
        public const double ClampBiasMa = 3.3 / 25;

        /// <summary>
        /// INA219 (optional supply monitor, not on the default board): 1 mA maximum quiescent (0.7 typical) in
        /// continuous conversion, 15 µA maximum (6 typical) in power-down (TI INA219 data sheet SBOS448, Electrical
        /// Characteristics, "Quiescent current"). Printed for reference, not in the totals.
        /// </summary>
        public const double Ina219ActiveMa = 1.0;

        /// <summary>INA219 power-down, maximum (see <see cref="Ina219ActiveMa"/>).</summary>
        public const double Ina219PowerDownMa = 0.015;

        /// <summary>
        /// The sensor rail's enable pull-down while the rail is on: 3.3 V across 10 kΩ (Hardware/Esp32/README.md, "Sensor
        /// rail"). The MAX31865 and the CT bias divider sit on that rail, switched off with the sensors
        /// (<c>ISensorPower</c>); the ADXL345 also goes to standby by register first. The "days*" column is a board without
        /// the rail (the Olimex ESP32-POE-ISO has no free pin for it).
        /// </summary>
        public const double RailEnablePullDownMa = 3.3 / 10;

        /// <summary>The battery: one 3.6 Ah cell (e.g. a Li-SOCl2 D cell), used to the last mAh (no derating).</summary>
        public const double BatteryMah = 3600;
    }
}
