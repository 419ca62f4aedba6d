using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Host.Tests.Mqtt
{
    /// <summary>The client against a scripted broker: the cases a real broker will not produce on demand.</summary>
    [TestClass]
    public class HostMqttTransportTests
    {
        private const int WaitMs = 5_000;

        [TestMethod]
        [DataRow(1, MqttStatus.RefusedOther)]
        [DataRow(2, MqttStatus.RefusedOther)]
        [DataRow(3, MqttStatus.RefusedOther)]
        [DataRow(4, MqttStatus.RefusedBadCredentials)]
        [DataRow(5, MqttStatus.RefusedNotAuthorized)]
        public void ConnAckRefusalsMapToStatuses(int returnCode, MqttStatus expected)
        {
            using var broker = new ScriptedBroker();
            using var client = new HostMqttTransport(Options(broker));
            Task<MqttStatus> connecting = ConnectAsync(client);
            broker.AcceptAndConnAck(returnCode);
            Assert.AreEqual(expected, Result(connecting));
            Assert.IsFalse(client.IsConnected);
            StringAssert.Contains(client.LastError, "CONNACK " + returnCode);
            Assert.IsTrue(broker.ClientClosed());
        }

        [TestMethod]
        public void ConnectSendsTheEncodedConnectPacket()
        {
            using var broker = new ScriptedBroker();
            using var client = new HostMqttTransport(Options(broker));
            Task<MqttStatus> connecting = Task.Run(() => client.Connect("node-a1b2c3", "u", "p", "plant/n/availability", "offline",
                MqttQos.AtLeastOnce, true, 30, true));
            ScriptedBroker.Packet connect = broker.AcceptAndConnAck();
            Assert.AreEqual(MqttStatus.Accepted, Result(connecting));
            Assert.IsTrue(client.IsConnected);

            var expected = new MqttPacketEncoder();
            expected.Connect("node-a1b2c3", "u", "p", "plant/n/availability", "offline", MqttQos.AtLeastOnce, true, 30, true);
            Assert.AreEqual(Hex.Of(expected.Buffer, expected.Length).Substring(4), Convert.ToHexString(connect.Body));
        }

        [TestMethod]
        public void SilentBrokerIsATimeout()
        {
            using var broker = new ScriptedBroker();
            MqttClientOptions options = Options(broker);
            options.ConnectTimeoutMs = 300;
            using var client = new HostMqttTransport(options);
            Task<MqttStatus> connecting = ConnectAsync(client);
            broker.Accept();
            Assert.AreEqual(1, broker.Read().Type);
            Assert.AreEqual(MqttStatus.Timeout, Result(connecting));
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public void BrokerClosingBeforeConnAckIsANetworkError()
        {
            using var broker = new ScriptedBroker();
            using var client = new HostMqttTransport(Options(broker));
            Task<MqttStatus> connecting = ConnectAsync(client);
            broker.Accept();
            broker.Read();
            broker.CloseClient();
            Assert.AreEqual(MqttStatus.NetworkError, Result(connecting));
        }

        [TestMethod]
        [DataRow("D0 00")]
        [DataRow("20 03 00 00 00")]
        [DataRow("FF FF FF FF FF")]
        public void AnythingButAConnAckFirstIsAProtocolError(string hex)
        {
            using var broker = new ScriptedBroker();
            using var client = new HostMqttTransport(Options(broker));
            Task<MqttStatus> connecting = ConnectAsync(client);
            broker.Accept();
            broker.Read();
            broker.Send(Hex.Bytes(hex));
            Assert.AreEqual(MqttStatus.ProtocolError, Result(connecting));
            Assert.IsTrue(broker.ClientClosed());
        }

        [TestMethod]
        public void MissingPubAckIsResentWithDupThenTimesOut()
        {
            using var broker = new ScriptedBroker();
            MqttClientOptions options = Options(broker);
            options.AckTimeoutMs = 200;
            options.PublishRetries = 2;
            using HostMqttTransport client = Connected(broker, options);

            Task<MqttStatus> publishing = PublishAsync(client, "plant/n/event", "{\"seq\":1}", MqttQos.AtLeastOnce);
            ScriptedBroker.Packet first = broker.Read();
            ScriptedBroker.Packet second = broker.Read();
            ScriptedBroker.Packet third = broker.Read();
            Assert.AreEqual(MqttStatus.Timeout, Result(publishing));

            Assert.AreEqual(0x32, first.Header, "QoS 1, no DUP");
            Assert.AreEqual(0x3A, second.Header, "QoS 1 with DUP");
            Assert.AreEqual(0x3A, third.Header);
            int packetId = first.PacketIdAt(2 + "plant/n/event".Length);
            Assert.AreNotEqual(0, packetId);
            Assert.AreEqual(packetId, second.PacketIdAt(2 + "plant/n/event".Length));
            CollectionAssert.AreEqual(first.Body, second.Body);
            CollectionAssert.AreEqual(first.Body, third.Body);
            Assert.IsTrue(client.IsConnected, "a missing PUBACK does not end the connection");
        }

        [TestMethod]
        public void PubAckForTheRetryCompletesThePublish()
        {
            using var broker = new ScriptedBroker();
            MqttClientOptions options = Options(broker);
            options.AckTimeoutMs = 200;
            using HostMqttTransport client = Connected(broker, options);

            Task<MqttStatus> publishing = PublishAsync(client, "t", "x", MqttQos.AtLeastOnce);
            broker.Read();
            ScriptedBroker.Packet retry = broker.Read();
            Assert.AreEqual(0x3A, retry.Header);
            broker.Send(PubAck(retry.PacketIdAt(3)));
            Assert.AreEqual(MqttStatus.Accepted, Result(publishing));
        }

        [TestMethod]
        public void PubAckWithAnUnknownIdIsIgnored()
        {
            using var broker = new ScriptedBroker();
            using HostMqttTransport client = Connected(broker, Options(broker));
            Task<MqttStatus> publishing = PublishAsync(client, "t", "x", MqttQos.AtLeastOnce);
            int packetId = broker.Read().PacketIdAt(3);
            broker.Send(PubAck(packetId == 1 ? 2 : 1), PubAck(packetId));
            Assert.AreEqual(MqttStatus.Accepted, Result(publishing));
            Assert.IsTrue(client.IsConnected);
        }

        [TestMethod]
        public void InFlightTableBoundsUnacknowledgedPublishes()
        {
            using var broker = new ScriptedBroker();
            MqttClientOptions options = Options(broker);
            options.MaxInFlight = 1;
            options.AckTimeoutMs = 3_000;
            using HostMqttTransport client = Connected(broker, options);

            Task<MqttStatus> first = PublishAsync(client, "t", "1", MqttQos.AtLeastOnce);
            ScriptedBroker.Packet firstPacket = broker.Read();
            Task<MqttStatus> second = PublishAsync(client, "t", "2", MqttQos.AtLeastOnce);
            // The second publish must wait for the first one's slot: nothing more may arrive before its PUBACK.
            Assert.IsFalse(broker.DataArrivesWithin(300), "a second QoS 1 publish went out beyond the in-flight bound");

            broker.Send(PubAck(firstPacket.PacketIdAt(3)));
            ScriptedBroker.Packet secondPacket = broker.Read();
            Assert.AreEqual((byte)'2', secondPacket.Body[secondPacket.Body.Length - 1]);
            broker.Send(PubAck(secondPacket.PacketIdAt(3)));
            Assert.AreEqual(MqttStatus.Accepted, Result(first));
            Assert.AreEqual(MqttStatus.Accepted, Result(second));
        }

        [TestMethod]
        public void Qos0PublishNeedsNoAcknowledgement()
        {
            using var broker = new ScriptedBroker();
            using HostMqttTransport client = Connected(broker, Options(broker));
            Assert.AreEqual(MqttStatus.Accepted, client.Publish("t", new byte[] { 1, 2 }, 0, 2, MqttQos.AtMostOnce, true));
            ScriptedBroker.Packet packet = broker.Read();
            Assert.AreEqual(0x31, packet.Header);
            Assert.AreEqual("000174" + "0102", Convert.ToHexString(packet.Body));
        }

        [TestMethod]
        public void SubscribeWaitsForSubAckAndMapsFailure()
        {
            using var broker = new ScriptedBroker();
            using HostMqttTransport client = Connected(broker, Options(broker));

            Task<MqttStatus> ok = Task.Run(() => client.Subscribe("plant/n/cmd", MqttQos.AtLeastOnce));
            ScriptedBroker.Packet subscribe = broker.Read();
            Assert.AreEqual(0x82, subscribe.Header);
            broker.Send(Hex.Bytes("90 03"), Id(subscribe.PacketIdAt(0)), new byte[] { 1 });
            Assert.AreEqual(MqttStatus.Accepted, Result(ok));

            Task<MqttStatus> refused = Task.Run(() => client.Subscribe("$SYS/#", MqttQos.AtLeastOnce));
            subscribe = broker.Read();
            broker.Send(Hex.Bytes("90 03"), Id(subscribe.PacketIdAt(0)), new byte[] { 0x80 });
            Assert.AreEqual(MqttStatus.RefusedOther, Result(refused));
        }

        [TestMethod]
        public void IncomingQos1PublishIsDeliveredThenAcknowledged()
        {
            using var broker = new ScriptedBroker();
            using HostMqttTransport client = Connected(broker, Options(broker));
            var delivered = new TaskCompletionSource<string>();
            client.MessageReceived += (topic, payload, count, retained) =>
                delivered.TrySetResult(topic + "=" + Encoding.UTF8.GetString(payload, 0, count) + (retained ? " retained" : ""));

            broker.Send(Hex.Bytes("33 0B 00 03 61 2F 62 01 02 73 74 61 74"));
            Assert.IsTrue(delivered.Task.Wait(WaitMs));
            Assert.AreEqual("a/b=stat retained", delivered.Task.Result);
            ScriptedBroker.Packet ack = broker.Read();
            Assert.AreEqual(0x40, ack.Header);
            Assert.AreEqual(0x0102, ack.PacketIdAt(0));
        }

        [TestMethod]
        public void HandlerCallingBackIntoTheTransportIsCaughtNotDeadlocked()
        {
            using var broker = new ScriptedBroker();
            using HostMqttTransport client = Connected(broker, Options(broker));
            var handled = new ManualResetEventSlim();
            client.MessageReceived += (topic, payload, count, retained) =>
            {
                try
                {
                    client.Publish("reply", payload, 0, count, MqttQos.AtLeastOnce, false);
                }
                finally
                {
                    handled.Set();
                }
            };

            broker.Send(Hex.Bytes("30 03 00 01 74"));
            Assert.IsTrue(handled.Wait(WaitMs));
            SpinWait.SpinUntil(() => client.HandlerFailures > 0, WaitMs);
            Assert.AreEqual(1, client.HandlerFailures);
            StringAssert.Contains(client.LastError, "deadlock");
            Assert.IsTrue(client.IsConnected, "a failing handler does not end the connection");
        }

        [TestMethod]
        public void MissingPingRespIsAConnectionLostTimeout()
        {
            using var broker = new ScriptedBroker();
            MqttClientOptions options = Options(broker);
            options.AckTimeoutMs = 300;
            var lost = new TaskCompletionSource<MqttStatus>();
            using var client = new HostMqttTransport(options);
            client.ConnectionLost += reason => lost.TrySetResult(reason);
            Task<MqttStatus> connecting = Task.Run(() => client.Connect("c", null, null, null, null, MqttQos.AtMostOnce, false, 1, true));
            broker.AcceptAndConnAck();
            Assert.AreEqual(MqttStatus.Accepted, Result(connecting));

            Assert.AreEqual(0xC0, broker.Read().Header, "PINGREQ while idle");
            Assert.IsTrue(lost.Task.Wait(WaitMs), "no ConnectionLost without PINGRESP");
            Assert.AreEqual(MqttStatus.Timeout, lost.Task.Result);
            Assert.IsFalse(client.IsConnected);
            Assert.IsTrue(broker.ClientClosed());
        }

        [TestMethod]
        public void AnsweredPingsKeepTheConnection()
        {
            using var broker = new ScriptedBroker();
            MqttClientOptions options = Options(broker);
            options.AckTimeoutMs = 300;
            using var client = new HostMqttTransport(options);
            int lost = 0;
            client.ConnectionLost += _ => Interlocked.Increment(ref lost);
            Task<MqttStatus> connecting = Task.Run(() => client.Connect("c", null, null, null, null, MqttQos.AtMostOnce, false, 1, true));
            broker.AcceptAndConnAck();
            Assert.AreEqual(MqttStatus.Accepted, Result(connecting));

            for (int i = 0; i < 3; i++)
            {
                Assert.AreEqual(0xC0, broker.Read().Header);
                broker.Send(Hex.Bytes("D0 00"));
            }

            Assert.IsTrue(client.IsConnected);
            Assert.AreEqual(0, Volatile.Read(ref lost));
        }

        [TestMethod]
        [DataRow("F0 00")]
        [DataRow("20 02 00 00")]
        [DataRow("30 80 80 80 80 01")]
        [DataRow("30 81 80 04")]
        [DataRow("40 02 00 00")]
        public void MalformedOrUnexpectedPacketEndsTheConnectionAsProtocolError(string hex)
        {
            using var broker = new ScriptedBroker();
            var lost = new TaskCompletionSource<MqttStatus>();
            using HostMqttTransport client = Connected(broker, Options(broker));
            client.ConnectionLost += reason => lost.TrySetResult(reason);
            Task<MqttStatus> waiting = PublishAsync(client, "t", "x", MqttQos.AtLeastOnce);
            broker.Read();

            broker.Send(Hex.Bytes(hex));
            Assert.IsTrue(lost.Task.Wait(WaitMs));
            Assert.AreEqual(MqttStatus.ProtocolError, lost.Task.Result);
            Assert.AreEqual(MqttStatus.NetworkError, Result(waiting), "a waiting publish learns the connection is gone");
            Assert.IsFalse(client.IsConnected);
            Assert.IsTrue(broker.ClientClosed());
        }

        [TestMethod]
        public void BrokerClosingTheSocketIsAConnectionLostNetworkError()
        {
            using var broker = new ScriptedBroker();
            var lost = new TaskCompletionSource<MqttStatus>();
            using HostMqttTransport client = Connected(broker, Options(broker));
            client.ConnectionLost += reason => lost.TrySetResult(reason);
            broker.CloseClient();
            Assert.IsTrue(lost.Task.Wait(WaitMs));
            Assert.AreEqual(MqttStatus.NetworkError, lost.Task.Result);
            Assert.AreEqual(MqttStatus.NotConnected, client.Publish("t", new byte[1], 0, 1, MqttQos.AtMostOnce, false));
        }

        [TestMethod]
        public void DisconnectSendsDisconnectAndRaisesNoConnectionLost()
        {
            using var broker = new ScriptedBroker();
            int lost = 0;
            using HostMqttTransport client = Connected(broker, Options(broker));
            client.ConnectionLost += _ => Interlocked.Increment(ref lost);
            client.Disconnect();
            Assert.IsFalse(client.IsConnected);
            Assert.AreEqual(0xE0, broker.Read().Header);
            Assert.IsTrue(broker.ClientClosed());
            Assert.AreEqual(0, Volatile.Read(ref lost));
            client.Disconnect();
        }

        [TestMethod]
        public void AbortClosesWithoutDisconnect()
        {
            using var broker = new ScriptedBroker();
            using HostMqttTransport client = Connected(broker, Options(broker));
            client.Abort();
            Assert.IsNull(broker.Read(), "the socket closed with no DISCONNECT before it");
        }

        [TestMethod]
        public void BadArgumentsThrowEvenWhenNotConnected()
        {
            using var client = new HostMqttTransport(new MqttClientOptions { Port = 1 });
            Assert.ThrowsExactly<ArgumentException>(() => client.Publish("a/#", new byte[1], 0, 1, MqttQos.AtMostOnce, false));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => client.Publish("a", new byte[1], 0, 2, MqttQos.AtMostOnce, false));
            Assert.AreEqual(MqttStatus.NotConnected, client.Publish("a", new byte[1], 0, 1, MqttQos.AtMostOnce, false));
            Assert.AreEqual(MqttStatus.NotConnected, client.Subscribe("a/#", MqttQos.AtLeastOnce));
        }

        private static MqttClientOptions Options(ScriptedBroker broker)
        {
            return new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, AckTimeoutMs = 2_000, ConnectTimeoutMs = 3_000 };
        }

        private static HostMqttTransport Connected(ScriptedBroker broker, MqttClientOptions options)
        {
            var client = new HostMqttTransport(options);
            Task<MqttStatus> connecting = ConnectAsync(client);
            broker.AcceptAndConnAck();
            Assert.AreEqual(MqttStatus.Accepted, Result(connecting));
            return client;
        }

        private static Task<MqttStatus> ConnectAsync(HostMqttTransport client)
        {
            return Task.Run(() => client.Connect("c", null, null, null, null, MqttQos.AtMostOnce, false, 0, true));
        }

        private static Task<MqttStatus> PublishAsync(HostMqttTransport client, string topic, string text, MqttQos qos)
        {
            byte[] payload = Encoding.UTF8.GetBytes(text);
            return Task.Run(() => client.Publish(topic, payload, 0, payload.Length, qos, false));
        }

        private static MqttStatus Result(Task<MqttStatus> task)
        {
            Assert.IsTrue(task.Wait(WaitMs), "the call did not return");
            return task.Result;
        }

        private static byte[] PubAck(int packetId)
        {
            return new byte[] { 0x40, 0x02, (byte)(packetId >> 8), (byte)packetId };
        }

        private static byte[] Id(int packetId)
        {
            return new byte[] { (byte)(packetId >> 8), (byte)packetId };
        }
    }
}
