using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Integration
{
    /// <summary>Broker outages, each test with a broker of its own so that stopping it disturbs no other test.</summary>
    [TestClass]
    public class BrokerOutageTests
    {
        private const int KeepAliveS = 30;
        private const int WaitMs = 5_000;

        [TestMethod]
        public void BrokerRestartFiresConnectionLostAndAReconnectWorks()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            using var client = new HostMqttTransport(new MqttClientOptions { Port = broker.PlainPort, AckTimeoutMs = 2_000 });
            var lost = new ManualResetEventSlim();
            MqttStatus lostReason = MqttStatus.Accepted;
            int lostCount = 0;
            client.ConnectionLost += reason =>
            {
                lostReason = reason;
                Interlocked.Increment(ref lostCount);
                lost.Set();
            };
            string clientId = MqttTransportIntegrationTests.ClientId("outage");
            Assert.AreEqual(MqttStatus.Accepted, client.Connect(clientId, null, null, null, null, MqttQos.AtMostOnce, false, KeepAliveS, true));

            broker.Stop();
            Assert.IsTrue(lost.Wait(WaitMs), "no ConnectionLost after the broker died");
            Assert.AreEqual(MqttStatus.NetworkError, lostReason);
            Assert.IsFalse(client.IsConnected);
            Assert.AreEqual(MqttStatus.NotConnected,
                MqttTransportIntegrationTests.Publish(client, "test/outage", "x", MqttQos.AtLeastOnce, false));
            Assert.AreEqual(MqttStatus.NetworkError, client.Connect(clientId, null, null, null, null, MqttQos.AtMostOnce, false, KeepAliveS, true));

            broker.Restart();
            Assert.AreEqual(MqttStatus.Accepted, client.Connect(clientId, null, null, null, null, MqttQos.AtMostOnce, false, KeepAliveS, true),
                client.LastError);
            Assert.AreEqual(MqttStatus.Accepted,
                MqttTransportIntegrationTests.Publish(client, "test/outage", "back", MqttQos.AtLeastOnce, false));
            Assert.AreEqual(1, Volatile.Read(ref lostCount));
        }

        [TestMethod]
        public void QosOnePublishWaitingWhenTheBrokerDiesReturnsNetworkError()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            using var client = new HostMqttTransport(new MqttClientOptions { Port = broker.PlainPort, AckTimeoutMs = 2_000 });
            Assert.AreEqual(MqttStatus.Accepted, client.Connect(MqttTransportIntegrationTests.ClientId("dying"), null, null, null, null,
                MqttQos.AtMostOnce, false, KeepAliveS, true));

            // Publish from several threads while the broker is killed: every call must end with a status, none may hang or throw.
            var statuses = new MqttStatus[8];
            var threads = new Thread[statuses.Length];
            for (int i = 0; i < threads.Length; i++)
            {
                int index = i;
                threads[i] = new Thread(() =>
                {
                    MqttStatus last = MqttStatus.Accepted;
                    for (int n = 0; n < 200 && last == MqttStatus.Accepted; n++)
                    {
                        last = MqttTransportIntegrationTests.Publish(client, "test/dying/" + index, "payload", MqttQos.AtLeastOnce, false);
                    }

                    statuses[index] = last;
                });
                threads[i].Start();
            }

            broker.Stop();
            foreach (Thread thread in threads)
            {
                Assert.IsTrue(thread.Join(3 * WaitMs), "a publisher hung");
            }

            foreach (MqttStatus status in statuses)
            {
                Assert.IsTrue(status == MqttStatus.Accepted || status == MqttStatus.NetworkError || status == MqttStatus.NotConnected,
                    status.ToString());
            }
        }
    }
}
