namespace SensorNode.Core.Power
{
    /// <summary>
    /// Sensor standby between bursts, for the <see cref="PowerManager"/>: the composition root implements it over the
    /// front end (ADXL345 out of measurement mode, MAX31865 bias off). Reads after <see cref="SetActive"/>(true) may take
    /// the part's start-up time to deliver data again; the scheduler treats that like any gap.
    /// </summary>
    public interface ISensorPower
    {
        /// <summary>True to measure, false for the parts' lowest-power state that keeps their configuration.</summary>
        void SetActive(bool active);
    }
}
