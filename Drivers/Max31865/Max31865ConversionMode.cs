namespace SensorNode.Drivers.Max31865
{
    /// <summary>How the MAX31865 converts (configuration bits D6 and D5).</summary>
    public enum Max31865ConversionMode
    {
        /// <summary>Continuous conversions at the filter's rate (D6 = 1): 20 ms at 50 Hz, 16.7 ms at 60 Hz.</summary>
        Automatic = 0,

        /// <summary>"Normally off"; <see cref="Max31865.StartConversion"/> triggers one conversion (D5 = 1).</summary>
        OneShot = 1,
    }
}
