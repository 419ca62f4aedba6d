using System;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Integration
{
    /// <summary>The host MQTT client against a real mosquitto: both ends of every exchange are this client.</summary>
    [TestClass]
    public class MqttTransportIntegrationTests
    {
        private const int KeepAliveS = 30;

        private static MosquittoBroker s_broker;

        [ClassInitialize]
        public static void StartBroker(TestContext context)
        {
            s_broker = MosquittoBroker.Start();
        }

        [ClassCleanup]
        public static void StopBroker()
        {
            s_broker?.Dispose();
        }

        [TestMethod]
        public void PublishAtQos0AndQos1ReachesASubscriber()
        {
            string root = UniqueRoot();
            using HostMqttTransport subscriber = ConnectPlain("sub");
            var inbox = new MessageInbox();
            subscriber.MessageReceived += inbox.OnMessage;
            Assert.AreEqual(MqttStatus.Accepted, subscriber.Subscribe(root + "/#", MqttQos.AtLeastOnce));

            using HostMqttTransport publisher = ConnectPlain("pub");
            Assert.AreEqual(MqttStatus.Accepted, Publish(publisher, root + "/telemetry", "{\"q\":0}", MqttQos.AtMostOnce, false));
            Assert.AreEqual(MqttStatus.Accepted, Publish(publisher, root + "/event", "{\"q\":1}", MqttQos.AtLeastOnce, false));

            Assert.IsNotNull(inbox.WaitFor(root + "/telemetry", "{\"q\":0}"), s_broker.ReadLog());
            MessageInbox.Received qos1 = inbox.WaitFor(root + "/event", "{\"q\":1}");
            Assert.IsNotNull(qos1, s_broker.ReadLog());
            Assert.IsFalse(qos1.Retained);
        }

        [TestMethod]
        public void PayloadSliceAndLargeMessageArriveIntact()
        {
            string root = UniqueRoot();
            using HostMqttTransport subscriber = ConnectPlain("sub");
            var inbox = new MessageInbox();
            subscriber.MessageReceived += inbox.OnMessage;
            Assert.AreEqual(MqttStatus.Accepted, subscriber.Subscribe(root + "/+", MqttQos.AtLeastOnce));

            using HostMqttTransport publisher = ConnectPlain("pub");
            byte[] framed = Encoding.UTF8.GetBytes("xxHELLOxx");
            Assert.AreEqual(MqttStatus.Accepted, publisher.Publish(root + "/slice", framed, 2, 5, MqttQos.AtLeastOnce, false));
            string large = new string('z', 40_000);
            Assert.AreEqual(MqttStatus.Accepted, Publish(publisher, root + "/large", large, MqttQos.AtLeastOnce, false));

            Assert.IsNotNull(inbox.WaitFor(root + "/slice", "HELLO"));
            Assert.IsNotNull(inbox.WaitFor(root + "/large", large));
        }

        [TestMethod]
        public void RetainedMessageReachesALateSubscriber()
        {
            string topic = UniqueRoot() + "/state";
            using (HostMqttTransport publisher = ConnectPlain("pub"))
            {
                Assert.AreEqual(MqttStatus.Accepted, Publish(publisher, topic, "{\"health\":\"ok\"}", MqttQos.AtLeastOnce, true));
                publisher.Disconnect();
            }

            using HostMqttTransport late = ConnectPlain("late");
            var inbox = new MessageInbox();
            late.MessageReceived += inbox.OnMessage;
            Assert.AreEqual(MqttStatus.Accepted, late.Subscribe(topic, MqttQos.AtLeastOnce));
            MessageInbox.Received state = inbox.WaitFor(topic, "{\"health\":\"ok\"}");
            Assert.IsNotNull(state);
            Assert.IsTrue(state.Retained);
        }

        [TestMethod]
        public void KilledConnectionMakesTheBrokerPublishTheWill()
        {
            string availability = UniqueRoot() + "/availability";
            using HostMqttTransport watcher = ConnectPlain("watch");
            var inbox = new MessageInbox();
            watcher.MessageReceived += inbox.OnMessage;
            Assert.AreEqual(MqttStatus.Accepted, watcher.Subscribe(availability, MqttQos.AtLeastOnce));

            var node = new HostMqttTransport(PlainOptions());
            Assert.AreEqual(MqttStatus.Accepted, node.Connect(ClientId("node"), null, null, availability, "offline",
                MqttQos.AtLeastOnce, true, KeepAliveS, true));
            Assert.AreEqual(MqttStatus.Accepted, Publish(node, availability, "online", MqttQos.AtLeastOnce, true));
            Assert.IsNotNull(inbox.WaitFor(availability, "online"));

            node.Abort();
            Assert.IsFalse(node.IsConnected);
            Assert.IsNotNull(inbox.WaitFor(availability, "offline"), s_broker.ReadLog());

            // The will was retained: a late subscriber sees offline too.
            using HostMqttTransport late = ConnectPlain("late");
            var lateInbox = new MessageInbox();
            late.MessageReceived += lateInbox.OnMessage;
            Assert.AreEqual(MqttStatus.Accepted, late.Subscribe(availability, MqttQos.AtLeastOnce));
            Assert.IsNotNull(lateInbox.WaitFor(availability, "offline"));
        }

        [TestMethod]
        public void CleanDisconnectDoesNotPublishTheWill()
        {
            string availability = UniqueRoot() + "/availability";
            using HostMqttTransport watcher = ConnectPlain("watch");
            var inbox = new MessageInbox();
            watcher.MessageReceived += inbox.OnMessage;
            Assert.AreEqual(MqttStatus.Accepted, watcher.Subscribe(availability, MqttQos.AtLeastOnce));

            var node = new HostMqttTransport(PlainOptions());
            Assert.AreEqual(MqttStatus.Accepted, node.Connect(ClientId("node"), null, null, availability, "offline",
                MqttQos.AtLeastOnce, false, KeepAliveS, true));
            node.Disconnect();
            // A marker published after the disconnect: once it arrives, a will would have arrived before it.
            using HostMqttTransport marker = ConnectPlain("marker");
            Assert.AreEqual(MqttStatus.Accepted, Publish(marker, availability, "marker", MqttQos.AtLeastOnce, false));
            Assert.IsNotNull(inbox.WaitFor(availability, "marker"));
            Assert.IsFalse(inbox.Contains(availability, "offline"));
        }

        [TestMethod]
        public void TlsWithTheGeneratedCaAndCredentialsWorks()
        {
            string topic = UniqueRoot() + "/tls";
            using var client = new HostMqttTransport(TlsOptions(s_broker.CaCertificate));
            Assert.AreEqual(MqttStatus.Accepted, client.Connect(ClientId("tls"), MosquittoBroker.UserName, s_broker.Password,
                null, null, MqttQos.AtMostOnce, false, KeepAliveS, true), client.LastError + "\n" + s_broker.ReadLog());
            var inbox = new MessageInbox();
            client.MessageReceived += inbox.OnMessage;
            Assert.AreEqual(MqttStatus.Accepted, client.Subscribe(topic, MqttQos.AtLeastOnce));
            Assert.AreEqual(MqttStatus.Accepted, Publish(client, topic, "secure", MqttQos.AtLeastOnce, false));
            Assert.IsNotNull(inbox.WaitFor(topic, "secure"));
        }

        [TestMethod]
        public void WrongPasswordIsARefusalNotAnException()
        {
            using var client = new HostMqttTransport(TlsOptions(s_broker.CaCertificate));
            MqttStatus status = client.Connect(ClientId("bad"), MosquittoBroker.UserName, "wrong-" + s_broker.Password,
                null, null, MqttQos.AtMostOnce, false, KeepAliveS, true);
            Assert.IsTrue(status == MqttStatus.RefusedBadCredentials || status == MqttStatus.RefusedNotAuthorized,
                status + ": " + client.LastError);
            Assert.IsFalse(client.IsConnected);
            StringAssert.Contains(client.LastError, "CONNACK");
        }

        [TestMethod]
        public void AnonymousClientIsRefusedOnTheTlsListener()
        {
            using var client = new HostMqttTransport(TlsOptions(s_broker.CaCertificate));
            MqttStatus status = client.Connect(ClientId("anon"), null, null, null, null, MqttQos.AtMostOnce, false, KeepAliveS, true);
            Assert.IsTrue(status == MqttStatus.RefusedBadCredentials || status == MqttStatus.RefusedNotAuthorized,
                status + ": " + client.LastError);
        }

        [TestMethod]
        public void UntrustedCaFailsCleanly()
        {
            using var otherCa = TestCertificates.CreateCa("some other CA");
            using var client = new HostMqttTransport(TlsOptions(otherCa));
            MqttStatus status = client.Connect(ClientId("untrusted"), MosquittoBroker.UserName, s_broker.Password,
                null, null, MqttQos.AtMostOnce, false, KeepAliveS, true);
            Assert.AreEqual(MqttStatus.NetworkError, status);
            Assert.IsFalse(client.IsConnected);
            StringAssert.Contains(client.LastError, "TLS");
        }

        [TestMethod]
        public void ServerNameMismatchFailsCleanly()
        {
            MqttClientOptions options = TlsOptions(s_broker.CaCertificate);
            options.TlsServerName = "broker.example.com";
            using var client = new HostMqttTransport(options);
            MqttStatus status = client.Connect(ClientId("name"), MosquittoBroker.UserName, s_broker.Password,
                null, null, MqttQos.AtMostOnce, false, KeepAliveS, true);
            Assert.AreEqual(MqttStatus.NetworkError, status);
            StringAssert.Contains(client.LastError, "TLS");
        }

        [TestMethod]
        public void PlainClientOnTheTlsPortFailsCleanly()
        {
            MqttClientOptions options = PlainOptions();
            options.Port = s_broker.TlsPort;
            options.ConnectTimeoutMs = 2_000;
            using var client = new HostMqttTransport(options);
            MqttStatus status = client.Connect(ClientId("plain"), null, null, null, null, MqttQos.AtMostOnce, false, KeepAliveS, true);
            Assert.IsTrue(status == MqttStatus.NetworkError || status == MqttStatus.Timeout || status == MqttStatus.ProtocolError,
                status + ": " + client.LastError);
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public void KeepAliveHoldsAnIdleConnectionOpen()
        {
            // mosquitto drops a client that sends nothing for 1.5 x keep-alive; PINGREQ must keep this one alive.
            // mosquitto 2.0 checks keep-alives coarsely: a silent client with keep-alive 1 s was dropped after about 4.6 s.
            using var client = new HostMqttTransport(PlainOptions());
            int lost = 0;
            client.ConnectionLost += _ => Interlocked.Increment(ref lost);
            Assert.AreEqual(MqttStatus.Accepted, client.Connect(ClientId("idle"), null, null, null, null,
                MqttQos.AtMostOnce, false, 1, true));
            Thread.Sleep(7_000);
            Assert.IsTrue(client.IsConnected, client.LastError);
            Assert.AreEqual(0, Volatile.Read(ref lost));
            Assert.AreEqual(MqttStatus.Accepted, Publish(client, UniqueRoot() + "/alive", "1", MqttQos.AtLeastOnce, false));
        }

        [TestMethod]
        public void ConnectToAClosedPortIsANetworkError()
        {
            MqttClientOptions options = PlainOptions();
            options.Port = 1;
            using var client = new HostMqttTransport(options);
            Assert.AreEqual(MqttStatus.NetworkError, client.Connect(ClientId("closed"), null, null, null, null,
                MqttQos.AtMostOnce, false, KeepAliveS, true));
        }

        internal static MqttStatus Publish(HostMqttTransport client, string topic, string text, MqttQos qos, bool retain)
        {
            byte[] payload = Encoding.UTF8.GetBytes(text);
            return client.Publish(topic, payload, 0, payload.Length, qos, retain);
        }

        internal static string UniqueRoot()
        {
            return "test/" + Guid.NewGuid().ToString("N").Substring(0, 12);
        }

        internal static string ClientId(string role)
        {
            return role + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        }

        private static HostMqttTransport ConnectPlain(string role)
        {
            var client = new HostMqttTransport(PlainOptions());
            MqttStatus status = client.Connect(ClientId(role), null, null, null, null, MqttQos.AtMostOnce, false, KeepAliveS, true);
            Assert.AreEqual(MqttStatus.Accepted, status, client.LastError + "\n" + s_broker.ReadLog());
            return client;
        }

        private static MqttClientOptions PlainOptions()
        {
            return new MqttClientOptions { Host = "127.0.0.1", Port = s_broker.PlainPort, AckTimeoutMs = 3_000 };
        }

        private static MqttClientOptions TlsOptions(System.Security.Cryptography.X509Certificates.X509Certificate2 ca)
        {
            return new MqttClientOptions
            {
                Host = "127.0.0.1",
                Port = s_broker.TlsPort,
                UseTls = true,
                CaCertificate = ca,
                AckTimeoutMs = 3_000,
            };
        }
    }
}
