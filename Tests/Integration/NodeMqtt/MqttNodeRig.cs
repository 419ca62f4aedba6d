using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using SensorNode.Core.Config;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Hardware.Virtual.Node;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;
using SensorNode.Integration.Node;

namespace SensorNode.Integration.NodeMqtt
{
    /// <summary>
    /// One virtual node (real firmware core on the simulated board) publishing through its <see cref="MqttLink"/> to a
    /// real broker. The test thread is both the node's loop and its network thread: each <see cref="Round"/> runs 50 ms of
    /// node time and one network round, so the order of events in a test is deterministic while connection timing (the
    /// back-off) is real time. Dispose says offline, disconnects and deletes the node's flash folder.
    /// </summary>
    internal sealed class MqttNodeRig : IDisposable
    {
        public const int DefaultTimeoutMs = 15_000;

        private const long RoundMs = 50;

        public MqttNodeRig(MqttClientOptions options, MqttPublisherOptions publisherOptions = null, Action<ConfigStore> settings = null)
        {
            FlashFolder = Path.Combine(Path.GetTempPath(), "mqtt-node-" + Guid.NewGuid().ToString("N"));
            Storage = new FolderFileStorage(FlashFolder);
            if (settings != null)
            {
                // Saved before boot, as a technician would have left them on the node's flash.
                var config = new ConfigStore(SettingsTable.All);
                settings(config);
                if (config.Save(Storage) != ConfigResult.Ok)
                {
                    throw new InvalidOperationException("could not save the test settings");
                }
            }

            Link = new MqttLink(options, publisherOptions);
            Board = new VirtualBoard(ScenarioCatalogue.Find("normal-shifts"), 7);
            Node = new VirtualNode(Board, Storage, new MemorySerialLine(), Link.Publisher);
            Node.Boot();
        }

        public string FlashFolder { get; }

        public FolderFileStorage Storage { get; }

        public MqttLink Link { get; }

        public VirtualBoard Board { get; }

        public VirtualNode Node { get; }

        public MqttPublisher Publisher => Link.Publisher;

        public string NodeId => Node.Core.Snapshot.NodeId;

        /// <summary>A plain-TCP client's options for <paramref name="broker"/>, with short timeouts for tests.</summary>
        public static MqttClientOptions Plain(MosquittoBroker broker) =>
            new MqttClientOptions { Port = broker.PlainPort, AckTimeoutMs = 2_000, ConnectTimeoutMs = 3_000 };

        /// <summary>The node's topic <paramref name="leaf"/>, e.g. "state".</summary>
        public string Topic(string leaf) => "plant/" + NodeId + "/" + leaf;

        /// <summary>50 ms of node time, then one network round.</summary>
        public void Round()
        {
            Node.RunFor(RoundMs);
            Publisher.Service();
            Thread.Sleep(1);
        }

        /// <summary>Runs rounds until <paramref name="condition"/> holds; false after <paramref name="timeoutMs"/> of real time.</summary>
        public bool RunUntil(Func<bool> condition, int timeoutMs = DefaultTimeoutMs)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.ElapsedMilliseconds > timeoutMs)
                {
                    return false;
                }

                Round();
            }

            return true;
        }

        /// <summary>Runs rounds for <paramref name="realMs"/> of real time.</summary>
        public void RunFor(int realMs)
        {
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < realMs)
            {
                Round();
            }
        }

        public void Dispose()
        {
            Link.Dispose();
            try
            {
                Directory.Delete(FlashFolder, true);
            }
            catch (IOException)
            {
                // A leftover temporary folder does not fail a test.
            }
        }
    }
}
