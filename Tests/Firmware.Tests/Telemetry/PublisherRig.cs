using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Node;
using SensorNode.Core.Tests.Support;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    /// <summary>
    /// One test's node wired to an <see cref="MqttPublisher"/> over a <see cref="FakeMqttTransport"/>, as the device app
    /// wires it: the real core, config, command interpreter and event sequence store, a fake front end at 400 Hz and one
    /// manual clock for the node and the network. Each 10 ms tick runs the node, then the commands, then the network.
    /// </summary>
    public sealed class PublisherRig
    {
        /// <summary>The node id the rig's board would have.</summary>
        public const string NodeId = "node-a1b2c3";

        /// <summary>Tick length, ms.</summary>
        public const int TickMs = 10;

        /// <summary>Builds a node on fresh flash; not started.</summary>
        public PublisherRig(MqttPublisherOptions options)
            : this(options, new MemoryFileStorage(), true)
        {
        }

        /// <summary>Builds a node on <paramref name="storage"/>, with a broker or without one (offline node).</summary>
        public PublisherRig(MqttPublisherOptions options, MemoryFileStorage storage, bool withBroker)
        {
            Clock = new TestClock();
            Sensors = new FakeFrontEnd(Clock, 400);
            Config = new ConfigStore(SettingsTable.All);
            Set("anomaly.learn_windows", "10");
            Set("machine.dwell_s", "0");
            Storage = storage;
            Transport = withBroker ? new FakeMqttTransport() : null;
            Publisher = new MqttPublisher(Transport, Clock, options);
            SystemControl = new CountingSystem();
            Node = new SensorNodeCore(Config, Sensors, Clock, Publisher, null, NodeId);
            Interpreter = new CommandInterpreter(Node, Storage, SystemControl);
        }

        /// <summary>The clock of node and network.</summary>
        public TestClock Clock { get; }

        /// <summary>The fake sensors.</summary>
        public FakeFrontEnd Sensors { get; }

        /// <summary>The settings.</summary>
        public ConfigStore Config { get; }

        /// <summary>The flash.</summary>
        public MemoryFileStorage Storage { get; }

        /// <summary>The broker session (null for an offline node).</summary>
        public FakeMqttTransport Transport { get; }

        /// <summary>The publisher under test.</summary>
        public MqttPublisher Publisher { get; }

        /// <summary>Reboot requests.</summary>
        public CountingSystem SystemControl { get; }

        /// <summary>The node.</summary>
        public SensorNodeCore Node { get; }

        /// <summary>The command interpreter shared by console and MQTT.</summary>
        public CommandInterpreter Interpreter { get; }

        /// <summary>Topic of <paramref name="leaf"/> under the default root, e.g. "state".</summary>
        public static string TopicOf(string leaf) => "plant/" + NodeId + "/" + leaf;

        /// <summary>Sets a setting from the serial console; the test fails if it is refused.</summary>
        public void Set(string key, string value)
        {
            string error;
            Assert.IsTrue(Config.TrySet(key, value, SettingSource.Console, out error) == ConfigResult.Ok, key + ": " + error);
        }

        /// <summary>Attaches the publisher and starts the node (power-on, config loaded).</summary>
        public void Start()
        {
            Publisher.Attach(Node, Interpreter, Storage);
            Node.Start(WakeCause.PowerOn, ConfigLoadOutcome.Loaded);
        }

        /// <summary>Starts the node and runs until the first connection attempt has been made (at most 1 s).</summary>
        public void StartAndConnect()
        {
            Start();
            RunMs(1000);
        }

        /// <summary>Runs ticks for <paramref name="ms"/> of time.</summary>
        public void RunMs(long ms)
        {
            for (long t = 0; t < ms; t += TickMs)
            {
                Tick();
            }
        }

        /// <summary>Runs <paramref name="windows"/> whole windows.</summary>
        public void RunWindows(int windows)
        {
            RunMs((long)windows * SensorNodeCore.WindowMs);
        }

        /// <summary>One tick: time moves, the node runs, commands run, the network is served.</summary>
        public void Tick()
        {
            Clock.AdvanceMs(TickMs);
            Node.RunOnce();
            Publisher.RunCommands();
            Publisher.Service();
        }

        /// <summary>Sends one command over MQTT and returns the reply JSON the node published (null if none).</summary>
        public string Command(string line)
        {
            int before = Transport.CountOn(TopicOf("cmd/reply"));
            Transport.Deliver(TopicOf("cmd"), line, false);
            Tick();
            return Transport.CountOn(TopicOf("cmd/reply")) > before ? Transport.LastTextOn(TopicOf("cmd/reply")) : null;
        }
    }
}
