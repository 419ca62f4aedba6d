using SensorNode.Core.Node;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>One row of the energy table: settings on top of the defaults, and a forced mode (Auto: the policy).</summary>
    internal sealed class EnergyPolicy
    {
        public EnergyPolicy(string name, PowerModeRequest forced, params string[] settings)
        {
            Name = name;
            Forced = forced;
            Settings = settings;
        }

        public string Name { get; }

        public PowerModeRequest Forced { get; }

        /// <summary>Key, value pairs.</summary>
        public string[] Settings { get; }
    }
}
