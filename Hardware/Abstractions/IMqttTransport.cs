namespace SensorNode.Hardware
{
    /// <summary>
    /// One MQTT 3.1.1 client session to one broker: nanoFramework.M2Mqtt on the device, a compact client of its own
    /// on the host. The broker address, port, TLS (CA certificate, server name) and timeouts are given to the
    /// implementation's constructor; this interface is what the node's publisher uses.
    /// </summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item>No method throws for network, TLS or broker problems: each returns an <see cref="MqttStatus"/>, and
    /// every call returns within the implementation's operation timeout. Exceptions mean programming errors
    /// (null topic, offset/count outside the payload array, wildcards in a publish topic).</item>
    /// <item><see cref="Connect"/> blocks until CONNACK. A will is sent when <c>willTopic</c> is not null; user name
    /// and password are sent when not null (a password needs a user name). <c>keepAliveS</c> = 0 turns keep-alive
    /// off; otherwise the transport sends PINGREQ when idle and reports a missing PINGRESP as a lost connection.
    /// Calling it while connected first ends the old connection with DISCONNECT (its will is not published).</item>
    /// <item><see cref="Publish"/> at QoS 0 returns <see cref="MqttStatus.Accepted"/> once the bytes are handed to the
    /// network. At QoS 1 it blocks until PUBACK; it resends with the DUP flag after a timeout, and after the last
    /// retry returns <see cref="MqttStatus.Timeout"/> (the broker may still have the message: QoS 1 means at least
    /// once). A connection lost while waiting returns <see cref="MqttStatus.NetworkError"/>; the caller re-queues.</item>
    /// <item><see cref="Subscribe"/> blocks until SUBACK; a SUBACK failure code is <see cref="MqttStatus.RefusedOther"/>.
    /// Subscriptions do not survive a new clean session: subscribe again after each connect.</item>
    /// <item><see cref="MessageReceived"/> and <see cref="ConnectionLost"/> run on the transport's own thread. Handlers
    /// must return quickly and must not call Connect, Publish, Subscribe or Disconnect: copy the message and act on
    /// it from the node's loop. The transport acknowledges a QoS 1 message after the handler returns.</item>
    /// <item><see cref="ConnectionLost"/> fires once per established connection that ends for any reason other than
    /// <see cref="Disconnect"/>; <see cref="IsConnected"/> is already false when it fires. Reconnecting (and
    /// backing off) is the caller's job.</item>
    /// <item><see cref="Disconnect"/> sends DISCONNECT (the broker then drops the will) and closes; it is safe to
    /// call when not connected.</item>
    /// </list>
    /// </remarks>
    public interface IMqttTransport
    {
        /// <summary>True between an accepted CONNACK and the end of that connection.</summary>
        bool IsConnected { get; }

        /// <summary>A PUBLISH arrived on a subscribed topic. See the contract for threading.</summary>
        event MqttMessageHandler MessageReceived;

        /// <summary>The connection ended without <see cref="Disconnect"/>. See the contract for threading.</summary>
        event MqttConnectionLostHandler ConnectionLost;

        /// <summary>Opens the network connection (TLS if configured) and sends CONNECT; returns the CONNACK outcome.</summary>
        /// <param name="clientId">Unique per node; 1-23 chars of [0-9a-zA-Z-] is accepted by every broker.</param>
        /// <param name="userName">Null for none.</param>
        /// <param name="password">Null for none; sent only with a user name.</param>
        /// <param name="willTopic">Null for no will.</param>
        /// <param name="willPayload">UTF-8 text the broker publishes on <paramref name="willTopic"/> if the connection dies.</param>
        /// <param name="willQos">QoS of the will message.</param>
        /// <param name="willRetain">Whether the will message is retained.</param>
        /// <param name="keepAliveS">Keep-alive in seconds, 0-65535; 0 turns it off.</param>
        /// <param name="cleanSession">True to start without broker-side session state.</param>
        MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession);

        /// <summary>Publishes bytes [offset, offset + count) of <paramref name="payload"/> on <paramref name="topic"/>.</summary>
        MqttStatus Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain);

        /// <summary>Subscribes to a topic filter (wildcards allowed) with a maximum QoS.</summary>
        MqttStatus Subscribe(string topicFilter, MqttQos qos);

        /// <summary>Sends DISCONNECT and closes the connection; no <see cref="ConnectionLost"/> follows.</summary>
        void Disconnect();
    }
}
