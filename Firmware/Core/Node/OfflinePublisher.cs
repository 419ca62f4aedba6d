namespace SensorNode.Core.Node
{
    /// <summary>
    /// A publisher that sends nothing and queues nothing: the node runs as if the broker were unreachable, with the event
    /// log and the console as its only outputs. Used until an MQTT client is wired in, and by tests.
    /// </summary>
    public sealed class OfflinePublisher : ITelemetryPublisher
    {
        /// <inheritdoc/>
        public void PublishEvent(NodeEvent nodeEvent)
        {
        }

        /// <inheritdoc/>
        public void PublishWindow(NodeSnapshot snapshot)
        {
        }

        /// <inheritdoc/>
        public bool IsConnected => false;

        /// <inheritdoc/>
        public int QueueDepth => 0;

        /// <inheritdoc/>
        public int DroppedCount => 0;

        /// <inheritdoc/>
        public string StatusText => "offline: no MQTT client in this build";
    }
}
