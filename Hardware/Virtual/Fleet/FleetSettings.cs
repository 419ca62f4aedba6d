using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Hardware.Virtual.Fleet
{
    /// <summary>What a fleet run does; the defaults are those of the README's figures.</summary>
    public sealed class FleetSettings
    {
        /// <summary>Nodes in the fleet.</summary>
        public int Nodes { get; set; } = 100;

        /// <summary>The broker all nodes use.</summary>
        public BrokerAddress Broker { get; set; } = new BrokerAddress("127.0.0.1", 1883);

        /// <summary>mqtt.prefix of every node; the monitor subscribes under it.</summary>
        public string Prefix { get; set; } = "fleet";

        /// <summary>report.active_s of every node: telemetry and state period, s.</summary>
        public int ReportS { get; set; } = 5;

        /// <summary>Each node records one synthetic event per this many ms.</summary>
        public long EventIntervalMs { get; set; } = 2000;

        /// <summary>Publish rate is measured over this many seconds of steady running.</summary>
        public double SteadyS { get; set; } = 20;

        /// <summary>How long the broker stays down in the restart test, s (0: no restart test).</summary>
        public double OutageS { get; set; } = 5;

        /// <summary>Queue slots per node.</summary>
        public int QueueCapacity { get; set; } = 32;

        /// <summary>Threads running the nodes' scheduler loops.</summary>
        public int LoopThreads { get; set; } = 2;

        /// <summary>Threads running the nodes' network rounds (each blocks on its node's acknowledgements).</summary>
        public int NetworkThreads { get; set; } = 32;

        /// <summary>Scheduler tick of every node, ms.</summary>
        public int TickMs { get; set; } = 20;

        /// <summary>Home Assistant discovery on every node (10 retained messages per node and connection).</summary>
        public bool HomeAssistant { get; set; }

        /// <summary>Longest wait for any phase (all online, all delivered), s.</summary>
        public double PhaseTimeoutS { get; set; } = 120;
    }
}
