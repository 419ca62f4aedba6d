using SensorNode.Core.Power;

namespace SensorNode.Core.Tests.Power
{
    /// <summary>Logs sensor standby and wake-up.</summary>
    public sealed class FakeSensorPower : ISensorPower
    {
        private readonly CallLog log;

        /// <summary>Logs into <paramref name="log"/>.</summary>
        public FakeSensorPower(CallLog log)
        {
            this.log = log;
        }

        /// <inheritdoc/>
        public void SetActive(bool active)
        {
            log.Add(active ? "sensors:on" : "sensors:off");
        }
    }
}
