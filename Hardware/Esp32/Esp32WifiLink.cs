using System;
using System.Threading;
using nanoFramework.Networking;

namespace SensorNode.Hardware.Esp32
{
    /// <summary>
    /// <see cref="INetworkLink"/> over the ESP32's Wi-Fi station: <see cref="Start"/> joins on a thread of its own
    /// (<see cref="WifiStation.Connect"/>: DHCP and SNTP, bounded by <see cref="JoinTimeoutMs"/>) and tries again every
    /// <see cref="RetryMs"/> until it succeeds or <see cref="Stop"/> is called, so the node's loop never blocks on the
    /// network. Once joined, ESP-IDF reconnects by itself after a loss (<c>WifiReconnectionKind.Automatic</c>).
    /// </summary>
    /// <remarks>
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

        private readonly string ssid;
        private readonly string password;
        private readonly object sync = new object();
        private bool started;
        private bool up;
        private bool joining;

        /// <summary>A link to <paramref name="ssid"/> (wifi.ssid; empty: not configured) with <paramref name="password"/>.</summary>
        public Esp32WifiLink(string ssid, string password)
        {
            this.ssid = ssid == null ? "" : ssid;
            this.password = password == null ? "" : password;
            LastFailure = "";
        }

        public bool IsConfigured => ssid.Length > 0;

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

        /// <summary>Why the last join failed, "" after a success.</summary>
        public string LastFailure { get; private set; }

        public void Start()
        {
            lock (sync)
            {
                if (started || !IsConfigured)
                {
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

            try
            {
                WifiNetworkHelper.Disconnect();
            }
            catch (Exception)
            {
                // Nothing to leave: the radio was not joined.
            }
        }

        public void SetPowerSave(bool enabled)
        {
            PowerSave = enabled;
        }

        private void Join()
        {
            while (true)
            {
                string failure;
                bool ok = WifiStation.Connect(ssid, password, JoinTimeoutMs, out failure);
                lock (sync)
                {
                    LastFailure = failure;
                    if (ok || !started)
                    {
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
