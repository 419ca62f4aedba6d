using System;
using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Configuration of a <see cref="VibrationFeatureExtractor"/>, read once by its constructor (make a new extractor
    /// to change it). The defaults suit an ADXL345 in full resolution at 3200 Hz on three axes, and a medium machine
    /// (ISO group 2) on a rigid foundation.
    /// </summary>
    public sealed class VibrationParameters
    {
        /// <summary>Smallest sample rate, Hz.</summary>
        public const int MinSampleRateHz = 100;

        /// <summary>Largest sample rate, Hz.</summary>
        public const int MaxSampleRateHz = 12800;

        /// <summary>Samples per second on each axis, Hz (100 to 12800). From 2500 Hz the velocity band is 10-1000 Hz; below, 10 Hz to half the rate.</summary>
        public int SampleRateHz { get; set; } = 3200;

        /// <summary>Axes interleaved in each frame of the counts array (1 to 3), e.g. 3 for x, y, z from the ADXL345 FIFO.</summary>
        public int AxisCount { get; set; } = 3;

        /// <summary>
        /// Milli-g per count. Default 1000/256 (ADXL345 full resolution: 256 LSB/g, about 3.9 mg/LSB at every range);
        /// a different part or range gives its own, e.g. new LinearScale(39, 10) for exactly 3.9 mg/LSB.
        /// </summary>
        public LinearScale MilliGPerCount { get; set; } = new LinearScale(1000, 256);

        /// <summary>ISO 10816-3 machine group for <see cref="VibrationFeatures.IsoZone"/>.</summary>
        public IsoMachineGroup MachineGroup { get; set; } = IsoMachineGroup.Group2;

        /// <summary>ISO 10816-3 foundation class for <see cref="VibrationFeatures.IsoZone"/>.</summary>
        public IsoFoundation Foundation { get; set; } = IsoFoundation.Rigid;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> (or <see cref="ArgumentNullException"/> for the scale) if a value is out of range.</summary>
        public void Validate()
        {
            if (SampleRateHz < MinSampleRateHz || SampleRateHz > MaxSampleRateHz)
            {
                throw new ArgumentOutOfRangeException("SampleRateHz");
            }

            if (AxisCount < 1 || AxisCount > 3)
            {
                throw new ArgumentOutOfRangeException("AxisCount");
            }

            if (MilliGPerCount == null)
            {
                throw new ArgumentNullException("MilliGPerCount");
            }

            if (MachineGroup != IsoMachineGroup.Group1 && MachineGroup != IsoMachineGroup.Group2)
            {
                throw new ArgumentOutOfRangeException("MachineGroup");
            }

            if (Foundation != IsoFoundation.Rigid && Foundation != IsoFoundation.Flexible)
            {
                throw new ArgumentOutOfRangeException("Foundation");
            }
        }
    }
}
