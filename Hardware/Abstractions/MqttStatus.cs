namespace SensorNode.Hardware
{
    /// <summary>Outcome of an <see cref="IMqttTransport"/> call, and the reason a connection was lost.</summary>
    public enum MqttStatus
    {
        /// <summary>Done: CONNACK 0, PUBACK received (QoS 1), QoS 0 handed to the network, or SUBACK granted.</summary>
        Accepted = 0,

        /// <summary>CONNACK 4: bad user name or password.</summary>
        RefusedBadCredentials = 1,

        /// <summary>CONNACK 5: the client is not authorised to connect.</summary>
        RefusedNotAuthorized = 2,

        /// <summary>Any other refusal: CONNACK 1-3 (protocol version, client id, server unavailable) or a SUBACK failure (0x80).</summary>
        RefusedOther = 3,

        /// <summary>The host could not be reached, TLS failed, or the connection broke during the call.</summary>
        NetworkError = 4,

        /// <summary>No answer within the transport's operation timeout (CONNACK, PUBACK after every retry, SUBACK, PINGRESP).</summary>
        Timeout = 5,

        /// <summary>The broker sent something that is not valid MQTT 3.1.1; the connection was dropped.</summary>
        ProtocolError = 6,

        /// <summary>Publish or Subscribe was called while not connected; nothing was sent.</summary>
        NotConnected = 7,
    }
}
