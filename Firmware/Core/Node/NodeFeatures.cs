namespace SensorNode.Core.Node
{
    /// <summary>
    /// The features the node reports each window, by index into <see cref="NodeSnapshot.FeatureValue"/>. Each value is a
    /// scaled integer in the firmware's unit; the reported quantity is value / 10^<see cref="Decimals"/> in
    /// <see cref="Unit"/> (µm/s with 3 decimals is mm/s, milli-g with 3 is g, centi-°C with 2 is °C, mA with 3 is A,
    /// x100 with 2 is the plain ratio). Vibration features of the whole node are the worst (largest) axis.
    /// </summary>
    public static class NodeFeatures
    {
        /// <summary>Velocity RMS 10-1000 Hz, worst axis, µm/s.</summary>
        public const int VelocityRms = 0;

        /// <summary>Velocity RMS of the x axis, µm/s.</summary>
        public const int VelocityRmsX = 1;

        /// <summary>Velocity RMS of the y axis, µm/s.</summary>
        public const int VelocityRmsY = 2;

        /// <summary>Velocity RMS of the z axis, µm/s.</summary>
        public const int VelocityRmsZ = 3;

        /// <summary>Acceleration RMS with gravity removed, worst axis, milli-g.</summary>
        public const int AccelRms = 4;

        /// <summary>Acceleration peak about the mean, worst axis, milli-g.</summary>
        public const int AccelPeak = 5;

        /// <summary>Crest factor x100, worst axis.</summary>
        public const int CrestFactor = 6;

        /// <summary>Kurtosis x100, worst axis.</summary>
        public const int Kurtosis = 7;

        /// <summary>Bearing temperature, centi-°C.</summary>
        public const int Temperature = 8;

        /// <summary>Temperature slope over the last 5 minutes, centi-°C per minute.</summary>
        public const int TemperatureSlope = 9;

        /// <summary>Motor current RMS, mA.</summary>
        public const int Current = 10;

        /// <summary>Number of features.</summary>
        public const int Count = 11;

        private static readonly string[] Names =
        {
            "velocity_rms", "velocity_rms_x", "velocity_rms_y", "velocity_rms_z", "accel_rms", "accel_peak",
            "crest_factor", "kurtosis", "temperature", "temperature_slope", "current",
        };

        private static readonly string[] Units = { "mm/s", "mm/s", "mm/s", "mm/s", "g", "g", "", "", "°C", "°C/min", "A" };

        private static readonly int[] DecimalPlaces = { 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 3 };

        /// <summary>JSON and console name, e.g. "velocity_rms".</summary>
        public static string Name(int feature) => Names[feature];

        /// <summary>Unit of the reported quantity, e.g. "mm/s"; "" for a ratio.</summary>
        public static string Unit(int feature) => Units[feature];

        /// <summary>Decimal places between the scaled integer and the reported quantity.</summary>
        public static int Decimals(int feature) => DecimalPlaces[feature];
    }
}
