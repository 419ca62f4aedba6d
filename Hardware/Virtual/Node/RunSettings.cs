using System;
using System.IO;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Node
{
    /// <summary>What <c>virtual-node run</c> was asked to do.</summary>
    public sealed class RunSettings
    {
        /// <summary>Seed when none is given.</summary>
        public const ulong DefaultSeed = 1;

        /// <summary>Scenario when none is given.</summary>
        public const string DefaultScenario = "normal-shifts";

        /// <param name="seed">Machine noise and board MAC.</param>
        /// <param name="speed">Simulated seconds per real second, above 0.</param>
        /// <param name="scenario">The machine's story.</param>
        /// <param name="configDir">Folder of the node's flash files, or null for ./.virtual-node/&lt;default node id&gt;.</param>
        /// <param name="durationS">Simulated seconds to run, or 0 to run until the input ends or Ctrl+C.</param>
        public RunSettings(ulong seed, double speed, Scenario scenario, string configDir, double durationS)
        {
            if (!(speed > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(speed));
            }

            if (!(durationS >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(durationS));
            }

            Seed = seed;
            Speed = speed;
            Scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
            ConfigDir = configDir;
            DurationS = durationS;
        }

        public ulong Seed { get; }

        public double Speed { get; }

        public Scenario Scenario { get; }

        public string ConfigDir { get; }

        public double DurationS { get; }

        /// <summary>The broker from --broker, or null to take mqtt.host and mqtt.port from the saved settings.</summary>
        public BrokerAddress Broker { get; init; }

        /// <summary>PEM file of the broker's CA from --ca-file (turns TLS on), or null.</summary>
        public string CaFile { get; init; }

        /// <summary>The config folder to use for a board whose default node id is <paramref name="defaultNodeId"/>.</summary>
        public string ConfigDirFor(string defaultNodeId) =>
            string.IsNullOrEmpty(ConfigDir) ? Path.Combine(".virtual-node", defaultNodeId) : ConfigDir;
    }
}
