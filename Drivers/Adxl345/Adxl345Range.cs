namespace SensorNode.Drivers.Adxl345
{
    /// <summary>
    /// Measurement range; the value is the DATA_FORMAT range code (D1:D0). With FULL_RES, which this driver always
    /// sets, every range keeps 3.9 mg/LSB and only the clipping point moves: 10 bits at ±2 g up to 13 bits at ±16 g.
    /// </summary>
    public enum Adxl345Range
    {
        /// <summary>±2 g: counts in [-512, 511].</summary>
        PlusMinus2G = 0,

        /// <summary>±4 g: counts in [-1024, 1023].</summary>
        PlusMinus4G = 1,

        /// <summary>±8 g: counts in [-2048, 2047].</summary>
        PlusMinus8G = 2,

        /// <summary>±16 g: counts in [-4096, 4095].</summary>
        PlusMinus16G = 3,
    }
}
