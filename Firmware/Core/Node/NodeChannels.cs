namespace SensorNode.Core.Node
{
    /// <summary>
    /// The anomaly channels: one <c>AnomalyChannel</c> per monitored feature, each with its own baseline, score and
    /// level. Velocity carries the ISO 10816 C/D limit, temperature and current the configured maxima.
    /// </summary>
    public static class NodeChannels
    {
        /// <summary>Velocity RMS (worst axis).</summary>
        public const int Velocity = 0;

        /// <summary>Acceleration RMS (worst axis).</summary>
        public const int Acceleration = 1;

        /// <summary>Kurtosis (worst axis): impacts of a bearing defect before the energy grows.</summary>
        public const int Kurtosis = 2;

        /// <summary>Bearing temperature.</summary>
        public const int Temperature = 3;

        /// <summary>Motor current.</summary>
        public const int Current = 4;

        /// <summary>Number of channels.</summary>
        public const int Count = 5;

        private static readonly string[] Names = { "velocity", "acceleration", "kurtosis", "temperature", "current" };

        private static readonly int[] Features =
        {
            NodeFeatures.VelocityRms, NodeFeatures.AccelRms, NodeFeatures.Kurtosis, NodeFeatures.Temperature,
            NodeFeatures.Current,
        };

        private static readonly int[] Sensors =
        {
            NodeSensors.Vibration, NodeSensors.Vibration, NodeSensors.Vibration, NodeSensors.Temperature, NodeSensors.Current,
        };

        /// <summary>Event and JSON name, e.g. "velocity"; also what <c>learn &lt;channel&gt;</c> takes.</summary>
        public static string Name(int channel) => Names[channel];

        /// <summary>The <see cref="NodeFeatures"/> index the channel watches (its unit and decimals).</summary>
        public static int Feature(int channel) => Features[channel];

        /// <summary>The <see cref="NodeSensors"/> index that delivers the channel's feature.</summary>
        public static int Sensor(int channel) => Sensors[channel];

        /// <summary>The channel called <paramref name="name"/> (exact, lower case), or -1.</summary>
        public static int IndexOf(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
