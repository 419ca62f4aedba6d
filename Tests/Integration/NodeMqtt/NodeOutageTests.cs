using System;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;

namespace SensorNode.Integration.NodeMqtt
{
    /// <summary>The broker goes away for a while and comes back, each test with a broker of its own.</summary>
    [TestClass]
    public class NodeOutageTests
    {
        private const int OutageMs = 1_500;

        [TestMethod]
        public void AfterARestartQueuedEventsArriveInOrderWithoutAGap()
        {
            using MosquittoBroker broker = MosquittoBroker.Start();
            using var rig = new MqttNodeRig(MqttNodeRig.Plain(broker), null, NodeId("outage"));
            using var observer = new TopicLog(MqttNodeRig.Plain(broker), "outage-observer", rig.Topic("event"));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected && rig.Publisher.IsIdle), rig.Publisher.StatusText);

            long beforeOutage = Outage(broker, rig, observer, 10);

            // The node keeps running (and may record events of its own): judge everything up to the newest seq now.
            long last = rig.Node.Core.Events.LastSeq;
            Assert.IsTrue(rig.RunUntil(() => Seqs(observer, rig).Contains(last)), observer.Describe());
            long[] seqs = Seqs(observer, rig).Where(seq => seq <= last).ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(1, (int)last).Select(i => (long)i).ToArray(), seqs.Distinct().ToArray(),
                "every event once, in order: " + string.Join(",", seqs));
            Assert.IsTrue(last >= beforeOutage + 10);
            Assert.AreEqual(0, rig.Publisher.DroppedCount);
            Assert.IsTrue(rig.Publisher.Connections >= 2);
        }

        [TestMethod]
        public void AnOverflowedQueueDeliversTheNewestEventsInOrderAndCountsTheRest()
        {
            const int capacity = 8;
            using MosquittoBroker broker = MosquittoBroker.Start();
            using var rig = new MqttNodeRig(MqttNodeRig.Plain(broker), new MqttPublisherOptions { QueueCapacity = capacity },
                NodeId("overflow"));
            using var observer = new TopicLog(MqttNodeRig.Plain(broker), "overflow-observer", rig.Topic("event"), rig.Topic("state"));
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected && rig.Publisher.IsIdle), rig.Publisher.StatusText);

            long beforeOutage = Outage(broker, rig, observer, 20);
            long queuedAtRestart = rig.Node.Core.Events.LastSeq;
            Assert.AreEqual((int)(queuedAtRestart - beforeOutage) - capacity, rig.Publisher.DroppedCount);

            // The node keeps running while it reconnects and may record events of its own (each pushing out the oldest
            // queued one): judge everything up to the newest seq once the queue is empty.
            Assert.IsTrue(rig.RunUntil(() => rig.Publisher.IsConnected && rig.Publisher.QueueDepth == 0
                && Seqs(observer, rig).Contains(rig.Node.Core.Events.LastSeq)), observer.Describe());
            long last = rig.Node.Core.Events.LastSeq;
            int dropped = rig.Publisher.DroppedCount;
            long[] seqs = Seqs(observer, rig).Where(seq => seq <= last).ToArray();

            // In order, each once; before the outage everything; every event delivered or counted as dropped.
            CollectionAssert.AreEqual(seqs.OrderBy(seq => seq).Distinct().ToArray(), seqs, string.Join(",", seqs));
            CollectionAssert.AreEqual(Enumerable.Range(1, (int)beforeOutage).Select(i => (long)i).ToArray(),
                seqs.Where(seq => seq <= beforeOutage).ToArray());
            Assert.AreEqual(last, seqs.Length + (long)dropped, string.Join(",", seqs));
            Assert.IsTrue(dropped >= (int)(queuedAtRestart - beforeOutage) - capacity);

            // The newest events survived: the queue gave up its oldest ones.
            Assert.IsTrue(seqs.Contains(queuedAtRestart));

            // The retained state says how many were dropped.
            Assert.IsTrue(rig.RunUntil(() => StateDropped(observer, rig) == dropped), observer.Describe());
        }

        // Stops the broker, records events while it is away, restarts it and resubscribes the observer before the node
        // can reconnect (the test thread runs the node's network rounds). Returns the last seq delivered before.
        private static long Outage(MosquittoBroker broker, MqttNodeRig rig, TopicLog observer, int events)
        {
            long beforeOutage = rig.Node.Core.Events.LastSeq;
            Assert.IsTrue(rig.RunUntil(() => Seqs(observer, rig).Contains(beforeOutage)), observer.Describe());

            broker.Stop();
            Assert.IsTrue(rig.RunUntil(() => !rig.Publisher.IsConnected, 5_000));
            for (int i = 0; i < events; i++)
            {
                rig.Node.Core.RecordEvent(EventType.Config, "outage", "queued", i, 0, "", 0, "test");
                rig.RunFor(OutageMs / events);
            }

            Assert.IsFalse(rig.Publisher.IsConnected);
            broker.Restart();
            observer.Connect();
            return beforeOutage;
        }

        private static long[] Seqs(TopicLog observer, MqttNodeRig rig) =>
            observer.On(rig.Topic("event")).Select(m =>
            {
                using JsonDocument json = JsonDocument.Parse(m.Bytes);
                return json.RootElement.GetProperty("seq").GetInt64();
            }).ToArray();

        private static int StateDropped(TopicLog observer, MqttNodeRig rig)
        {
            TopicLog.Message state = observer.Last(rig.Topic("state"));
            if (state == null)
            {
                return -1;
            }

            using JsonDocument json = JsonDocument.Parse(state.Bytes);
            return json.RootElement.GetProperty("dropped").GetInt32();
        }

        private static Action<ConfigStore> NodeId(string name) => config =>
            Assert.AreEqual(ConfigResult.Ok, config.TrySet("node.id", "it-" + name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8),
                SettingSource.Console, out _));
    }
}
