namespace SensorNode.Core.Power
{
    /// <summary>
    /// Sensor standby between bursts, for the <see cref="PowerManager"/>: the composition root implements it over the
    /// front end (ADXL345 out of measurement mode, then the switched sensor rail off where the board has one). Reads after
    /// <see cref="SetActive"/>(true) may take the parts' start-up and re-initialisation time to deliver data again; the
    /// scheduler treats that like any gap.
    /// </summary>
    public interface ISensorPower
    {
        /// <summary>True to measure, false for the parts' lowest-power state (unpowered on a switched rail).</summary>
        void SetActive(bool active);
    }
}
