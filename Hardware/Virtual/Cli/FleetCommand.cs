using System;
using System.CommandLine;
using SensorNode.Hardware.Virtual.Fleet;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Hardware.Virtual.Cli
{
    /// <summary>
    /// <c>virtual-node fleet</c>: N lightweight virtual nodes (the real core and MQTT publisher each, synthetic sensors) in
    /// this process against one broker; prints the startup time, the publish rate and the events lost. The broker restart
    /// test needs a broker the program can stop and start: the benchmark (<c>Tests/Benchmarks -- fleet</c>) runs its own.
    /// </summary>
    public static class FleetCommand
    {
        /// <summary>Most nodes accepted (each holds a TCP connection; raise <c>ulimit -n</c> above about 1100 for 1000).</summary>
        public const int MaxNodes = 20000;

        public static Command Build()
        {
            var nodes = new Option<int>("--nodes")
            {
                HelpName = "n",
                Description = "Number of virtual nodes.",
                DefaultValueFactory = _ => 100,
            };
            nodes.Validators.Add(result =>
            {
                int value = result.GetValueOrDefault<int>();
                if (value < 1 || value > MaxNodes)
                {
                    result.AddError("--nodes must be 1 to " + MaxNodes + ".");
                }
            });
            var broker = new Option<string>("--broker")
            {
                HelpName = "host[:port]",
                Description = "The MQTT broker (plain TCP).",
                DefaultValueFactory = _ => "127.0.0.1:1883",
            };
            broker.Validators.Add(result =>
            {
                if (!BrokerAddress.TryParse(result.GetValueOrDefault<string>(), false, out _, out string error))
                {
                    result.AddError("--broker: " + error + ".");
                }
            });
            var reportS = new Option<int>("--report-s")
            {
                HelpName = "s",
                Description = "report.active_s of every node: state and telemetry period.",
                DefaultValueFactory = _ => 5,
            };
            reportS.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError("--report-s must be at least 1.");
                }
            });
            var seconds = new Option<double>("--seconds")
            {
                HelpName = "s",
                Description = "Length of the steady phase over which the publish rate is measured.",
                DefaultValueFactory = _ => 20.0,
            };
            seconds.Validators.Add(result =>
            {
                if (!(result.GetValueOrDefault<double>() > 0))
                {
                    result.AddError("--seconds must be above 0.");
                }
            });

            var fleet = new Command("fleet", "Run many virtual nodes against one MQTT broker and measure publish rate and "
                + "delivery. Each node is the real firmware core and MQTT publisher on synthetic sensors.")
            {
                nodes, broker, reportS, seconds,
            };
            fleet.SetAction(result =>
            {
                BrokerAddress.TryParse(result.GetValue(broker), false, out BrokerAddress address, out _);
                var settings = new FleetSettings
                {
                    Nodes = result.GetValue(nodes),
                    Broker = address,
                    ReportS = result.GetValue(reportS),
                    SteadyS = result.GetValue(seconds),
                    OutageS = 0,
                };
                FleetReport report = new FleetRunner(settings, Console.Error).Run(null, null);
                report.Write(Console.Out);
                return report.EventsLost == 0 ? VirtualNodeCli.ExitOk : VirtualNodeCli.ExitRuntimeError;
            });
            return fleet;
        }
    }
}
