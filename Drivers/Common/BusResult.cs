using SensorNode.Hardware;

namespace SensorNode.Drivers
{
    /// <summary>Maps bus outcomes onto the driver status vocabulary, the same way in every driver.</summary>
    internal static class BusResult
    {
        /// <summary>
        /// <see cref="BusStatus.Ok"/> is <see cref="SensorStatus.Ok"/>; every other bus outcome (NACK, timeout,
        /// short transfer, controller error) is <see cref="SensorStatus.BusError"/>. A NACK is not reported as
        /// <see cref="SensorStatus.NotPresent"/>: that status is kept for a wrong identity register, so a loose
        /// connector and a wrong part stay distinguishable.
        /// </summary>
        public static SensorStatus ToSensorStatus(BusStatus status)
        {
            return status == BusStatus.Ok ? SensorStatus.Ok : SensorStatus.BusError;
        }
    }
}
