using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace SensorNode.Hardware.Esp32
{
    /// <summary>
    /// Joins the Wi-Fi network of wifi.ssid / wifi.password as a station and waits for an address and the time (SNTP),
    /// bounded by a timeout, so that a node whose network is down still boots and runs offline. Writes no configuration.
    /// </summary>
    /// <remarks>
    /// <para>It calls <see cref="WifiAdapter.Connect(string, WifiReconnectionKind, string)"/> with
    /// <see cref="WifiReconnectionKind.Automatic"/> directly instead of <c>WifiNetworkHelper.ConnectDhcp</c>, which saved
    /// the station block and the network block (<c>EnableDhcp</c>) on every call, and so on every retry. The ESP32 native
    /// connect (nf-interpreter targets/ESP32/_common/Target_Network.cpp, Network_Interface_Start_Connect) receives the
    /// reconnection kind as its option flags, where 1 means "save the configuration": <c>Manual</c> (1) stores the block
    /// with AutoConnect set, <c>Automatic</c> (0) stores nothing. The boot-time block is <see cref="WifiBootConfiguration"/>'s
    /// business.</para>
    /// <para>After a loss the ESP32 reconnects by itself with either kind, until <see cref="Leave"/>: the native event
    /// handler calls esp_wifi_connect on every station disconnect while a connect is wanted
    /// (targets/ESP32/_common/targetHAL_Network.cpp, WIFI_EVENT_STA_DISCONNECTED).</para>
    /// <para>When the native startup already began joining this SSID (<see cref="WifiBootConfiguration.BootJoinSsid"/>), the
    /// first join waits for that one instead of restarting it; the native connect would disconnect and begin again.</para>
    /// <para>Addressing follows the stored network block (DHCP, which <see cref="WifiBootConfiguration.Apply"/> ensures).</para>
    /// </remarks>
    public sealed class WifiStation
    {
        /// <summary>Poll interval while waiting for an address or the time, ms.</summary>
        public const int PollMs = 200;

        // SNTP has set the clock once it reads this year or later (WifiNetworkHelper's test).
        private const int FirstValidYear = 2021;

        private readonly string ssid;
        private readonly string password;
        private readonly object sync = new object();
        private bool bootJoinPending;
        private WifiAdapter adapter;

        /// <summary>A station for <paramref name="ssid"/>; <paramref name="boot"/> tells what the native startup did.</summary>
        public WifiStation(string ssid, string password, WifiBootConfiguration boot)
        {
            this.ssid = ssid == null ? "" : ssid;
            this.password = password == null ? "" : password;
            bootJoinPending = this.ssid.Length > 0 && boot.BootJoinSsid == this.ssid;
        }

        /// <summary>
        /// Joins and waits for an address and the time; the radio must have been started at this boot
        /// (<see cref="WifiBootConfiguration.RadioStartedThisBoot"/>). Returns false with <paramref name="failure"/> saying
        /// why when there is no SSID or no address and time came within <paramref name="timeoutMs"/>. Never throws for
        /// network trouble.
        /// </summary>
        public bool Join(int timeoutMs, out string failure)
        {
            failure = "";
            if (ssid.Length == 0)
            {
                failure = "no network: wifi.ssid is empty";
                return false;
            }

            try
            {
                long deadlineMs = NowMs() + timeoutMs;
                bool waitForBootJoin;
                lock (sync)
                {
                    waitForBootJoin = bootJoinPending;
                    bootJoinPending = false;
                }

                if (!waitForBootJoin && !HasAddress())
                {
                    WifiConnectionStatus status = Adapter().Connect(ssid, WifiReconnectionKind.Automatic, password).ConnectionStatus;
                    if (status != WifiConnectionStatus.Success)
                    {
                        failure = "Wi-Fi '" + ssid + "' not joined (connection status " + (int)status + ")";
                        return false;
                    }
                }

                while (!HasAddress())
                {
                    if (NowMs() >= deadlineMs)
                    {
                        failure = "Wi-Fi '" + ssid + "': no address within " + timeoutMs + " ms";
                        return false;
                    }

                    Thread.Sleep(PollMs);
                }

                while (DateTime.UtcNow.Year < FirstValidYear)
                {
                    if (NowMs() >= deadlineMs)
                    {
                        failure = "Wi-Fi '" + ssid + "': no time from SNTP within " + timeoutMs + " ms";
                        return false;
                    }

                    Thread.Sleep(PollMs);
                }

                return true;
            }
            catch (Exception ex)
            {
                failure = "Wi-Fi '" + ssid + "': " + ex.Message;
                return false;
            }
        }

        /// <summary>Leaves the network and ends the native reconnection. Never throws.</summary>
        public void Leave()
        {
            try
            {
                lock (sync)
                {
                    bootJoinPending = false;
                }

                Adapter().Disconnect();
            }
            catch (Exception)
            {
                // No Wi-Fi adapter, or the radio was never started: nothing to leave.
            }
        }

        private WifiAdapter Adapter()
        {
            lock (sync)
            {
                if (adapter == null)
                {
                    adapter = WifiAdapter.FindAllAdapters()[0];
                }

                return adapter;
            }
        }

        // The station has an IPv4 address (WifiNetworkHelper's test: anything but 0.0.0.0).
        private static bool HasAddress()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    string address = interfaces[i].IPv4Address;
                    return address != null && address.Length > 0 && address[0] != '0';
                }
            }

            return false;
        }

        private static long NowMs()
        {
            return (long)HighResTimer.GetCurrent() / 1000;
        }
    }
}
