using System;
using SensorNode.Drivers.Adxl345;

namespace SensorNode.Drivers
{
    /// <summary>
    /// The accelerometer settings as the config table spells them (vib.rate_hz, vib.range_g: plain numbers) turned into
    /// the driver's register codes, so the device app and the virtual node build the same front end from the same config.
    /// </summary>
    public static class Adxl345Settings
    {
        /// <summary>FIFO watermark both composition roots use: INT1 every 16 frames (5 ms at 3200 Hz), half the FIFO.</summary>
        public const int WatermarkSamples = 16;

        /// <summary>
        /// The output data rate for <paramref name="rateHz"/> (100, 200, 400, 800, 1600 or 3200).
        /// Throws <see cref="ArgumentOutOfRangeException"/> for any other value.
        /// </summary>
        public static Adxl345DataRate DataRateFromHz(long rateHz)
        {
            switch (rateHz)
            {
                case 100: return Adxl345DataRate.Rate100Hz;
                case 200: return Adxl345DataRate.Rate200Hz;
                case 400: return Adxl345DataRate.Rate400Hz;
                case 800: return Adxl345DataRate.Rate800Hz;
                case 1600: return Adxl345DataRate.Rate1600Hz;
                case 3200: return Adxl345DataRate.Rate3200Hz;
                default: throw new ArgumentOutOfRangeException(nameof(rateHz));
            }
        }

        /// <summary>
        /// The range for ±<paramref name="rangeG"/> g (2, 4, 8 or 16).
        /// Throws <see cref="ArgumentOutOfRangeException"/> for any other value.
        /// </summary>
        public static Adxl345Range RangeFromG(long rangeG)
        {
            switch (rangeG)
            {
                case 2: return Adxl345Range.PlusMinus2G;
                case 4: return Adxl345Range.PlusMinus4G;
                case 8: return Adxl345Range.PlusMinus8G;
                case 16: return Adxl345Range.PlusMinus16G;
                default: throw new ArgumentOutOfRangeException(nameof(rangeG));
            }
        }
    }
}
