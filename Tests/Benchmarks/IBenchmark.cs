namespace SensorNode.Benchmarks
{
    /// <summary>One benchmark, selected by <see cref="Name"/> as the first command-line argument.</summary>
    internal interface IBenchmark
    {
        /// <summary>The command-line name, e.g. "math".</summary>
        string Name { get; }

        /// <summary>One line for the list printed when no benchmark is named.</summary>
        string Description { get; }

        /// <summary>Runs the benchmark with the arguments after its name; returns the process exit code.</summary>
        int Run(string[] args);
    }
}
