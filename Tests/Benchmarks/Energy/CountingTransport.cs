using System.Collections.Generic;
using System.Text;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// An MQTT transport that is its own broker for the energy harness: connects while the network is up, acknowledges
    /// every publish at once, and counts what went on the air (messages, bytes, connections) plus when each alarm event
    /// reached the broker (a temperature alarm above its limit: the injected overheats), for the latency column.
    /// </summary>
    internal sealed class CountingTransport : IMqttTransport
    {
        private readonly VirtualNetworkLink network;
        private readonly VirtualClock world;
        private bool connected;

        public CountingTransport(VirtualNetworkLink network, VirtualClock world)
        {
            this.network = network;
            this.world = world;
        }

        public event MqttMessageHandler MessageReceived
        {
            add { }
            remove { }
        }

        public event MqttConnectionLostHandler ConnectionLost
        {
            add { }
            remove { }
        }

        public bool IsConnected => connected && network.IsUp;

        public long Connects { get; private set; }

        public long Messages { get; private set; }

        /// <summary>Bytes of topics and payloads sent, framing not included.</summary>
        public long Bytes { get; private set; }

        /// <summary>World times at which a temperature alarm event reached the broker, ms.</summary>
        public List<long> AlarmDeliveriesMs { get; } = new List<long>();

        public MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            if (!network.IsUp)
            {
                connected = false;
                return MqttStatus.NetworkError;
            }

            connected = true;
            Connects++;

            // CONNECT with its will, CONNACK: counted as one message each way.
            Messages++;
            Bytes += clientId.Length + (willTopic == null ? 0 : willTopic.Length + willPayload.Length);
            return MqttStatus.Accepted;
        }

        public MqttStatus Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                connected = false;
                return MqttStatus.NetworkError;
            }

            Messages++;
            Bytes += topic.Length + count;
            if (topic.EndsWith("/event"))
            {
                string text = Encoding.UTF8.GetString(payload, offset, count);
                if (text.Contains("\"type\":\"alarm\"") && text.Contains("\"channel\":\"temperature\"")
                    && text.Contains("\"reason\":\"above_limit\""))
                {
                    AlarmDeliveriesMs.Add(world.MonotonicMs);
                }
            }

            return MqttStatus.Accepted;
        }

        public MqttStatus Subscribe(string topicFilter, MqttQos qos)
        {
            Messages++;
            return IsConnected ? MqttStatus.Accepted : MqttStatus.NetworkError;
        }

        public void Disconnect()
        {
            connected = false;
        }
    }
}
