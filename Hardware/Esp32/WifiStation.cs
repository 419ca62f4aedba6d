using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace SensorNode.Hardware.Esp32
{
    /// <summary>
    /// Joins the Wi-Fi network of wifi.ssid / wifi.password as a DHCP station and waits for an address and the time
    /// (SNTP), bounded by a timeout, so that a node whose network is down still boots and runs offline.
    /// </summary>
    public static class WifiStation
    {
        /// <summary>
        /// Connects (the ESP32 reconnects by itself afterwards: <c>WifiReconnectionKind.Automatic</c>). Returns false
        /// with <paramref name="failure"/> saying why when there is no SSID, or no address and time within
        /// <paramref name="timeoutMs"/>. Never throws for network trouble.
        /// </summary>
        public static bool Connect(string ssid, string password, int timeoutMs, out string failure)
        {
            failure = "";
            if (ssid == null || ssid.Length == 0)
            {
                failure = "no network: wifi.ssid is empty";
                return false;
            }

            try
            {
                CancellationTokenSource timeout = new CancellationTokenSource(timeoutMs);
                if (WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, true, 0, timeout.Token))
                {
                    return true;
                }

                Exception why = WifiNetworkHelper.HelperException;
                failure = "Wi-Fi '" + ssid + "' not joined within " + timeoutMs + " ms (helper status "
                    + (int)WifiNetworkHelper.Status + (why == null ? ")" : "): " + why.Message);
            }
            catch (Exception ex)
            {
                failure = "Wi-Fi '" + ssid + "': " + ex.Message;
            }

            return false;
        }
    }
}
