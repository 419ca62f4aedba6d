using System;
using System.Net.NetworkInformation;

namespace SensorNode.Hardware.Esp32
{
    /// <summary>
    /// The Wi-Fi station block in nanoFramework's configuration storage (<see cref="Wireless80211Configuration"/>). The
    /// native startup reads it before managed code runs, so it, not the app, decides whether the radio runs at a boot.
    /// <see cref="Read"/> tells what this boot got; <see cref="Apply"/> sets what the next boots get, and writes flash only
    /// when the block differs.
    /// </summary>
    /// <remarks>
    /// <para><b>Native startup</b> (nanoframework/nf-interpreter, targets/ESP32/_Network/NF_ESP32_Wireless.cpp:
    /// NF_ESP32_CheckExpectedWifiMode, NF_ESP32_InitaliseWifi, NF_ESP32_Wireless_Open; run at every boot by
    /// nanoHAL_Initialize, Network_Initialize, then Network_Interface_Open for each interface):</para>
    /// <list type="bullet">
    /// <item>Options with the Enable bit (0x02: Enable, AutoConnect 0x06 and SmartConfig 0x0A all carry it): esp_wifi_init
    /// and esp_wifi_start at every boot. With an SSID stored it also calls esp_wifi_connect, because it tests
    /// <c>Options &amp; AutoConnect</c>, which is true for Enable alone. Nothing in that firmware starts SmartConfig.</item>
    /// <item>Options without the Enable bit (None, Disable): Wi-Fi is not initialised, and the radio stays off for the whole
    /// boot. Nothing initialises it later: <c>WifiAdapter.Connect</c> goes to esp_wifi_set_config, which fails while Wi-Fi
    /// is not initialised (targets/ESP32/_common/Target_Network.cpp, Network_Interface_Start_Connect). A station disabled
    /// at boot therefore cannot join before the next boot.</item>
    /// <item>The factory default is AutoConnect | Enable | SmartConfig (targets/ESP32/_common/
    /// targetHAL_ConfigurationManager.cpp, InitialiseWirelessDefaultConfig).</item>
    /// </list>
    /// <para><b>Flash wear.</b> The ESP32 configuration manager rewrites a block on every save, even an unchanged one
    /// (ConfigurationManager_UpdateConfigurationBlock in the same file). The block is a file in the littlefs partition
    /// "config" (targets/ESP32/_common/targetHAL_ConfigStorageLittlefs.c), the same 256 KB partition the app sees as I:.
    /// A sleeping node boots about 100 times a day, so <see cref="Apply"/> compares the block first and writes only when
    /// it differs: the radio choice changes at most twice per heartbeat (see Hardware/Esp32/README.md, Wi-Fi at boot).</para>
    /// <para>Checked against nf-interpreter a3e8139 and System.Net 1.11.54
    /// (nanoFramework.System.Net/NetworkInformation/Wireless80211Configuration.cs).</para>
    /// </remarks>
    public sealed class WifiBootConfiguration
    {
        private const Wireless80211Configuration.ConfigurationOptions EnableBit = Wireless80211Configuration.ConfigurationOptions.Enable;
        private const Wireless80211Configuration.ConfigurationOptions AutoConnect = Wireless80211Configuration.ConfigurationOptions.AutoConnect;
        private const Wireless80211Configuration.ConfigurationOptions DisableBit = Wireless80211Configuration.ConfigurationOptions.Disable;

        // The native block's text fields, terminator included (nanoHAL_Network.h): the SSID and the password hold at most
        // 31 and 63 UTF-8 bytes; the native save refuses longer ones (CLR_E_INVALID_PARAMETER).
        private const int SsidFieldBytes = 32;
        private const int PasswordFieldBytes = 64;

        private readonly NetworkInterface station;

        private WifiBootConfiguration(NetworkInterface station, Wireless80211Configuration block)
        {
            this.station = station;
            RadioStartedThisBoot = block != null && (block.Options & EnableBit) != 0;
            bool joins = RadioStartedThisBoot && (block.Options & DisableBit) == 0 && block.Ssid != null;
            BootJoinSsid = joins ? block.Ssid : "";
        }

        /// <summary>
        /// True when the native startup initialised and started Wi-Fi at this boot (the block had the Enable bit); false
        /// when the radio stays off until the next boot.
        /// </summary>
        public bool RadioStartedThisBoot { get; }

        /// <summary>The SSID the native startup began joining at this boot, "" when it joined none.</summary>
        public string BootJoinSsid { get; }

        /// <summary>
        /// The block as the native startup found it at this boot. Call before anything writes it. A firmware without a
        /// Wi-Fi station reads as radio off.
        /// </summary>
        public static WifiBootConfiguration Read()
        {
            NetworkInterface station = FindStation();
            return new WifiBootConfiguration(station, station == null ? null : FindBlock(station.SpecificConfigId));
        }

        /// <summary>
        /// Makes the next boots start the radio and join <paramref name="ssid"/> with <paramref name="password"/>
        /// (<paramref name="radioAtBoot"/> true; the station also gets DHCP), or keep the radio off (false; the stored
        /// credentials stay). Writes only what differs. Returns true when the block now asks for
        /// <paramref name="radioAtBoot"/> (read back after a write), false when it could not be stored; never throws.
        /// </summary>
        public bool Apply(bool radioAtBoot, string ssid, string password)
        {
            if (station == null)
            {
                return !radioAtBoot;
            }

            if (ssid == null)
            {
                ssid = "";
            }

            if (password == null)
            {
                password = "";
            }

            try
            {
                Wireless80211Configuration block = FindBlock(station.SpecificConfigId);
                if (block == null)
                {
                    return false;
                }

                if (!Matches(block, radioAtBoot, ssid, password))
                {
                    if (radioAtBoot)
                    {
                        block.Options = (block.Options | AutoConnect) & ~DisableBit;
                        block.Ssid = ssid;
                        block.Password = password;
                    }
                    else
                    {
                        block.Options = DisableBit;
                    }

                    block.SaveConfiguration();
                    block = FindBlock(station.SpecificConfigId);
                    if (block == null || !Matches(block, radioAtBoot, ssid, password))
                    {
                        return false;
                    }
                }

                // WifiNetworkHelper.ConnectDhcp set DHCP on every join (a network block write each time); once is enough.
                if (radioAtBoot && !station.IsDhcpEnabled)
                {
                    station.EnableDhcp();
                }

                return true;
            }
            catch (Exception)
            {
                // Credentials the native block cannot hold (see Fits) or a storage failure.
                return false;
            }
        }

        /// <summary>
        /// True when <paramref name="ssid"/> and <paramref name="password"/> fit the native block (31 and 63 UTF-8 bytes at
        /// most); the native connect copies them into the same fields, so credentials that do not fit cannot join either.
        /// </summary>
        public static bool Fits(string ssid, string password)
        {
            return Utf8Bytes(ssid) < SsidFieldBytes && Utf8Bytes(password) < PasswordFieldBytes;
        }

        private static int Utf8Bytes(string text)
        {
            if (text == null)
            {
                return 0;
            }

            int bytes = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    bytes += 1;
                }
                else if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
                {
                    // Two bytes, or half of a surrogate pair's four.
                    bytes += 2;
                }
                else
                {
                    bytes += 3;
                }
            }

            return bytes;
        }

        private static bool Matches(Wireless80211Configuration block, bool radioAtBoot, string ssid, string password)
        {
            if (!radioAtBoot)
            {
                return (block.Options & EnableBit) == 0;
            }

            return (block.Options & AutoConnect) == AutoConnect && (block.Options & DisableBit) == 0
                && block.Ssid == ssid && block.Password == password;
        }

        // The ESP32's station is its first network interface (the native startup reads interface 0's block).
        private static NetworkInterface FindStation()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return interfaces[i];
                }
            }

            return null;
        }

        // The block whose Id the interface names, as the native ConfigurationManager_GetWirelessConfigurationFromId finds it.
        private static Wireless80211Configuration FindBlock(uint id)
        {
            Wireless80211Configuration[] blocks = Wireless80211Configuration.GetAllWireless80211Configurations();
            for (int i = 0; i < blocks.Length; i++)
            {
                if (blocks[i].Id == id)
                {
                    return blocks[i];
                }
            }

            return null;
        }
    }
}
