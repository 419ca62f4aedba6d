namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// The physical quantities a simulated machine presents to the sensors bolted on it.
    /// Chip models sample these at the instants the real chip would; nothing here knows about registers.
    /// </summary>
    /// <remarks>
    /// Contract: pure functions of simulated time (seconds since the simulation started) for a given
    /// machine and seed, so a run is reproducible; calls with increasing time are the common case but
    /// any order must give the same answer. Implementations are not thread-safe.
    /// </remarks>
    public interface IMachineSignals
    {
        /// <summary>Acceleration at the accelerometer, per axis, in g, gravity included (z carries +1 g when level).</summary>
        void AccelerationG(double timeS, out double xG, out double yG, out double zG);

        /// <summary>Bearing-housing temperature in °C.</summary>
        double BearingTemperatureC(double timeS);

        /// <summary>Instantaneous motor line current in amperes (the AC waveform a CT clamp sees).</summary>
        double MotorCurrentA(double timeS);

        /// <summary>Supply (bus) voltage in volts, as an INA219 on the supply sees it.</summary>
        double SupplyVoltageV(double timeS);
    }
}
