using SensorNode.Core.Node;

namespace SensorNode.Core.Tests.Node
{
    /// <summary>Counts reboot requests.</summary>
    public sealed class CountingSystem : ISystemControl
    {
        /// <summary>Requests so far.</summary>
        public int RebootRequests { get; private set; }

        /// <inheritdoc/>
        public void RequestReboot()
        {
            RebootRequests++;
        }
    }
}
