using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Integration.NodeMqtt
{
    /// <summary>
    /// A plain MQTT client that records what it receives (thread-safe), for a test to look through while it keeps the
    /// node running on its own thread.
    /// </summary>
    internal sealed class TopicLog : IDisposable
    {
        private readonly List<Message> _messages = new List<Message>();

        private readonly string _clientId;
        private readonly string[] _filters;

        public TopicLog(MqttClientOptions options, string clientId, params string[] filters)
        {
            _clientId = clientId;
            _filters = filters;
            Client = new HostMqttTransport(options);
            Client.MessageReceived += OnMessage;
            Connect();
        }

        public sealed class Message
        {
            public string Topic;
            public byte[] Bytes;
            public string Text;
            public bool Retained;

            public override string ToString() => Topic + (Retained ? " (retained) " : " ") + Text;
        }

        public HostMqttTransport Client { get; }

        /// <summary>Everything received so far, in arrival order.</summary>
        public Message[] All()
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }

        /// <summary>What arrived on <paramref name="topic"/>, in order.</summary>
        public Message[] On(string topic) => All().Where(m => m.Topic == topic).ToArray();

        /// <summary>The newest message on <paramref name="topic"/>, or null.</summary>
        public Message Last(string topic) => On(topic).LastOrDefault();

        /// <summary>Publishes bytes on behalf of the test (QoS 1, not retained).</summary>
        public MqttStatus Send(string topic, byte[] payload) =>
            Client.Publish(topic, payload, 0, payload.Length, MqttQos.AtLeastOnce, false);

        /// <summary>Publishes ASCII text (QoS 1, not retained).</summary>
        public MqttStatus Send(string topic, string text) => Send(topic, Encoding.ASCII.GetBytes(text));

        /// <summary>Everything received so far, one per line, for failure messages.</summary>
        public string Describe() => string.Join(Environment.NewLine, All().Select(m => m.ToString()));

        /// <summary>Connects (again, after a broker restart) and subscribes to the filters given at construction.</summary>
        public void Connect()
        {
            MqttStatus status = Client.Connect(_clientId, null, null, null, null, MqttQos.AtMostOnce, false, 30, true);
            if (status != MqttStatus.Accepted)
            {
                throw new InvalidOperationException("observer could not connect: " + status + " " + Client.LastError);
            }

            foreach (string filter in _filters)
            {
                if (Client.Subscribe(filter, MqttQos.AtLeastOnce) != MqttStatus.Accepted)
                {
                    throw new InvalidOperationException("observer could not subscribe to " + filter);
                }
            }
        }

        public void Dispose()
        {
            Client.Dispose();
        }

        private void OnMessage(string topic, byte[] payload, int count, bool retained)
        {
            byte[] copy = payload.AsSpan(0, count).ToArray();
            var message = new Message
            {
                Topic = topic, Bytes = copy, Text = Encoding.UTF8.GetString(copy), Retained = retained,
            };
            lock (_messages)
            {
                _messages.Add(message);
            }
        }
    }
}
