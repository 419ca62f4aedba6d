namespace SensorNode.Core.Node
{
    /// <summary>
    /// Where the scheduler hands its output: the MQTT client implements it (state, event and telemetry topics, the
    /// bounded event queue); <see cref="OfflinePublisher"/> stands in until then and for nodes without a broker.
    /// </summary>
    /// <remarks>
    /// Contract: both Publish calls come from the scheduler's thread and must return quickly without blocking on the
    /// network (queue and send from the client's own loop). The objects passed are reused by the scheduler: format or copy
    /// what is needed before returning. An exception is caught and counted by the scheduler, never retried.
    /// </remarks>
    public interface ITelemetryPublisher
    {
        /// <summary>Every event, as it is recorded (alarms, faults, machine, power, boot, config and error events).</summary>
        void PublishEvent(NodeEvent nodeEvent);

        /// <summary>
        /// Once per window, after health is updated: the publisher decides what to send (retained state on change,
        /// telemetry at the power mode's report rate and on deadband changes).
        /// </summary>
        void PublishWindow(NodeSnapshot snapshot);

        /// <summary>True while connected to the broker.</summary>
        bool IsConnected { get; }

        /// <summary>Events waiting in the queue for the broker.</summary>
        int QueueDepth { get; }

        /// <summary>Events dropped because the queue was full, since boot.</summary>
        int DroppedCount { get; }

        /// <summary>One line for the console's <c>mqtt</c> command: connection state, broker, last error.</summary>
        string StatusText { get; }
    }
}
