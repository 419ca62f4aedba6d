namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// <see cref="INetworkLink"/> of the virtual node: joins at once when <see cref="Reachable"/> (there is no radio to
    /// wait for), and counts starts so tests and the energy harness can see when the firmware brought the network up.
    /// The MQTT connection itself is the publisher's business on its own thread. Joining sets the world's wall time when it
    /// is still unknown, as SNTP does after the device's Wi-Fi join, from <see cref="WorldEpochUnixMs"/>.
    /// </summary>
    public sealed class VirtualNetworkLink : INetworkLink
    {
        /// <summary>Wall time at world time 0 when the first join sets the clock: 2026-01-01T00:00Z, Unix ms.</summary>
        public const long WorldEpochUnixMs = 1767225600000;

        private readonly VirtualClock _world;
        private volatile bool _started;

        /// <param name="configured">Whether the node has network settings (a broker to talk to).</param>
        /// <param name="world">The world's clock, whose wall time a join sets; null to leave wall time alone.</param>
        public VirtualNetworkLink(bool configured, VirtualClock world)
        {
            IsConfigured = configured;
            Reachable = true;
            _world = world;
        }

        public bool IsConfigured { get; }

        /// <summary>Whether the access point answers; false simulates a Wi-Fi outage.</summary>
        public bool Reachable { get; set; }

        public bool IsUp => _started && Reachable;

        public bool IsStarted => _started;

        /// <summary>Whether power save was asked for last.</summary>
        public bool PowerSave { get; private set; }

        /// <summary>Starts since construction.</summary>
        public int Starts { get; private set; }

        public void Start()
        {
            if (!_started && IsConfigured)
            {
                _started = true;
                Starts++;
                if (Reachable && _world != null && !_world.TryGetUnixTimeMs(out _))
                {
                    _world.SetUnixTimeMs(WorldEpochUnixMs + _world.MonotonicMs);
                }
            }
        }

        public void Stop()
        {
            _started = false;
        }

        public void SetPowerSave(bool enabled)
        {
            PowerSave = enabled;
        }
    }
}
