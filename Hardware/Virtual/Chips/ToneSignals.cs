using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// The simplest machine for chip-model tests: constant levels plus one sine tone on the X acceleration and a
    /// mains-frequency sine on the motor current.
    /// </summary>
    /// <remarks>
    /// Properties may be changed at any time, which bends the "pure function of time" contract of
    /// <see cref="IMachineSignals"/>: chip models convert lazily at their next bus transfer, so a change applies to
    /// every sample converted after it, including instants since that model's previous transfer.
    /// </remarks>
    public sealed class ToneSignals : IMachineSignals
    {
        /// <summary>Constant levels of a part lying flat and a cold, stopped machine: 0, 0, +1 g; 25 °C; 0 A; 12 V.</summary>
        public ToneSignals()
        {
            AccelerationZG = 1.0;
            TemperatureC = 25.0;
            MainsFrequencyHz = 50.0;
            SupplyV = 12.0;
        }

        /// <summary>Constant X acceleration in g, to which the vibration tone is added.</summary>
        public double AccelerationXG { get; set; }

        /// <summary>Constant Y acceleration in g.</summary>
        public double AccelerationYG { get; set; }

        /// <summary>Constant Z acceleration in g (gravity when level).</summary>
        public double AccelerationZG { get; set; }

        /// <summary>Peak of the sine added to X, in g.</summary>
        public double VibrationPeakG { get; set; }

        /// <summary>Frequency of the X sine, in Hz.</summary>
        public double VibrationFrequencyHz { get; set; }

        /// <summary>Bearing temperature in °C.</summary>
        public double TemperatureC { get; set; }

        /// <summary>Peak of the motor line current in A (RMS x sqrt 2).</summary>
        public double CurrentPeakA { get; set; }

        /// <summary>Mains frequency of the current, in Hz.</summary>
        public double MainsFrequencyHz { get; set; }

        /// <summary>Supply voltage in V.</summary>
        public double SupplyV { get; set; }

        /// <inheritdoc/>
        public void AccelerationG(double timeS, out double xG, out double yG, out double zG)
        {
            xG = AccelerationXG + VibrationPeakG * Math.Sin(2.0 * Math.PI * VibrationFrequencyHz * timeS);
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
            return CurrentPeakA * Math.Sin(2.0 * Math.PI * MainsFrequencyHz * timeS);
        }

        /// <inheritdoc/>
        public double SupplyVoltageV(double timeS)
        {
            return SupplyV;
        }
    }
}
