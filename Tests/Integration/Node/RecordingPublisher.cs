using System.Collections.Generic;
using SensorNode.Core.Node;

namespace SensorNode.Integration.Node
{
    /// <summary>One event as the publisher saw it, copied (the node reuses its event objects).</summary>
    internal sealed class SeenEvent
    {
        public int Boot { get; init; }

        public long TimeMs { get; init; }

        public EventType Type { get; init; }

        public string Channel { get; init; }

        public string Level { get; init; }

        public string Reason { get; init; }

        public int Value { get; init; }

        public override string ToString() =>
            $"boot {Boot} t={TimeMs / 1000.0:0.0}s {NodeNames.EventType(Type)} {Channel} {Level} {Reason} value={Value}";
    }

    /// <summary>A publisher that sends nothing and keeps every event it is handed, across reboots.</summary>
    internal sealed class RecordingPublisher : ITelemetryPublisher
    {
        private readonly List<SeenEvent> _events = new List<SeenEvent>();

        /// <summary>Boot events seen: the boot number stamped on the events that follow.</summary>
        public int Boots { get; private set; }

        public IReadOnlyList<SeenEvent> Events => _events;

        public int Windows { get; private set; }

        public bool IsConnected => false;

        public int QueueDepth => 0;

        public int DroppedCount => 0;

        public string StatusText => "offline: test publisher";

        public void PublishEvent(NodeEvent nodeEvent)
        {
            if (nodeEvent.Type == EventType.Boot)
            {
                Boots++;
            }

            _events.Add(new SeenEvent
            {
                Boot = Boots,
                TimeMs = nodeEvent.TimeMs,
                Type = nodeEvent.Type,
                Channel = nodeEvent.Channel,
                Level = nodeEvent.Level,
                Reason = nodeEvent.Reason,
                Value = nodeEvent.Value,
            });
        }

        /// <summary>Called with every window's snapshot, for tests that follow features window by window.</summary>
        public System.Action<NodeSnapshot> WindowSeen { get; set; }

        public void PublishWindow(NodeSnapshot snapshot)
        {
            Windows++;
            WindowSeen?.Invoke(snapshot);
        }
    }
}
