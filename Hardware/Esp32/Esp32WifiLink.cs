using System.Threading;

namespace SensorNode.Hardware.Esp32
{
    /// <summary>
    /// <see cref="INetworkLink"/> over the ESP32's Wi-Fi station: <see cref="Start"/> joins on a thread of its own
    /// (<see cref="WifiStation.Join"/>: DHCP and SNTP, bounded by <see cref="JoinTimeoutMs"/>) and tries again every
    /// <see cref="RetryMs"/> until it succeeds or <see cref="Stop"/> is called, so the node's loop never blocks on the
    /// network. Once joined, the ESP32 reconnects by itself after a loss until <see cref="Stop"/> (see
    /// <see cref="WifiStation"/>).
    /// </summary>
    /// <remarks>
    /// <para><b>Radio at boot.</b> Whether the radio runs at a boot is decided before managed code starts, by the stored
    /// station block (<see cref="WifiBootConfiguration"/>); <see cref="RadioAvailable"/> tells which, and
    /// <see cref="SetRadioAtNextBoot"/> chooses for the next boot (a block write only when the choice or the credentials
    /// differ from what is stored). When the native startup started the radio, it is already joining the stored network
    /// as the firmware starts: the link takes that join over at construction, so <see cref="IsStarted"/> reads true from
    /// the first call and <see cref="IsUp"/> turns true once that join has an address and the time (the first
    /// <see cref="WifiStation.Join"/> waits for it rather than restarting it when the stored SSID is wifi.ssid). On a boot
    /// without the radio, <see cref="Start"/> does nothing and records why in <see cref="LastFailure"/>. A node without
    /// usable settings (wifi.ssid empty, or credentials too long for the native block: <see cref="WifiBootConfiguration.Fits"/>)
    /// is not configured: it leaves a join the native startup began, and its next boots keep the radio off.</para>
    /// <para><b>Stop and the radio.</b> <see cref="Stop"/> disconnects and ends the native reconnection
    /// (<c>WifiAdapter.Disconnect</c>: esp_wifi_disconnect), but nanoFramework gives managed code no esp_wifi_stop: the
    /// Wi-Fi driver stays started, not associated, and the radio is not powered down by Stop itself. It is powered down by
    /// the deep sleep the power manager enters right after Stop (Sleep.StartDeepSleep shuts the CLR down first:
    /// nanoHAL_Uninitialize, Network_Uninitialize, Network_Interface_Close, NF_ESP32_Wireless_Close: esp_wifi_stop and
    /// esp_wifi_deinit, then esp_deep_sleep_start; nf-interpreter a3e8139). The power manager stops the link only there, so
    /// the energy model's "radio off after Stop" holds; a caller that stayed awake after Stop would keep the idle radio
    /// powered (its current is not measured). Start after Stop joins again within the same boot.</para>
    /// <para>Power save: nanoFramework 1.x has no call for <c>esp_wifi_set_ps</c>, so <see cref="SetPowerSave"/> only
    /// records the wish; ESP-IDF's default for a station, minimum modem sleep (the radio sleeps between DTIM beacons),
    /// applies in every mode. Light sleep is refused while the station runs (see <see cref="Esp32SleepControl"/>).</para>
    /// <para><see cref="IsUp"/> is the outcome of the last join; a link lost later reads as up until the broker connection
    /// fails, which the MQTT publisher handles with its back-off.</para>
    /// </remarks>
    public sealed class Esp32WifiLink : INetworkLink
    {
        /// <summary>Longest a join may take before it counts as failed, ms.</summary>
        public const int JoinTimeoutMs = 20000;

        /// <summary>Pause between failed joins while started, ms.</summary>
        public const int RetryMs = 30000;

        private readonly WifiStation station;
        private readonly WifiBootConfiguration boot;
        private readonly string ssid;
        private readonly string password;
        private readonly bool configured;
        private readonly object sync = new object();
        private bool started;
        private bool up;
        private bool joining;

        /// <summary>
        /// A link to <paramref name="ssid"/> (wifi.ssid; empty: not configured) with <paramref name="password"/>;
        /// <paramref name="boot"/> is what the native startup did with the radio at this boot. When it started the radio
        /// and the link is configured, the link is started already and joins in the background (see the remarks).
        /// </summary>
        public Esp32WifiLink(string ssid, string password, WifiBootConfiguration boot)
        {
            this.ssid = ssid == null ? "" : ssid;
            this.password = password == null ? "" : password;
            this.boot = boot;
            station = new WifiStation(this.ssid, this.password, boot);
            configured = this.ssid.Length > 0 && WifiBootConfiguration.Fits(this.ssid, this.password);
            LastFailure = configured || this.ssid.Length == 0
                ? ""
                : "wifi.ssid or wifi.password too long for the Wi-Fi configuration (31 and 63 UTF-8 bytes at most)";
            if (!boot.RadioStartedThisBoot)
            {
                return;
            }

            if (configured)
            {
                // The native startup is joining already: adopt it.
                started = true;
                joining = true;
                new Thread(Join).Start();
            }
            else
            {
                // It may be joining a network wifi.ssid no longer names.
                station.Leave();
            }
        }

        public bool IsConfigured => configured;

        public bool IsUp
        {
            get
            {
                lock (sync)
                {
                    return up;
                }
            }
        }

        public bool IsStarted
        {
            get
            {
                lock (sync)
                {
                    return started;
                }
            }
        }

        /// <summary>Power save last asked for (see the remarks: it changes nothing on nanoFramework 1.x).</summary>
        public bool PowerSave { get; private set; }

        /// <summary>Why the last join failed or could not start, "" after a success.</summary>
        public string LastFailure { get; private set; }

        /// <summary>True when the native startup started the radio at this boot.</summary>
        public bool RadioAvailable => boot.RadioStartedThisBoot;

        public void Start()
        {
            lock (sync)
            {
                if (started || !IsConfigured)
                {
                    return;
                }

                if (!RadioAvailable)
                {
                    LastFailure = "Wi-Fi radio off at this boot (chosen before the last deep sleep); it joins after a restart with it";
                    return;
                }

                started = true;
                if (joining)
                {
                    return;
                }

                joining = true;
            }

            new Thread(Join).Start();
        }

        public void Stop()
        {
            lock (sync)
            {
                started = false;
                up = false;
            }

            if (RadioAvailable)
            {
                station.Leave();
            }
        }

        public void SetPowerSave(bool enabled)
        {
            PowerSave = enabled;
        }

        /// <summary>
        /// Stores whether the next boot starts the radio and joins wifi.ssid while the firmware starts; a link that is not
        /// configured always stores radio off. Writes the station block only when it differs; never throws (a block that
        /// cannot be stored leaves the next boot as the block was).
        /// </summary>
        public bool SetRadioAtNextBoot(bool available)
        {
            return boot.Apply(available && configured, ssid, password);
        }

        private void Join()
        {
            while (true)
            {
                string failure;
                bool ok = station.Join(JoinTimeoutMs, out failure);
                lock (sync)
                {
                    LastFailure = failure;
                    if (ok || !started)
                    {
                        if (ok && !started)
                        {
                            // Stop came while the connect was under way: leave again, or the ESP32 stays joined.
                            station.Leave();
                        }

                        up = ok && started;
                        joining = false;
                        return;
                    }
                }

                Thread.Sleep(RetryMs);
                lock (sync)
                {
                    if (!started)
                    {
                        joining = false;
                        return;
                    }
                }
            }
        }
    }
}
