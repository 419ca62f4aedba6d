namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Sizes and timings of an <see cref="MqttPublisher"/>. With the defaults the publisher allocates about 29 KB of
    /// buffers once: the queue 32 × 384 B = 12 KB, the command reply 8 KB (2048 chars and their JSON), the state JSON
    /// 3 × 2 KB (formatting, pending, sending), the command inbox 1 KB, the rest small. A node short of RAM can halve the
    /// queue or the reply; the state buffer must hold the state JSON (about 1.1 KB).
    /// </summary>
    public sealed class MqttPublisherOptions
    {
        /// <summary>Messages the offline queue holds (events and telemetry).</summary>
        public int QueueCapacity { get; set; } = 32;

        /// <summary>Bytes per queue slot: the largest event or telemetry message (both stay under 360 bytes).</summary>
        public int SlotBytes { get; set; } = 384;

        /// <summary>Bytes for the state JSON (about 1.1 KB with every sensor).</summary>
        public int StateBytes { get; set; } = 2048;

        /// <summary>Characters of a command's answer sent on cmd/reply; longer answers are cut with a marker.</summary>
        public int ReplyCapacityChars { get; set; } = 2048;

        /// <summary>Commands waiting to run; more arriving at once get a "busy" reply.</summary>
        public int InboxCapacity { get; set; } = 4;

        /// <summary>MQTT keep-alive, s: the broker publishes the will after 1.5 × this without a packet.</summary>
        public int KeepAliveS { get; set; } = 30;

        /// <summary>First reconnect delay before jitter, ms.</summary>
        public long BackoffInitialMs { get; set; } = ReconnectBackoff.DefaultInitialMs;

        /// <summary>Longest reconnect delay before jitter, ms.</summary>
        public long BackoffMaxMs { get; set; } = ReconnectBackoff.DefaultMaxMs;

        /// <summary>Reconnect jitter, ± percent.</summary>
        public int JitterPercent { get; set; } = ReconnectBackoff.DefaultJitterPercent;

        /// <summary>A connection that lasts this long resets the back-off to its first delay, ms.</summary>
        public long StableConnectionMs { get; set; } = 30000;

        /// <summary>Queued messages sent per <see cref="MqttPublisher.Service"/> call at most, so one call stays short.</summary>
        public int MaxSendsPerService { get; set; } = 16;

        /// <summary>Event sequence numbers reserved per flash write (see <see cref="EventSequenceStore"/>).</summary>
        public long SequenceBlockSize { get; set; } = EventSequenceStore.DefaultBlockSize;

        /// <summary>How the broker is named in status lines, e.g. "mqtt.plant.local:8883 (TLS)".</summary>
        public string BrokerText { get; set; } = "";
    }
}
