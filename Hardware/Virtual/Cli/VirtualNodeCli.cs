using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using SensorNode.Core.Node;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Hardware.Virtual.Node;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Cli
{
    /// <summary>
    /// The <c>virtual-node</c> command line (System.CommandLine): <c>run</c> and <c>scenarios</c>, with <c>--help</c>
    /// everywhere. Exit codes: 0 done, 1 a runtime error (message on stderr), 2 a usage error (message on stderr and a
    /// pointer to <c>--help</c>).
    /// </summary>
    public static class VirtualNodeCli
    {
        /// <summary>Exit code of a finished run or listing.</summary>
        public const int ExitOk = 0;

        /// <summary>Exit code when the run failed (I/O, a crash outside the firmware's own guards).</summary>
        public const int ExitRuntimeError = 1;

        /// <summary>Exit code for a bad command line.</summary>
        public const int ExitUsageError = 2;

        /// <summary>Highest time acceleration accepted; the simulation's own speed is the real limit (see the README).</summary>
        public const double MaxSpeed = 10000;

        /// <summary>Parses <paramref name="args"/> and runs the command; returns the process exit code.</summary>
        public static int Run(string[] args)
        {
            RootCommand root = BuildRoot();
            ParseResult parsed = root.Parse(args);
            if (parsed.Action is ParseErrorAction)
            {
                foreach (var error in parsed.Errors)
                {
                    Console.Error.WriteLine("virtual-node: " + error.Message);
                }

                Console.Error.WriteLine("Try 'virtual-node --help' or 'virtual-node run --help'.");
                return ExitUsageError;
            }

            try
            {
                return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                // The config folder or the console streams: the message names the path or the failure.
                Console.Error.WriteLine("virtual-node: " + ex.Message);
                return ExitRuntimeError;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine("virtual-node: unexpected error: " + ex);
                return ExitRuntimeError;
            }
        }

        private static RootCommand BuildRoot()
        {
            var root = new RootCommand(
                "Runs the sensor node's firmware on a PC, against a simulated machine and register-level models of its chips. "
                + "The technician console is on stdin/stdout.");
            root.Subcommands.Add(BuildRun());
            root.Subcommands.Add(BuildScenarios());
            root.Subcommands.Add(FleetCommand.Build());
            foreach (var option in root.Options)
            {
                if (option is VersionOption version)
                {
                    version.Action = new PrintFirmwareVersion();
                }
            }

            return root;
        }

        private static Command BuildRun()
        {
            var seed = new Option<ulong>("--seed")
            {
                HelpName = "n",
                Description = "Seed of the machine's noise and of the board's MAC (so of the default node id).",
                DefaultValueFactory = _ => RunSettings.DefaultSeed,
            };
            var speed = new Option<double>("--speed")
            {
                HelpName = "x",
                Description = "Time acceleration: simulated seconds per real second (60 plays a one-hour scenario in a minute). "
                    + "Above what the simulation keeps up with, it runs as fast as it can.",
                DefaultValueFactory = _ => 1.0,
            };
            speed.Validators.Add(result =>
            {
                double value = result.GetValueOrDefault<double>();
                if (!(value > 0 && value <= MaxSpeed))
                {
                    result.AddError("--speed must be above 0 and at most " + MaxSpeed.ToString(CultureInfo.InvariantCulture) + ".");
                }
            });
            var scenario = new Option<string>("--scenario")
            {
                Description = "What the machine does and which faults it develops; 'virtual-node scenarios' lists them.",
                DefaultValueFactory = _ => RunSettings.DefaultScenario,
                HelpName = "name",
            };
            scenario.Validators.Add(result => RequireScenario(result.GetValueOrDefault<string>(), result));
            var configDir = new Option<string>("--config-dir")
            {
                Description = "Folder holding the node's flash files (config). Default: ./.virtual-node/<default node id>.",
                HelpName = "dir",
            };
            var duration = new Option<double>("--duration")
            {
                Description = "Stop after this many simulated seconds and exit 0, even if stdin ends earlier. "
                    + "Without it the run ends when stdin ends (Ctrl+D) or at Ctrl+C.",
                HelpName = "seconds",
            };
            duration.Validators.Add(result =>
            {
                if (!(result.GetValueOrDefault<double>() > 0))
                {
                    result.AddError("--duration must be above 0 seconds.");
                }
            });

            var broker = new Option<string>("--broker")
            {
                HelpName = "host[:port]",
                Description = "MQTT broker to publish to (port 1883, or 8883 with TLS). Default: mqtt.host and mqtt.port "
                    + "from the saved settings; with neither the node runs offline and queues its events.",
            };
            broker.Validators.Add(result =>
            {
                if (!BrokerAddress.TryParse(result.GetValueOrDefault<string>(), false, out _, out string error))
                {
                    result.AddError("--broker: " + error + ".");
                }
            });
            var caFile = new Option<string>("--ca-file")
            {
                HelpName = "pem",
                Description = "Connect over TLS and trust only this CA certificate (PEM). mqtt.tls on uses the system's CAs.",
            };

            var run = new Command("run", "Boot the node on the virtual board and open its console on stdin/stdout. "
                + "Type 'help' for the commands; end with Ctrl+D (end of input) or Ctrl+C.")
            {
                seed, speed, scenario, configDir, duration, broker, caFile,
            };
            run.SetAction(result =>
            {
                var settings = new RunSettings(
                    result.GetValue(seed),
                    result.GetValue(speed),
                    ScenarioCatalogue.Find(result.GetValue(scenario)),
                    result.GetValue(configDir),
                    result.GetValue(duration))
                {
                    Broker = ParseBroker(result.GetValue(broker), result.GetValue(caFile) != null),
                    CaFile = result.GetValue(caFile),
                };
                return VirtualNodeRunner.Run(settings);
            });
            return run;
        }

        private static Command BuildScenarios()
        {
            var name = new Argument<string>("name")
            {
                Description = "Show this scenario's description, schedule and fault timeline instead of the list.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            name.Validators.Add(result => RequireScenario(result.GetValueOrDefault<string>(), result));
            var scenarios = new Command("scenarios", "List the machine scenarios (faults to watch develop), or show one.")
            {
                name,
            };
            scenarios.SetAction(result =>
            {
                string chosen = result.GetValue(name);
                if (chosen == null)
                {
                    ScenarioListing.WriteTable(Console.Out);
                }
                else
                {
                    ScenarioListing.WriteDetails(ScenarioCatalogue.Find(chosen), Console.Out);
                }

                return ExitOk;
            });
            return scenarios;
        }

        // --version prints the firmware's version (the assembly's own is not meaningful).
        private sealed class PrintFirmwareVersion : SynchronousCommandLineAction
        {
            public override int Invoke(ParseResult parseResult)
            {
                Console.Out.WriteLine(FirmwareVersion.Text);
                return ExitOk;
            }
        }

        private static BrokerAddress ParseBroker(string text, bool tls)
        {
            return text != null && BrokerAddress.TryParse(text, tls, out BrokerAddress address, out _) ? address : null;
        }

        private static void RequireScenario(string name, SymbolResult result)
        {
            if (name != null && ScenarioCatalogue.Find(name) == null)
            {
                result.AddError("unknown scenario '" + name + "'; 'virtual-node scenarios' lists them: "
                    + string.Join(", ", ScenarioCatalogue.All.Select(s => s.Name)) + ".");
            }
        }
    }
}
