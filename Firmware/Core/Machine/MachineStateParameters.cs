using System;

namespace SensorNode.Core.Machine
{
    /// <summary>
    /// Thresholds and timing of <see cref="MachineStateDetector"/>. A window is Off when the
    /// current is below <see cref="CurrentOffMa"/> and the vibration below
    /// <see cref="VibrationOffMilliG"/>; Running when the current reaches
    /// <see cref="CurrentRunMa"/> or the vibration reaches <see cref="VibrationRunMilliG"/>; Idle
    /// otherwise. A node without a current sensor passes 0 mA and relies on vibration (and the
    /// reverse), so either signal alone can say Running.
    /// </summary>
    public sealed class MachineStateParameters
    {
        /// <summary>Current RMS below which the machine may be off, mA.</summary>
        public int CurrentOffMa { get; set; } = 200;

        /// <summary>Current RMS at or above which the machine runs, mA (&gt;= CurrentOffMa).</summary>
        public int CurrentRunMa { get; set; } = 1000;

        /// <summary>
        /// Vibration (acceleration RMS, gravity removed) below which the machine may be off, milli-g. This default and the
        /// run threshold's are machine.off_mg and machine.run_mg's: above a still ADXL345's own noise at 3200 Hz (about 24 mg).
        /// </summary>
        public int VibrationOffMilliG { get; set; } = 40;

        /// <summary>Vibration at or above which the machine runs, milli-g (&gt;= VibrationOffMilliG).</summary>
        public int VibrationRunMilliG { get; set; } = 80;

        /// <summary>Consecutive windows that must agree on a new state before it is taken (&gt;= 1).</summary>
        public int DebounceWindows { get; set; } = 3;

        /// <summary>Time a state is held at least before the next change, ms (&gt;= 0).</summary>
        public long MinDwellMs { get; set; } = 10000;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if a value is out of range or the thresholds are inconsistent.</summary>
        public void Validate()
        {
            if (CurrentOffMa < 0 || CurrentRunMa < CurrentOffMa)
            {
                throw new ArgumentOutOfRangeException("CurrentRunMa");
            }

            if (VibrationOffMilliG < 0 || VibrationRunMilliG < VibrationOffMilliG)
            {
                throw new ArgumentOutOfRangeException("VibrationRunMilliG");
            }

            if (DebounceWindows < 1)
            {
                throw new ArgumentOutOfRangeException("DebounceWindows");
            }

            if (MinDwellMs < 0)
            {
                throw new ArgumentOutOfRangeException("MinDwellMs");
            }
        }
    }
}
