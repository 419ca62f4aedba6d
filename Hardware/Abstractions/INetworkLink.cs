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
    }
}
