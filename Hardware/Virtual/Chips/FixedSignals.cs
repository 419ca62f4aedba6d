namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// A machine frozen in one state, for chip-model tests that need exact, time-independent inputs: every quantity is a
    /// settable constant, including a DC motor current (what an INA219 on a DC load sees). For an AC current use
    /// <see cref="ToneSignals"/>.
    /// </summary>
    public sealed class FixedSignals : IMachineSignals
    {
        /// <summary>A level part at rest on a cold, stopped machine: 0, 0, +1 g; 25 °C; 0 A; 12 V.</summary>
        public FixedSignals()
        {
            AccelerationZG = 1.0;
            TemperatureC = 25.0;
            SupplyV = 12.0;
        }

        /// <summary>X acceleration in g.</summary>
        public double AccelerationXG { get; set; }

        /// <summary>Y acceleration in g.</summary>
        public double AccelerationYG { get; set; }

        /// <summary>Z acceleration in g (gravity when level).</summary>
        public double AccelerationZG { get; set; }

        /// <summary>Bearing temperature in °C.</summary>
        public double TemperatureC { get; set; }

        /// <summary>Motor current in A, constant (DC); negative flows from IN- to IN+ on an INA219.</summary>
        public double CurrentA { get; set; }

        /// <summary>Supply voltage in V.</summary>
        public double SupplyV { get; set; }

        /// <inheritdoc/>
        public void AccelerationG(double timeS, out double xG, out double yG, out double zG)
        {
            xG = AccelerationXG;
            yG = AccelerationYG;
            zG = AccelerationZG;
        }

        /// <inheritdoc/>
        public double BearingTemperatureC(double timeS)
        {
            return TemperatureC;
        }

        /// <inheritdoc/>
        public double MotorCurrentA(double timeS)
        {
            return CurrentA;
        }

        /// <inheritdoc/>
        public double SupplyVoltageV(double timeS)
        {
            return SupplyV;
        }
    }
}
