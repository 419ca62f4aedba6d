using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace SensorNode.Hardware.Esp32
{
    /// <summary>
    /// <see cref="IMqttTransport"/> over nanoFramework.M2Mqtt 5.1 (MQTT 3.1.1), plain TCP or TLS 1.2 with a CA
    /// certificate, user name and password.
    /// </summary>
    /// <remarks>
    /// <para>M2Mqtt queues publishes and subscribes and reports them later through events; this adapter turns that into
    /// the interface's blocking contract: a QoS 1 publish waits for <c>MqttMsgPublished</c> (M2Mqtt's own retries
    /// included), a subscribe for <c>MqttMsgSubscribed</c>, each at most <see cref="OperationTimeoutMs"/>.</para>
    /// <para>Each connection gets a new <c>MqttClient</c> (the old one is closed): its worker threads and queues start
    /// clean after any failure, at the price of a few objects per connection attempt, which the back-off keeps rare.</para>
    /// <para>Exceptions from M2Mqtt and the socket layer become statuses: <c>MqttTimeoutException</c> is
    /// <see cref="MqttStatus.Timeout"/>, any other is <see cref="MqttStatus.NetworkError"/>. M2Mqtt takes whole arrays,
    /// so a publish copies its payload slice; M2Mqtt itself allocates its message objects per publish.</para>
    /// </remarks>
    public sealed class M2MqttTransport : IMqttTransport
    {
        private const int CompletionSlots = 8;
        private const int WaitSliceMs = 100;

        private readonly string host;
        private readonly int port;
        private readonly bool tls;
        private readonly X509Certificate caCertificate;
        private readonly object sync = new object();
        private readonly AutoResetEvent completed = new AutoResetEvent(false);
        private readonly ushort[] completedIds = new ushort[CompletionSlots];
        private readonly bool[] completedOk = new bool[CompletionSlots];
        private readonly bool[] completedUsed = new bool[CompletionSlots];
        private int nextCompletion;
        private MqttClient client;
        private bool lostReported;

        /// <summary>A transport for the broker at <paramref name="brokerHost"/>:<paramref name="brokerPort"/>.</summary>
        /// <param name="brokerHost">Host name or IP address (mqtt.host).</param>
        /// <param name="brokerPort">TCP port (mqtt.port).</param>
        /// <param name="useTls">TLS 1.2 (mqtt.tls).</param>
        /// <param name="caCertificatePem">The broker's CA, PEM or DER (the file ca.pem on the flash); null uses the CA
        /// stored in the device's network configuration.</param>
        /// <param name="operationTimeoutMs">Longest wait for a PUBACK or SUBACK, ms.</param>
        public M2MqttTransport(string brokerHost, int brokerPort, bool useTls, byte[] caCertificatePem, int operationTimeoutMs)
        {
            if (brokerHost == null)
            {
                throw new ArgumentNullException(nameof(brokerHost));
            }

            if (operationTimeoutMs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(operationTimeoutMs));
            }

            host = brokerHost;
            port = brokerPort;
            tls = useTls;
            caCertificate = caCertificatePem == null ? null : new X509Certificate(caCertificatePem);
            OperationTimeoutMs = operationTimeoutMs;
        }

        /// <summary>Longest wait for a PUBACK or SUBACK, ms.</summary>
        public int OperationTimeoutMs { get; }

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                MqttClient current = client;
                return current != null && current.IsConnected;
            }
        }

        /// <inheritdoc/>
        public event MqttMessageHandler MessageReceived;

        /// <inheritdoc/>
        public event MqttConnectionLostHandler ConnectionLost;

        /// <inheritdoc/>
        public MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            if (clientId == null)
            {
                throw new ArgumentNullException(nameof(clientId));
            }

            Disconnect();
            MqttClient next = null;
            try
            {
                next = new MqttClient(host, port, tls, caCertificate, null, tls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                next.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                next.MqttMsgPublishReceived += OnPublishReceived;
                next.MqttMsgPublished += OnPublished;
                next.MqttMsgSubscribed += OnSubscribed;
                next.ConnectionClosed += OnConnectionClosed;
                MqttReasonCode code = next.Connect(clientId, userName, userName == null ? null : password, willRetain,
                    (MqttQoSLevel)(int)willQos, willTopic != null, willTopic, willPayload, cleanSession, (ushort)keepAliveS);
                if (code != MqttReasonCode.Success)
                {
                    Close(next);
                    return Refusal(code);
                }
            }
            catch (MqttTimeoutException)
            {
                Close(next);
                return MqttStatus.Timeout;
            }
            catch (Exception)
            {
                // Socket, DNS and TLS failures arrive as MqttConnectionException or MqttCommunicationException.
                Close(next);
                return MqttStatus.NetworkError;
            }

            lock (sync)
            {
                client = next;
                lostReported = false;
            }

            return MqttStatus.Accepted;
        }

        /// <inheritdoc/>
        public MqttStatus Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            if (topic == null || payload == null)
            {
                throw new ArgumentNullException(topic == null ? nameof(topic) : nameof(payload));
            }

            if (offset < 0 || count < 0 || offset > payload.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            MqttClient current = client;
            if (current == null || !current.IsConnected)
            {
                return MqttStatus.NotConnected;
            }

            byte[] message = new byte[count];
            Array.Copy(payload, offset, message, 0, count);
            ushort id;
            try
            {
                id = current.Publish(topic, message, null, null, (MqttQoSLevel)(int)qos, retain);
            }
            catch (Exception)
            {
                return current.IsConnected ? MqttStatus.Timeout : MqttStatus.NetworkError;
            }

            // M2Mqtt reports a QoS 1 publish it gave up on (no PUBACK after its retries) as not published.
            return qos == MqttQos.AtMostOnce ? MqttStatus.Accepted : WaitFor(current, id, MqttStatus.Timeout);
        }

        /// <inheritdoc/>
        public MqttStatus Subscribe(string topicFilter, MqttQos qos)
        {
            if (topicFilter == null)
            {
                throw new ArgumentNullException(nameof(topicFilter));
            }

            MqttClient current = client;
            if (current == null || !current.IsConnected)
            {
                return MqttStatus.NotConnected;
            }

            ushort id;
            try
            {
                id = current.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { (MqttQoSLevel)(int)qos });
            }
            catch (Exception)
            {
                return current.IsConnected ? MqttStatus.Timeout : MqttStatus.NetworkError;
            }

            return WaitFor(current, id, MqttStatus.RefusedOther);
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            MqttClient current;
            lock (sync)
            {
                current = client;
                client = null;
            }

            if (current == null)
            {
                return;
            }

            try
            {
                if (current.IsConnected)
                {
                    current.Disconnect();
                }
            }
            catch (Exception)
            {
                // Already gone: nothing to say goodbye to.
            }

            Close(current);
        }

        // Waits for M2Mqtt's completion event of message id; a negative completion gives 'refused'.
        private MqttStatus WaitFor(MqttClient current, ushort id, MqttStatus refused)
        {
            int waitedMs = 0;
            while (true)
            {
                lock (sync)
                {
                    for (int i = 0; i < CompletionSlots; i++)
                    {
                        if (completedUsed[i] && completedIds[i] == id)
                        {
                            completedUsed[i] = false;
                            return completedOk[i] ? MqttStatus.Accepted : refused;
                        }
                    }
                }

                if (!current.IsConnected)
                {
                    return MqttStatus.NetworkError;
                }

                if (waitedMs >= OperationTimeoutMs)
                {
                    return MqttStatus.Timeout;
                }

                completed.WaitOne(WaitSliceMs, false);
                waitedMs += WaitSliceMs;
            }
        }

        private void Complete(ushort id, bool ok)
        {
            lock (sync)
            {
                completedIds[nextCompletion] = id;
                completedOk[nextCompletion] = ok;
                completedUsed[nextCompletion] = true;
                nextCompletion = (nextCompletion + 1) % CompletionSlots;
            }

            completed.Set();
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            Complete(e.MessageId, e.IsPublished);
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            MqttQoSLevel[] granted = e.GrantedQoSLevels;
            Complete(e.MessageId, granted != null && granted.Length > 0 && granted[0] != MqttQoSLevel.GrantedFailure);
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler != null && sender == client && e.Message != null)
            {
                handler(e.Topic, e.Message, e.Message.Length, e.Retain);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            // Only for the live connection, once, and never after our own Disconnect (which cleared client first).
            lock (sync)
            {
                if (sender != client || lostReported)
                {
                    return;
                }

                lostReported = true;
            }

            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                handler(MqttStatus.NetworkError);
            }
        }

        private void Close(MqttClient closing)
        {
            if (closing == null)
            {
                return;
            }

            closing.MqttMsgPublishReceived -= OnPublishReceived;
            closing.MqttMsgPublished -= OnPublished;
            closing.MqttMsgSubscribed -= OnSubscribed;
            closing.ConnectionClosed -= OnConnectionClosed;
            try
            {
                closing.Close();
            }
            catch (Exception)
            {
                // Closing a broken client: nothing more to do.
            }
        }

        private static MqttStatus Refusal(MqttReasonCode code)
        {
            switch (code)
            {
                case MqttReasonCode.ConnectionRefusedBadUserNameOrPassword:
                case MqttReasonCode.BadUserNameOrPassword:
                    return MqttStatus.RefusedBadCredentials;
                case MqttReasonCode.ConnectionRefusedNotAuthorized:
                case MqttReasonCode.NotAuthorized:
                    return MqttStatus.RefusedNotAuthorized;
                default:
                    return MqttStatus.RefusedOther;
            }
        }
    }
}
