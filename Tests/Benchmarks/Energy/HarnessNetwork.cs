using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// The energy harness's Wi-Fi: up <see cref="EnergyCurrents.WifiJoinMs"/> after a start (the radio listens meanwhile,
    /// which the power manager records), sets the world's wall time at the first join as SNTP would, and can be made
    /// unreachable.
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
            if (startedAtMs < 0)
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
    }
}
