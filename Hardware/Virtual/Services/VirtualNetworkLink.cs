using System;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// <see cref="INetworkLink"/> of the virtual node: joins when <see cref="Reachable"/>, at once or after a set join time
    /// (the energy harness's Wi-Fi association, DHCP and SNTP), and counts starts so tests and the energy harness can see
    /// when the firmware brought the network up. The
    /// radio at a restart follows the ESP32: on or off as the last boot chose, joining during the boot when on
    /// (<see cref="Reboot"/>).
    /// The MQTT connection itself is the publisher's business on its own thread. Joining sets the world's wall time when it
    /// is still unknown, as SNTP does after the device's Wi-Fi join, from <see cref="WorldEpochUnixMs"/>.
    /// </summary>
    public sealed class VirtualNetworkLink : INetworkLink
    {
        /// <summary>Wall time at world time 0 when the first join sets the clock: 2026-01-01T00:00Z, Unix ms.</summary>
        public const long WorldEpochUnixMs = 1767225600000;

        private readonly VirtualClock _world;
        private readonly long _joinMs;
        private volatile bool _started;
        private long _startedAtMs;

        /// <param name="configured">Whether the node has network settings (a broker to talk to).</param>
        /// <param name="world">The world's clock, whose wall time a join sets; null to leave wall time alone.</param>
        public VirtualNetworkLink(bool configured, VirtualClock world)
            : this(configured, world, 0)
        {
        }

        /// <param name="configured">Whether the node has network settings (a broker to talk to).</param>
        /// <param name="world">The world's clock: it times the join and a join sets its wall time.</param>
        /// <param name="joinMs">World time from a start to the link being up while reachable, ms (the radio listens meanwhile).</param>
        public VirtualNetworkLink(bool configured, VirtualClock world, long joinMs)
        {
            if (joinMs < 0 || (joinMs > 0 && world == null))
            {
                throw new ArgumentOutOfRangeException(nameof(joinMs));
            }

            IsConfigured = configured;
            Reachable = true;
            _world = world;
            _joinMs = joinMs;
        }

        public bool IsConfigured { get; }

        /// <summary>Whether the access point answers; false simulates a Wi-Fi outage.</summary>
        public bool Reachable { get; set; }

        public bool IsUp
        {
            get
            {
                if (_joinMs == 0)
                {
                    return _started && Reachable;
                }

                bool up = _started && Reachable && _world.MonotonicMs - _startedAtMs >= _joinMs;
                if (up)
                {
                    SetWallTimeOnce();
                }

                return up;
            }
        }

        public bool IsStarted => _started;

        /// <summary>Whether power save was asked for last.</summary>
        public bool PowerSave { get; private set; }

        /// <summary>Starts since construction.</summary>
        public int Starts { get; private set; }

        public void Start()
        {
            if (!_started && IsConfigured && RadioAvailable)
            {
                _started = true;
                _startedAtMs = _world == null ? 0 : _world.MonotonicMs;
                Starts++;
                if (Reachable && _joinMs == 0)
                {
                    SetWallTimeOnce();
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

        /// <summary>Whether this boot has the radio: as the previous boot chose (true at the first power-on).</summary>
        public bool RadioAvailable { get; private set; } = true;

        /// <summary>The next boot's radio as the power manager last chose it.</summary>
        public bool RadioAtNextBoot { get; private set; } = true;

        /// <summary>Times that choice changed: what the ESP32 writes to its configuration flash for it.</summary>
        public int RadioChoiceWrites { get; private set; }

        public bool SetRadioAtNextBoot(bool available)
        {
            if (available != RadioAtNextBoot)
            {
                RadioChoiceWrites++;
            }

            RadioAtNextBoot = available;
            return true;
        }

        // As SNTP after the device's first join: the world's wall time, if nothing set it yet.
        private void SetWallTimeOnce()
        {
            if (_world != null && !_world.TryGetUnixTimeMs(out _))
            {
                _world.SetUnixTimeMs(WorldEpochUnixMs + _world.MonotonicMs);
            }
        }

        /// <summary>
        /// The chip restarts: the radio is what the last choice said, and when it is on the join starts during the boot,
        /// before the firmware runs, as the ESP32's stored Wi-Fi configuration does.
        /// </summary>
        public void Reboot()
        {
            _started = false;
            RadioAvailable = RadioAtNextBoot;
            Start();
        }
    }
}
