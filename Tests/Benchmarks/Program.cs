using System;

namespace SensorNode.Benchmarks
{
    internal static class Program
    {
        // Register each benchmark here: one IBenchmark per file.
        private static readonly IBenchmark[] Benchmarks =
        {
            new MathBenchmark(),
            new SignalBenchmark(),
            new Evaluation.EvaluateBenchmark(),
            new DriversBenchmark(),
            new ConsoleFuzzBenchmark(),
            new MqttBenchmark(),
            new FleetBenchmark(),
            new Energy.EnergyBenchmark(),
        };

        private const int UsageExitCode = 2;

        public static int Main(string[] args)
        {
            if (args.Length > 0)
            {
                foreach (IBenchmark benchmark in Benchmarks)
                {
                    if (benchmark.Name == args[0])
                    {
                        return benchmark.Run(args[1..]);
                    }
                }

                Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
            }

            Console.Error.WriteLine("usage: dotnet run -c Release --project Tests/Benchmarks -- <benchmark> [args]");
            Console.Error.WriteLine("benchmarks:");
            foreach (IBenchmark benchmark in Benchmarks)
            {
                Console.Error.WriteLine($"  {benchmark.Name,-12} {benchmark.Description}");
            }

            return UsageExitCode;
        }
    }
}
