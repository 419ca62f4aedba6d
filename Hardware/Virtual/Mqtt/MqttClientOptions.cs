using System.Security.Cryptography.X509Certificates;

namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>Where and how <see cref="HostMqttTransport"/> connects: broker address, TLS trust and time limits.</summary>
    public sealed class MqttClientOptions
    {
        /// <summary>Broker host name or IP address.</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>Broker TCP port (1883 plain, 8883 TLS by convention).</summary>
        public int Port { get; set; } = 1883;

        /// <summary>Wrap the connection in TLS (SslStream).</summary>
        public bool UseTls { get; set; }

        /// <summary>
        /// With TLS: the only CA the broker's certificate chain may end in (the system store is then ignored).
        /// Null trusts the system store instead.
        /// </summary>
        public X509Certificate2 CaCertificate { get; set; }

        /// <summary>With TLS: the name the server certificate must carry (SNI and the name check); null uses <see cref="Host"/>.</summary>
        public string TlsServerName { get; set; }

        /// <summary>Limit for TCP connect, TLS handshake and CONNACK together, in ms.</summary>
        public int ConnectTimeoutMs { get; set; } = 10_000;

        /// <summary>How long to wait for each PUBACK or SUBACK, for a PINGRESP, and for a stalled socket write, in ms.</summary>
        public int AckTimeoutMs { get; set; } = 5_000;

        /// <summary>QoS 1 resends (with DUP) after the first attempt before Publish gives up with Timeout.</summary>
        public int PublishRetries { get; set; } = 2;

        /// <summary>QoS 1 publishes and subscribes awaiting their acknowledgement at once; more wait for a free slot.</summary>
        public int MaxInFlight { get; set; } = 16;

        /// <summary>Largest incoming packet (remaining length) accepted; a larger one is a protocol error.</summary>
        public int MaxIncomingPacketBytes { get; set; } = MqttPacketDecoder.DefaultMaxRemainingLength;
    }
}
