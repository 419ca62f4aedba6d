using System;
using System.Globalization;

namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>A broker given as <c>host</c> or <c>host:port</c> on the command line.</summary>
    public sealed class BrokerAddress
    {
        /// <summary>Port when none is given: 1883, or 8883 with TLS.</summary>
        public static int DefaultPort(bool tls) => tls ? 8883 : 1883;

        public BrokerAddress(string host, int port)
        {
            if (string.IsNullOrWhiteSpace(host))
            {
                throw new ArgumentException("empty host", nameof(host));
            }

            if (port < 1 || port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port));
            }

            Host = host;
            Port = port;
        }

        public string Host { get; }

        public int Port { get; }

        /// <summary>Parses <c>host</c> or <c>host:port</c>; false (and an explanation) for anything else.</summary>
        public static bool TryParse(string text, bool tls, out BrokerAddress address, out string error)
        {
            address = null;
            error = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                error = "the broker is empty; give host or host:port, e.g. localhost:1883";
                return false;
            }

            int colon = text.LastIndexOf(':');
            string host = colon < 0 ? text : text.Substring(0, colon);
            int port = DefaultPort(tls);
            if (colon >= 0 && !(int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port)
                && port >= 1 && port <= 65535))
            {
                error = "'" + text + "' has no valid port; give host or host:port with a port 1-65535";
                return false;
            }

            if (host.Length == 0 || host.IndexOfAny(new[] { ' ', '/', ':' }) >= 0)
            {
                error = "'" + text + "' has no valid host name";
                return false;
            }

            address = new BrokerAddress(host, port);
            return true;
        }

        public override string ToString() => Host + ":" + Port.ToString(CultureInfo.InvariantCulture);
    }
}
