using System;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The node's topics, built once per prefix and node id (the contract table in DESIGN.md and the README):
    /// root <c>{prefix}/{nodeId}</c> and its <c>availability</c>, <c>state</c>, <c>event</c>, <c>power</c>,
    /// <c>telemetry</c>, <c>cmd</c> and <c>cmd/reply</c>; and Home Assistant's discovery and status topics.
    /// </summary>
    public sealed class MqttTopics
    {
        /// <summary>Where Home Assistant announces itself ("online" on start): discovery is published again then.</summary>
        public const string HomeAssistantStatus = "homeassistant/status";

        /// <summary>First level of Home Assistant's discovery topics.</summary>
        public const string HomeAssistantPrefix = "homeassistant";

        /// <summary>Availability payload while connected (retained).</summary>
        public const string Online = "online";

        /// <summary>Availability payload of the will: the broker publishes it when the node vanishes.</summary>
        public const string Offline = "offline";

        /// <summary>Availability payload before a planned sleep.</summary>
        public const string Sleeping = "sleeping";

        /// <summary>Builds the topics of node <paramref name="nodeId"/> under <paramref name="prefix"/>.</summary>
        public MqttTopics(string prefix, string nodeId)
        {
            if (prefix == null)
            {
                throw new ArgumentNullException(nameof(prefix));
            }

            if (nodeId == null || nodeId.Length == 0)
            {
                throw new ArgumentException("node id must not be empty");
            }

            Prefix = prefix;
            NodeId = nodeId;
            Root = prefix.Length == 0 ? nodeId : prefix + "/" + nodeId;
            Availability = Root + "/availability";
            State = Root + "/state";
            Event = Root + "/event";
            Power = Root + "/power";
            Telemetry = Root + "/telemetry";
            Command = Root + "/cmd";
            CommandReply = Root + "/cmd/reply";
            DiscoveryNodeId = DiscoverySafe(nodeId);
        }

        /// <summary>First topic level (mqtt.prefix); empty puts the node id first.</summary>
        public string Prefix { get; }

        /// <summary>The node id (also the MQTT client id).</summary>
        public string NodeId { get; }

        /// <summary><c>{prefix}/{nodeId}</c>.</summary>
        public string Root { get; }

        /// <summary><c>{root}/availability</c>: online, offline (the will) or sleeping; retained, QoS 1.</summary>
        public string Availability { get; }

        /// <summary><c>{root}/state</c>: the state JSON; retained, QoS 1.</summary>
        public string State { get; }

        /// <summary><c>{root}/event</c>: one event JSON per message; QoS 1.</summary>
        public string Event { get; }

        /// <summary><c>{root}/power</c>: the power JSON; retained, QoS 1.</summary>
        public string Power { get; }

        /// <summary><c>{root}/telemetry</c>: the features JSON; QoS 0.</summary>
        public string Telemetry { get; }

        /// <summary><c>{root}/cmd</c>: one console command line per message (subscribed, QoS 1).</summary>
        public string Command { get; }

        /// <summary><c>{root}/cmd/reply</c>: {"ok":...,"output":...}; QoS 1.</summary>
        public string CommandReply { get; }

        /// <summary>The node id with every character outside [A-Za-z0-9_-] replaced by '_': Home Assistant's node_id rule.</summary>
        public string DiscoveryNodeId { get; }

        /// <summary><c>homeassistant/{component}/{nodeId}/{objectId}/config</c>, e.g. component "sensor", object "temperature".</summary>
        public string DiscoveryConfig(string component, string objectId)
        {
            return HomeAssistantPrefix + "/" + component + "/" + DiscoveryNodeId + "/" + objectId + "/config";
        }

        private static string DiscoverySafe(string nodeId)
        {
            char[] chars = new char[nodeId.Length];
            for (int i = 0; i < nodeId.Length; i++)
            {
                char c = nodeId[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                chars[i] = ok ? c : '_';
            }

            return new string(chars);
        }
    }
}
