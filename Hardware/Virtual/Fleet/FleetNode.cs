using System;
using System.Globalization;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Fleet
{
    /// <summary>
    /// One node of the fleet: the real <see cref="SensorNodeCore"/>, <see cref="CommandInterpreter"/> and
    /// <see cref="MqttPublisher"/> over its own <see cref="HostMqttTransport"/>, on a <see cref="SyntheticFrontEnd"/>
    /// instead of the simulated machine and chips, with its flash in RAM.
    /// </summary>
    public sealed class FleetNode : ISystemControl
    {
        private readonly long _eventIntervalMs;
        private long _nextEventMs;
        private int _eventsRecorded;

        public FleetNode(int index, FleetSettings settings, IClock clock)
        {
            Index = index;
            NodeId = NodeIdOf(index);
            var config = new ConfigStore(SettingsTable.All);
            Set(config, "node.id", NodeId);
            Set(config, "mqtt.prefix", settings.Prefix);
            Set(config, "report.active_s", settings.ReportS.ToString(CultureInfo.InvariantCulture));
            Set(config, "ha.discovery", settings.HomeAssistant ? "on" : "off");
            var storage = new RamFileStorage();
            Transport = new HostMqttTransport(new MqttClientOptions
            {
                Host = settings.Broker.Host,
                Port = settings.Broker.Port,
                AckTimeoutMs = 10_000,
            });
            var options = new MqttPublisherOptions
            {
                QueueCapacity = settings.QueueCapacity,
                BrokerText = settings.Broker.ToString(),
            };
            Publisher = new MqttPublisher(Transport, clock, options);
            Core = new SensorNodeCore(config, new SyntheticFrontEnd(clock, index), clock, Publisher, null, NodeId);
            var interpreter = new CommandInterpreter(Core, storage, this);
            Publisher.Attach(Core, interpreter, storage);
            _eventIntervalMs = settings.EventIntervalMs;

            // Spread the fleet's events over the interval instead of all at once.
            _nextEventMs = clock.MonotonicMs + (settings.EventIntervalMs * index / Math.Max(1, settings.Nodes));
            Core.Start(WakeCause.PowerOn, ConfigLoadOutcome.Loaded);
        }

        public int Index { get; }

        public string NodeId { get; }

        public SensorNodeCore Core { get; }

        public MqttPublisher Publisher { get; }

        public HostMqttTransport Transport { get; }

        /// <summary>Synthetic events recorded (not counting the node's own boot, machine and level events).</summary>
        public int EventsRecorded => _eventsRecorded;

        /// <summary>When false, <see cref="Tick"/> records no synthetic events (quiet periods of the benchmark).</summary>
        public bool GenerateEvents { get; set; } = true;

        /// <summary>The node id of fleet node <paramref name="index"/>: n0001, n0002, ...</summary>
        public static string NodeIdOf(int index) => "n" + (index + 1).ToString("D4", CultureInfo.InvariantCulture);

        /// <summary>Loop thread: one scheduler tick, the MQTT commands, and a synthetic event when one is due.</summary>
        public void Tick(long nowMs)
        {
            Core.RunOnce();
            Publisher.RunCommands();
            if (GenerateEvents && nowMs >= _nextEventMs)
            {
                _nextEventMs += _eventIntervalMs;
                _eventsRecorded++;
                Core.RecordEvent(EventType.Config, "fleet", "tick", _eventsRecorded, 0, "", 0, "benchmark");
            }
        }

        /// <inheritdoc/>
        public void RequestReboot()
        {
            // A reboot over MQTT is not part of the benchmark; the node carries on.
        }

        private static void Set(ConfigStore config, string key, string value)
        {
            if (config.TrySet(key, value, SettingSource.Console, out string error) != ConfigResult.Ok)
            {
                throw new InvalidOperationException(key + ": " + error);
            }
        }
    }
}
