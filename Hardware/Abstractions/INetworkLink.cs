namespace SensorNode.Hardware
{
    /// <summary>The node's network link (Wi-Fi station on the device) as the power manager drives it.</summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item><see cref="Start"/> returns at once: joining (association, DHCP, time) goes on in the background and the link
    /// reconnects by itself after a loss until <see cref="Stop"/>. <see cref="IsUp"/> turns true once the node has an
    /// address. Calling Start while started does nothing.</item>
    /// <item>A node without network settings is not <see cref="IsConfigured"/>: Start does nothing and IsUp stays
    /// false, so a caller need not wait for it.</item>
    /// <item><see cref="SetPowerSave"/> selects the radio's power-save mode while associated (802.11 power save: the radio
    /// sleeps between beacons, the link stays up); it may be called at any time and applies from the next join on too.</item>
    /// <item>The radio at a restart: some platforms fix it before the firmware runs (the ESP32 starts and joins Wi-Fi
    /// from its stored configuration during boot, and a radio left off then cannot be started until the next restart).
    /// <see cref="RadioAvailable"/> says whether this boot has it; <see cref="SetRadioAtNextBoot"/> chooses for the next
    /// restart, for a node that deep-sleeps between wakes and only needs the radio on some of them. A platform whose radio
    /// is always there reads true and ignores the choice.</item>
    /// <item>Nothing throws for network trouble.</item>
    /// </list>
    /// </remarks>
    public interface INetworkLink
    {
        /// <summary>True when network settings exist, so that <see cref="Start"/> can succeed.</summary>
        bool IsConfigured { get; }

        /// <summary>True while joined with an address.</summary>
        bool IsUp { get; }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>: the radio is on (joining or joined).</summary>
        bool IsStarted { get; }

        /// <summary>Starts joining the network in the background; see the contract.</summary>
        void Start();

        /// <summary>Leaves the network and turns the radio off.</summary>
        void Stop();

        /// <summary>Radio power save while associated: true to sleep between beacons, false to listen all the time.</summary>
        void SetPowerSave(bool enabled);

        /// <summary>
        /// True when this boot has a radio: <see cref="Start"/> can join. False when the platform left it off at this
        /// boot (see the contract); Start then does nothing until a restart after <see cref="SetRadioAtNextBoot"/>(true).
        /// </summary>
        bool RadioAvailable { get; }

        /// <summary>
        /// Whether the next restart (a deep-sleep wake) starts with the radio, and on the ESP32 already joining while the
        /// firmware starts. Called before every deep sleep; may write flash, so an implementation writes only when the
        /// choice differs from what is stored. Ignored where the radio is always available. Returns false when the choice
        /// could not be stored (the next boot then has the radio as before); never throws.
        /// </summary>
        bool SetRadioAtNextBoot(bool available);
    }
}
