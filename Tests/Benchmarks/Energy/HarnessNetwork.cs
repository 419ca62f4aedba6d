using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// The energy harness's Wi-Fi: up <see cref="EnergyCurrents.WifiJoinMs"/> after a start (the radio listens meanwhile,
    /// which the power manager records), sets the world's wall time at the first join as SNTP would, and can be made
    /// unreachable. Its radio at a restart follows the ESP32 (<see cref="Reboot"/>); the join of a boot with the radio is
    /// counted from the firmware's first tick, not overlapped with the boot, which errs on the high side.
    /// </summary>
    internal sealed class HarnessNetwork : INetworkLink
    {
        private readonly VirtualClock world;
        private long startedAtMs = -1;

        public HarnessNetwork(VirtualClock world)
        {
            this.world = world;
        }

        public bool Reachable { get; set; } = true;

        public bool IsConfigured => true;

        public bool IsStarted => startedAtMs >= 0;

        public bool IsUp
        {
            get
            {
                bool up = startedAtMs >= 0 && Reachable && world.MonotonicMs - startedAtMs >= EnergyCurrents.WifiJoinMs;
                if (up && !world.TryGetUnixTimeMs(out _))
                {
                    world.SetUnixTimeMs(VirtualNetworkLink.WorldEpochUnixMs + world.MonotonicMs);
                }

                return up;
            }
        }

        public void Start()
        {
            if (startedAtMs < 0 && RadioAvailable)
            {
                startedAtMs = world.MonotonicMs;
            }
        }

        public void Stop()
        {
            startedAtMs = -1;
        }

        public void SetPowerSave(bool enabled)
        {
        }

        /// <summary>Whether this boot has the radio: as the previous boot chose (true at the first power-on).</summary>
        public bool RadioAvailable { get; private set; } = true;

        private bool radioAtNextBoot = true;

        /// <summary>Times the choice changed: writes of the ESP32's Wi-Fi configuration block.</summary>
        public int RadioChoiceWrites { get; private set; }

        public bool SetRadioAtNextBoot(bool available)
        {
            if (available != radioAtNextBoot)
            {
                RadioChoiceWrites++;
            }

            radioAtNextBoot = available;
            return true;
        }

        /// <summary>A restart: the radio as last chosen, joining from the boot on when on (as the ESP32 does).</summary>
        public void Reboot()
        {
            startedAtMs = -1;
            RadioAvailable = radioAtNextBoot;
            if (RadioAvailable)
            {
                Start();
            }
        }
    }
}
