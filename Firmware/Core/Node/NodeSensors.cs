namespace SensorNode.Core.Node
{
    /// <summary>The node's sensors, by index into <see cref="NodeSnapshot.SensorStatus"/> and the other per-sensor figures.</summary>
    public static class NodeSensors
    {
        /// <summary>The accelerometer.</summary>
        public const int Vibration = 0;

        /// <summary>The bearing temperature probe.</summary>
        public const int Temperature = 1;

        /// <summary>The motor current sensor.</summary>
        public const int Current = 2;

        /// <summary>Number of sensors.</summary>
        public const int Count = 3;

        private static readonly string[] Names = { "vibration", "temperature", "current" };

        /// <summary>Console and JSON name, e.g. "vibration".</summary>
        public static string Name(int sensor) => Names[sensor];
    }
}
