using SensorNode.Core.Node;

namespace SensorNode.Core.Tests.Node
{
    /// <summary>Counts watchdog feeds.</summary>
    public sealed class CountingWatchdog : IWatchdog
    {
        /// <summary>Feeds so far.</summary>
        public int Feeds { get; private set; }

        /// <inheritdoc/>
        public void Feed()
        {
            Feeds++;
        }
    }
}
