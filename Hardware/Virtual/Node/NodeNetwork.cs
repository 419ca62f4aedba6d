using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SensorNode.Core.Config;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Node
{
    /// <summary>
    /// The virtual node's MQTT side for <c>virtual-node run</c>: the broker from <c>--broker</c>, or else from the saved
    /// settings (mqtt.host, mqtt.port, mqtt.tls), as the device takes it from flash at boot. With neither, the node runs
    /// offline: its <see cref="MqttPublisher"/> has no transport, events wait in the queue and the console works.
    /// </summary>
    public sealed class NodeNetwork : IDisposable
    {
        private readonly MqttLink _link;

        private NodeNetwork(MqttLink link, MqttPublisher offline, string description)
        {
            _link = link;
            Publisher = link != null ? link.Publisher : offline;
            Description = description;
        }

        /// <summary>The node's publisher: give it to the <see cref="VirtualNode"/>.</summary>
        public MqttPublisher Publisher { get; }

        /// <summary>"MQTT host:port" or "MQTT offline (...)", for the banner.</summary>
        public string Description { get; }

        /// <summary>
        /// Decides where the node publishes. <paramref name="storage"/> is read (not written) for the saved settings;
        /// <paramref name="caFile"/> (PEM) turns TLS on with that CA as the only trust anchor.
        /// </summary>
        public static NodeNetwork Create(BrokerAddress broker, string caFile, IFileStorage storage)
        {
            var saved = new ConfigStore(SettingsTable.All);
            saved.Load(storage);
            bool tls = caFile != null || saved.GetBool(ConfigKeys.MqttTls);
            if (broker == null)
            {
                string host = saved.GetText(ConfigKeys.MqttHost);
                if (string.IsNullOrEmpty(host))
                {
                    return new NodeNetwork(null, new MqttPublisher(null, new WallClock(), null),
                        "MQTT offline (no --broker, mqtt.host empty)");
                }

                broker = new BrokerAddress(host, (int)saved.GetInt(ConfigKeys.MqttPort));
            }

            var options = new MqttClientOptions { Host = broker.Host, Port = broker.Port, UseTls = tls };
            if (caFile != null)
            {
                options.CaCertificate = LoadCertificate(caFile);
            }

            var link = new MqttLink(options, null);
            return new NodeNetwork(link, null, "MQTT " + broker + (tls ? " (TLS)" : ""));
        }

        /// <summary>Starts the network thread (after the node has booted, so the publisher is attached).</summary>
        public void Start()
        {
            _link?.Start();
        }

        /// <summary>Says "offline" and disconnects cleanly (a node that stops on purpose is not a lost node).</summary>
        public void Dispose()
        {
            _link?.Dispose();
        }

        private static X509Certificate2 LoadCertificate(string path)
        {
            try
            {
                return X509CertificateLoader.LoadCertificateFromFile(path);
            }
            catch (CryptographicException ex)
            {
                throw new IOException("--ca-file " + path + " is not a PEM or DER certificate: " + ex.Message, ex);
            }
        }
    }
}
