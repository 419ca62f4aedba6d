using SensorNode.Core.Node;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// Home Assistant MQTT discovery: one retained config message per entity on
    /// <c>homeassistant/{sensor|binary_sensor}/{nodeId}/{objectId}/config</c>, each reading the node's retained state
    /// topic through a value template, all grouped under one device. Written without allocating.
    /// </summary>
    /// <remarks>
    /// <para>Entities: sensors velocity_rms (mm/s), accel_rms (g), kurtosis, temperature (°C, device class temperature),
    /// current (A, device class current) and anomaly_score (%, the worst channel's anomaly score: the node's health score),
    /// all with state_class measurement; enum sensors health (ok, watch, alarm, fault) and machine (off, idle, running);
    /// binary sensors anomaly (on while a channel is in alarm) and sensor_fault (on while a sensor is in fault), device
    /// class problem. A feature that is null in the state (not measured in the last window) reads as unknown: Home
    /// Assistant maps a template result of None to unknown.</para>
    /// <para>Availability: <c>{root}/availability</c> with online / offline. A sleeping node publishes "sleeping", which Home
    /// Assistant ignores (neither payload), so the entities stay available; with power.sleep_enabled on, every sensor
    /// also gets expire_after = 2 × max(report.sleep_s, power.heartbeat_s) + 60 s: a sleeping node refreshes its state when
    /// it reports, which is at least every heartbeat (more often when something changes), so values only expire when a node
    /// misses a whole report.</para>
    /// <para>An instance holds one node's topics and unique ids, built once by the constructor (when the node id or the
    /// prefix changes); <see cref="Write"/> then allocates nothing.</para>
    /// </remarks>
    public sealed class HomeAssistantDiscovery
    {
        /// <summary>Number of entities.</summary>
        public const int EntityCount = 10;

        /// <summary>Model shown in the device block.</summary>
        public const string Model = "ESP32 machine-health sensor node";

        /// <summary>Manufacturer shown in the device block.</summary>
        public const string Manufacturer = "SensorNode";

        /// <summary>Largest config message, bytes (the longest is about 760).</summary>
        public const int MaxPayloadBytes = 1024;

        private const string SensorComponent = "sensor";
        private const string BinarySensorComponent = "binary_sensor";
        private const int NodeWide = -1;

        private static readonly string[] ObjectIds =
        {
            "velocity_rms", "accel_rms", "kurtosis", "temperature", "current", "anomaly_score", "health", "machine",
            "anomaly", "sensor_fault",
        };

        private static readonly string[] Names =
        {
            "Velocity RMS", "Acceleration RMS", "Kurtosis", "Bearing temperature", "Motor current", "Anomaly score",
            "Health", "Machine", "Anomaly alarm", "Sensor fault",
        };

        private static readonly string[] Templates =
        {
            "{{ value_json.features.velocity_rms.value }}",
            "{{ value_json.features.accel_rms.value }}",
            "{{ value_json.features.kurtosis.value }}",
            "{{ value_json.features.temperature.value }}",
            "{{ value_json.features.current.value }}",
            "{{ ((value_json.channels.values() | map(attribute='score') | max) * 100) | round(1) }}",
            "{{ value_json.health }}",
            "{{ value_json.machine }}",
            "{{ 'ON' if value_json.alarms > 0 else 'OFF' }}",
            "{{ 'ON' if value_json.faults > 0 else 'OFF' }}",
        };

        private static readonly string[] Units = { "mm/s", "g", "", "°C", "A", "%", "", "", "", "" };

        private static readonly string[] DeviceClasses =
        {
            "", "", "", "temperature", "current", "", "enum", "enum", "problem", "problem",
        };

        private static readonly int[] Precision = { 2, 3, 2, 1, 2, 1, -1, -1, -1, -1 };

        private static readonly int[] Sensors =
        {
            NodeSensors.Vibration, NodeSensors.Vibration, NodeSensors.Vibration, NodeSensors.Temperature, NodeSensors.Current,
            NodeWide, NodeWide, NodeWide, NodeWide, NodeWide,
        };

        private static readonly string[] HealthOptions = { "ok", "watch", "alarm", "fault" };

        private static readonly string[] MachineOptions = { "off", "idle", "running" };

        private readonly MqttTopics topics;
        private readonly string[] configTopics = new string[EntityCount];
        private readonly string[] uniqueIds = new string[EntityCount];

        /// <summary>Builds the config topics and unique ids of the node of <paramref name="topics"/>.</summary>
        public HomeAssistantDiscovery(MqttTopics topics)
        {
            if (topics == null)
            {
                throw new System.ArgumentNullException(nameof(topics));
            }

            this.topics = topics;
            for (int i = 0; i < EntityCount; i++)
            {
                configTopics[i] = topics.DiscoveryConfig(Component(i), ObjectIds[i]);
                uniqueIds[i] = topics.DiscoveryNodeId + "_" + ObjectIds[i];
            }
        }

        /// <summary>The config topic of <paramref name="entity"/>: homeassistant/{component}/{nodeId}/{objectId}/config.</summary>
        public string ConfigTopic(int entity) => configTopics[entity];

        /// <summary>The unique id of <paramref name="entity"/>: {nodeId}_{objectId}.</summary>
        public string UniqueId(int entity) => uniqueIds[entity];

        /// <summary>"sensor" or "binary_sensor".</summary>
        public static string Component(int entity) => entity >= 8 ? BinarySensorComponent : SensorComponent;

        /// <summary>The entity's object id, e.g. "temperature"; its unique id is {nodeId}_{objectId}.</summary>
        public static string ObjectId(int entity) => ObjectIds[entity];

        /// <summary>The <see cref="NodeSensors"/> sensor the entity needs, or -1 when it belongs to the whole node.</summary>
        public static int Sensor(int entity) => Sensors[entity];

        /// <summary>
        /// Expiry for sensors of a node that sleeps, s: two of its longest silences (the wake period, or the heartbeat when
        /// that is longer) and a minute.
        /// </summary>
        public static long ExpireAfterS(long reportSleepS, long heartbeatS) =>
            2 * (heartbeatS > reportSleepS ? heartbeatS : reportSleepS) + 60;

        /// <summary>Writes the config message of <paramref name="entity"/>. The writer must be empty (Reset).</summary>
        /// <param name="writer">Destination, at least <see cref="MaxPayloadBytes"/>.</param>
        /// <param name="entity">0 to <see cref="EntityCount"/> - 1.</param>
        /// <param name="expireAfterS">expire_after in seconds, or 0 to leave it out (nodes that do not sleep).</param>
        public void Write(JsonWriter writer, int entity, long expireAfterS)
        {
            bool binary = entity >= 8;
            writer.BeginObject();
            writer.WriteString("name", Names[entity]);
            writer.WriteString("unique_id", uniqueIds[entity]);
            writer.WriteString("state_topic", topics.State);
            writer.WriteString("value_template", Templates[entity]);
            if (Units[entity].Length > 0)
            {
                writer.WriteString("unit_of_measurement", Units[entity]);
            }

            if (DeviceClasses[entity].Length > 0)
            {
                writer.WriteString("device_class", DeviceClasses[entity]);
            }

            if (Precision[entity] >= 0)
            {
                writer.WriteString("state_class", "measurement");
                writer.WriteInt("suggested_display_precision", Precision[entity]);
            }

            if (ObjectIds[entity] == "health")
            {
                WriteOptions(writer, HealthOptions);
            }
            else if (ObjectIds[entity] == "machine")
            {
                WriteOptions(writer, MachineOptions);
            }

            if (binary)
            {
                writer.WriteString("payload_on", "ON");
                writer.WriteString("payload_off", "OFF");
            }

            if (ObjectIds[entity] == "sensor_fault")
            {
                writer.WriteString("entity_category", "diagnostic");
            }

            writer.WriteString("availability_topic", topics.Availability);
            writer.WriteString("payload_available", MqttTopics.Online);
            writer.WriteString("payload_not_available", MqttTopics.Offline);
            if (expireAfterS > 0 && !binary)
            {
                writer.WriteLong("expire_after", expireAfterS);
            }

            writer.BeginObject("device");
            writer.BeginArray("identifiers");
            writer.WriteStringValue(topics.DiscoveryNodeId);
            writer.EndArray();
            writer.WriteString("name", topics.NodeId);
            writer.WriteString("model", Model);
            writer.WriteString("manufacturer", Manufacturer);
            writer.WriteString("sw_version", FirmwareVersion.Text);
            writer.EndObject();
            writer.EndObject();
        }

        private static void WriteOptions(JsonWriter writer, string[] options)
        {
            writer.BeginArray("options");
            for (int i = 0; i < options.Length; i++)
            {
                writer.WriteStringValue(options[i]);
            }

            writer.EndArray();
        }
    }
}
