using SensorNode.Core.Console;
using SensorNode.Hardware;

namespace SensorNode.Core.Tests.Telemetry
{
    /// <summary>
    /// An in-memory <see cref="IMqttTransport"/> for one test: it records every CONNECT, SUBSCRIBE and PUBLISH (payloads
    /// copied), answers CONNECT with <see cref="ConnectResult"/> while <see cref="BrokerUp"/>, and lets the test deliver
    /// messages and drop the connection. Synchronous: handlers run on the caller's thread.
    /// </summary>
    public sealed class FakeMqttTransport : IMqttTransport
    {
        private const int MaxMessages = 1024;

        private readonly string[] topics = new string[MaxMessages];
        private readonly byte[][] payloads = new byte[MaxMessages][];
        private readonly MqttQos[] qos = new MqttQos[MaxMessages];
        private readonly bool[] retain = new bool[MaxMessages];
        private readonly string[] subscriptions = new string[16];
        private int count;
        private int subscriptionCount;

        /// <summary>When false, CONNECT fails with a network error and nothing is accepted.</summary>
        public bool BrokerUp { get; set; } = true;

        /// <summary>CONNACK outcome while the broker is up.</summary>
        public MqttStatus ConnectResult { get; set; } = MqttStatus.Accepted;

        /// <inheritdoc/>
        public bool IsConnected { get; private set; }

        /// <summary>CONNECT attempts so far.</summary>
        public int ConnectCalls { get; private set; }

        /// <summary>Disconnect calls so far.</summary>
        public int DisconnectCalls { get; private set; }

        /// <summary>Arguments of the last CONNECT.</summary>
        public string ClientId { get; private set; }

        /// <summary>User name of the last CONNECT.</summary>
        public string UserName { get; private set; }

        /// <summary>Password of the last CONNECT.</summary>
        public string Password { get; private set; }

        /// <summary>Will topic of the last CONNECT.</summary>
        public string WillTopic { get; private set; }

        /// <summary>Will payload of the last CONNECT.</summary>
        public string WillPayload { get; private set; }

        /// <summary>Will QoS of the last CONNECT.</summary>
        public MqttQos WillQos { get; private set; }

        /// <summary>Will retain flag of the last CONNECT.</summary>
        public bool WillRetain { get; private set; }

        /// <summary>Keep-alive of the last CONNECT, s.</summary>
        public int KeepAliveS { get; private set; }

        /// <summary>Messages published so far.</summary>
        public int Count => count;

        /// <summary>Subscriptions of the current connection.</summary>
        public int SubscriptionCount => subscriptionCount;

        /// <inheritdoc/>
        public event MqttMessageHandler MessageReceived;

        /// <inheritdoc/>
        public event MqttConnectionLostHandler ConnectionLost;

        /// <inheritdoc/>
        public MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            ConnectCalls++;
            ClientId = clientId;
            UserName = userName;
            Password = password;
            WillTopic = willTopic;
            WillPayload = willPayload;
            WillQos = willQos;
            WillRetain = willRetain;
            KeepAliveS = keepAliveS;
            IsConnected = false;
            subscriptionCount = 0;
            if (!BrokerUp)
            {
                return MqttStatus.NetworkError;
            }

            if (ConnectResult != MqttStatus.Accepted)
            {
                return ConnectResult;
            }

            IsConnected = true;
            return MqttStatus.Accepted;
        }

        /// <inheritdoc/>
        public MqttStatus Publish(string topic, byte[] payload, int offset, int length, MqttQos qualityOfService, bool retained)
        {
            if (!IsConnected)
            {
                return MqttStatus.NotConnected;
            }

            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                copy[i] = payload[offset + i];
            }

            topics[count] = topic;
            payloads[count] = copy;
            qos[count] = qualityOfService;
            retain[count] = retained;
            count++;
            return MqttStatus.Accepted;
        }

        /// <inheritdoc/>
        public MqttStatus Subscribe(string topicFilter, MqttQos qualityOfService)
        {
            if (!IsConnected)
            {
                return MqttStatus.NotConnected;
            }

            subscriptions[subscriptionCount] = topicFilter;
            subscriptionCount++;
            return MqttStatus.Accepted;
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            DisconnectCalls++;
            IsConnected = false;
        }

        /// <summary>The connection breaks (broker gone): ConnectionLost fires, as the transport's thread would fire it.</summary>
        public void Drop()
        {
            if (!IsConnected)
            {
                return;
            }

            IsConnected = false;
            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                handler(MqttStatus.NetworkError);
            }
        }

        /// <summary>Delivers an ASCII message as the broker would.</summary>
        public void Deliver(string topic, string text, bool retained)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            Deliver(topic, bytes, bytes.Length, retained);
        }

        /// <summary>Delivers raw bytes as the broker would.</summary>
        public void Deliver(string topic, byte[] payload, int length, bool retained)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null)
            {
                handler(topic, payload, length, retained);
            }
        }

        /// <summary>True if the current connection subscribed to <paramref name="filter"/>.</summary>
        public bool IsSubscribed(string filter)
        {
            for (int i = 0; i < subscriptionCount; i++)
            {
                if (subscriptions[i] == filter)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Topic of message <paramref name="index"/>.</summary>
        public string Topic(int index) => topics[index];

        /// <summary>QoS of message <paramref name="index"/>.</summary>
        public MqttQos Qos(int index) => qos[index];

        /// <summary>Retain flag of message <paramref name="index"/>.</summary>
        public bool Retained(int index) => retain[index];

        /// <summary>Payload bytes of message <paramref name="index"/>.</summary>
        public int Length(int index) => payloads[index].Length;

        /// <summary>Payload of message <paramref name="index"/>, decoded from UTF-8.</summary>
        public string Text(int index)
        {
            ConsoleReply decoder = new ConsoleReply(8192);
            decoder.AppendUtf8(payloads[index], 0, payloads[index].Length);
            return decoder.ToString();
        }

        /// <summary>Messages published on <paramref name="topic"/>.</summary>
        public int CountOn(string topic)
        {
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                if (topics[i] == topic)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Index of the newest message on <paramref name="topic"/>, or -1.</summary>
        public int LastIndexOn(string topic)
        {
            for (int i = count - 1; i >= 0; i--)
            {
                if (topics[i] == topic)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Text of the newest message on <paramref name="topic"/>, or null.</summary>
        public string LastTextOn(string topic)
        {
            int index = LastIndexOn(topic);
            return index < 0 ? null : Text(index);
        }

        /// <summary>Forgets the messages recorded so far.</summary>
        public void ClearMessages()
        {
            count = 0;
        }
    }
}
