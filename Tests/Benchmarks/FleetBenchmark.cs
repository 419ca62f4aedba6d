using System;
using System.Globalization;
using SensorNode.Hardware.Virtual.Fleet;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Integration;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// N virtual nodes (the real core and MQTT publisher each, on synthetic sensors: see <see cref="FleetRunner"/>) in
    /// this process against a mosquitto of its own on loopback: publish rate, broker-restart recovery time and events
    /// lost (which must be 0 while the outage fits the queues). Exit code 1 if any event was lost.
    /// </summary>
    /// <remarks>
    /// Each node holds one TCP connection and the broker one per node: for 1000 nodes the process and mosquitto (which
    /// inherits the limit) need <c>ulimit -n</c> above about 1100.
    /// </remarks>
    internal sealed class FleetBenchmark : IBenchmark
    {
        public string Name => "fleet";

        public string Description => "N virtual nodes against a loopback mosquitto: publish rate, restart recovery, events lost "
            + "[--nodes N] [--report-s S] [--event-interval-s S] [--steady-s S] [--outage-s S] [--network-threads T] [--ha]";

        public int Run(string[] args)
        {
            var settings = new FleetSettings { Nodes = 1000 };
            for (int i = 0; i < args.Length; i++)
            {
                string value = i + 1 < args.Length ? args[i + 1] : null;
                switch (args[i])
                {
                    case "--nodes":
                        settings.Nodes = int.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--report-s":
                        settings.ReportS = int.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--event-interval-s":
                        settings.EventIntervalMs = (long)(double.Parse(value, CultureInfo.InvariantCulture) * 1000);
                        i++;
                        break;
                    case "--steady-s":
                        settings.SteadyS = double.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--outage-s":
                        settings.OutageS = double.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--network-threads":
                        settings.NetworkThreads = int.Parse(value, CultureInfo.InvariantCulture);
                        i++;
                        break;
                    case "--ha":
                        settings.HomeAssistant = true;
                        break;
                    default:
                        Console.Error.WriteLine("fleet: unknown argument '" + args[i] + "'");
                        return 2;
                }
            }

            using MosquittoBroker broker = MosquittoBroker.Start();
            settings.Broker = new BrokerAddress("127.0.0.1", broker.PlainPort);
            Console.WriteLine("fleet: mosquitto on 127.0.0.1:" + broker.PlainPort + ", " + Environment.ProcessorCount + " cores");
            FleetReport report = new FleetRunner(settings, Console.Out).Run(broker.Stop, broker.Restart);
            report.Write(Console.Out);
            return report.EventsLost == 0 ? 0 : 1;
        }
    }
}
