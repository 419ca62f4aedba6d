using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Fleet;
using System.Collections.Generic;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Host.Tests.Telemetry
{
    /// <summary>
    /// In steady state the publisher formats, queues and sends without allocating: a node connected to a broker (a
    /// transport that only counts) runs its windows, state, telemetry and events with no managed allocation on its thread.
    /// </summary>
    [TestClass]
    public class PublisherAllocationTests
    {
        [TestMethod]
        public void WindowsEventsAndSendingAllocateNothing()
        {
            var clock = new VirtualClock();
            clock.SetUnixTimeMs(1767225600000);
            var config = new ConfigStore(SettingsTable.All);
            Assert.AreEqual(ConfigResult.Ok, config.TrySet("report.active_s", "1", SettingSource.Console, out _));
            var storage = new ReusingStorage();
            var transport = new CountingTransport();
            var publisher = new MqttPublisher(transport, clock, null);
            var core = new SensorNodeCore(config, new SyntheticFrontEnd(clock, 1), clock, publisher, null, "node-alloc");
            publisher.Attach(core, new CommandInterpreter(core, storage, new NoReboot()), storage);
            core.Start(WakeCause.PowerOn, ConfigLoadOutcome.Loaded);

            // Warm up: connect, discovery, learning, the first reservation of sequence numbers.
            Run(core, publisher, clock, 200_000);
            int publishedBefore = transport.Published;

            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(core, publisher, clock, 60_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Every second a state, a telemetry message and an event went out, and nothing was allocated for them.
            Assert.IsTrue(transport.Published - publishedBefore >= 150, "published " + (transport.Published - publishedBefore));
            Assert.AreEqual(0L, allocated, "bytes allocated in 60 s of steady state");
        }

        private static void Run(SensorNodeCore core, MqttPublisher publisher, VirtualClock clock, long ms)
        {
            for (long t = 0; t < ms; t += 10)
            {
                clock.AdvanceMs(10);
                core.RunOnce();
                if (t % 1000 == 0)
                {
                    core.RecordEvent(EventType.Config, "test", "tick", (int)(t / 1000), 0, "", 0, "steady");
                }

                publisher.RunCommands();
                publisher.Service();
            }
        }

        private sealed class NoReboot : ISystemControl
        {
            public void RequestReboot()
            {
            }
        }

        // Flash whose files, once created, are rewritten in place: the sequence store's writes cost the test nothing.
        private sealed class ReusingStorage : IFileStorage
        {
            private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            private readonly Dictionary<string, int> _lengths = new Dictionary<string, int>(StringComparer.Ordinal);

            public StorageStatus Read(string name, byte[] buffer, out int length)
            {
                length = 0;
                if (!_files.TryGetValue(name, out byte[] content))
                {
                    return StorageStatus.NotFound;
                }

                length = _lengths[name];
                Array.Copy(content, buffer, length);
                return StorageStatus.Ok;
            }

            public StorageStatus Write(string name, byte[] buffer, int count)
            {
                if (!_files.TryGetValue(name, out byte[] content) || content.Length < count)
                {
                    content = new byte[Math.Max(count, 64)];
                    _files[name] = content;
                }

                Array.Copy(buffer, content, count);
                _lengths[name] = count;
                return StorageStatus.Ok;
            }

            public StorageStatus Rename(string fromName, string toName) => StorageStatus.IoError;

            public StorageStatus Delete(string name) => _files.Remove(name) ? StorageStatus.Ok : StorageStatus.NotFound;
        }

        // Connected for good; counts what it is handed and keeps nothing.
        private sealed class CountingTransport : IMqttTransport
        {
            public int Published { get; private set; }

            public bool IsConnected { get; private set; }

            public event MqttMessageHandler MessageReceived
            {
                add { }
                remove { }
            }

            public event MqttConnectionLostHandler ConnectionLost
            {
                add { }
                remove { }
            }

            public MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
                MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
            {
                IsConnected = true;
                return MqttStatus.Accepted;
            }

            public MqttStatus Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
            {
                Published++;
                return MqttStatus.Accepted;
            }

            public MqttStatus Subscribe(string topicFilter, MqttQos qos) => MqttStatus.Accepted;

            public void Disconnect()
            {
                IsConnected = false;
            }
        }
    }
}
