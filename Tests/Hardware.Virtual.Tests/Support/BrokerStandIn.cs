using System.Collections.Generic;
using System.Text;

namespace SensorNode.Hardware.Virtual.Tests.Support
{
    /// <summary>
    /// An <see cref="IMqttTransport"/> that is its own broker: every publish is acknowledged at once and kept, in order,
    /// while <see cref="Up"/>; when not, connects and publishes fail as over a dead network.
    /// </summary>
    internal sealed class BrokerStandIn : IMqttTransport
    {
        private bool _connected;

        public bool Up { get; set; } = true;

        public bool IsConnected => _connected && Up;

        public int Connects { get; private set; }

        /// <summary>Every message accepted: topic and UTF-8 payload.</summary>
        public List<(string Topic, string Payload, bool Retain)> Messages { get; } = new List<(string, string, bool)>();

        public event MqttMessageHandler MessageReceived;

        public event MqttConnectionLostHandler ConnectionLost;

        public MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            if (!Up)
            {
                _connected = false;
                return MqttStatus.NetworkError;
            }

            _connected = true;
            Connects++;
            return MqttStatus.Accepted;
        }

        public MqttStatus Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            if (!IsConnected)
            {
                _connected = false;
                return MqttStatus.NetworkError;
            }

            Messages.Add((topic, Encoding.UTF8.GetString(payload, offset, count), retain));
            return MqttStatus.Accepted;
        }

        public MqttStatus Subscribe(string topicFilter, MqttQos qos) => IsConnected ? MqttStatus.Accepted : MqttStatus.NetworkError;

        public void Disconnect()
        {
            _connected = false;
        }

        // Never raised: nothing arrives from this broker, and a dead network shows as failed calls.
        private void Unused()
        {
            MessageReceived?.Invoke(null, null, 0, false);
            ConnectionLost?.Invoke(MqttStatus.NetworkError);
        }
    }
}
