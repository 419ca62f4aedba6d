using System.Collections.Generic;
using SensorNode.Hardware;

namespace SensorNode.Host.Tests.Telemetry
{
    /// <summary>An always-connected <see cref="IMqttTransport"/> that keeps a copy of everything published.</summary>
    internal sealed class RecordingTransport : IMqttTransport
    {
        public sealed class Message
        {
            public string Topic;
            public byte[] Payload;
            public MqttQos Qos;
            public bool Retain;
        }

        public List<Message> Messages { get; } = new List<Message>();

        public bool IsConnected { get; private set; }

        public event MqttMessageHandler MessageReceived;

        // This fake never loses its connection.
        public event MqttConnectionLostHandler ConnectionLost
        {
            add { }
            remove { }
        }

        public MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            IsConnected = true;
            return MqttStatus.Accepted;
        }

        public MqttStatus Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            Messages.Add(new Message { Topic = topic, Payload = payload[offset..(offset + count)], Qos = qos, Retain = retain });
            return MqttStatus.Accepted;
        }

        public MqttStatus Subscribe(string topicFilter, MqttQos qos) => MqttStatus.Accepted;

        public void Disconnect()
        {
            IsConnected = false;
        }

        /// <summary>Delivers a message to the client as the broker would.</summary>
        public void Deliver(string topic, byte[] payload) => MessageReceived?.Invoke(topic, payload, payload.Length, false);
    }
}
