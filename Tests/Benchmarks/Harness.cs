using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// One unit of work to time. Implemented by structs so the JIT specialises
    /// <see cref="Harness.Measure{TOperation}"/> per operation and inlines <see cref="Invoke"/>:
    /// no delegate or interface call is timed along with the primitive.
    /// </summary>
    internal interface IOperation
    {
        /// <summary>Performs the operation on the inputs selected by <paramref name="iteration"/>; the result feeds a checksum.</summary>
        long Invoke(int iteration);
    }

    /// <summary>Throughput (fastest timed run) and allocation (all timed runs) of one operation.</summary>
    internal readonly struct Measurement
    {
        public Measurement(string name, long iterationsPerRun, double fastestRunSeconds, long totalIterations, long bytesAllocated, long checksum)
        {
            Name = name;
            IterationsPerRun = iterationsPerRun;
            FastestRunSeconds = fastestRunSeconds;
            TotalIterations = totalIterations;
            BytesAllocated = bytesAllocated;
            Checksum = checksum;
        }

        public string Name { get; }
        public long IterationsPerRun { get; }
        public double FastestRunSeconds { get; }
        public long TotalIterations { get; }
        public long BytesAllocated { get; }
        public long Checksum { get; }
        public double OpsPerSecond => IterationsPerRun / FastestRunSeconds;
        public double NanosecondsPerOp => FastestRunSeconds * 1e9 / IterationsPerRun;
        public double BytesPerOp => (double)BytesAllocated / TotalIterations;
    }

    /// <summary>Times operations with Stopwatch and counts their allocations with GC.GetAllocatedBytesForCurrentThread.</summary>
    internal static class Harness
    {
        private const double CalibrationSeconds = 0.02;
        private const int Repeats = 5;

        /// <summary>
        /// Runs <paramref name="operation"/> for about <paramref name="targetSeconds"/> after a calibration
        /// pass, split into <see cref="Repeats"/> equal runs. Reports the fastest run's ops/s (the one
        /// least disturbed by other processes) and the bytes allocated over all runs.
        /// </summary>
        public static Measurement Measure<TOperation>(string name, TOperation operation, double targetSeconds)
            where TOperation : struct, IOperation
        {
            long iterations = 1 << 12;
            double seconds;
            while (true)
            {
                seconds = Time(ref operation, iterations, out _, out _);
                if (seconds >= CalibrationSeconds)
                {
                    break;
                }

                iterations *= 2;
            }

            iterations = Math.Max(1, (long)(iterations * targetSeconds / Repeats / seconds));
            double fastest = double.MaxValue;
            long totalBytes = 0;
            long checksum = 0;
            for (int repeat = 0; repeat < Repeats; repeat++)
            {
                seconds = Time(ref operation, iterations, out long bytesAllocated, out long runChecksum);
                fastest = Math.Min(fastest, seconds);
                totalBytes += bytesAllocated;
                checksum ^= runChecksum;
            }

            return new Measurement(name, iterations, fastest, iterations * Repeats, totalBytes, checksum);
        }

        private static double Time<TOperation>(ref TOperation operation, long iterations, out long bytesAllocated, out long checksum)
            where TOperation : struct, IOperation
        {
            long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            checksum = Run(ref operation, iterations);
            long end = Stopwatch.GetTimestamp();
            bytesAllocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            return (double)(end - start) / Stopwatch.Frequency;
        }

        // Fully optimised on first call (no tiering or OSR mid-measurement); the checksum is
        // returned and printed so the JIT cannot drop the work.
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static long Run<TOperation>(ref TOperation operation, long iterations)
            where TOperation : struct, IOperation
        {
            long checksum = 0;
            for (long i = 0; i < iterations; i++)
            {
                checksum += operation.Invoke((int)i);
            }

            return checksum;
        }

        /// <summary>Prints measurements as an aligned table.</summary>
        public static void PrintTable(Measurement[] measurements)
        {
            Console.WriteLine($"{"operation",-34} {"ops/s",16} {"ns/op",8} {"bytes/op",9} {"checksum",18}");
            Console.WriteLine(new string('-', 34 + 1 + 16 + 1 + 8 + 1 + 9 + 1 + 18));
            foreach (Measurement m in measurements)
            {
                Console.WriteLine($"{m.Name,-34} {m.OpsPerSecond,16:N0} {m.NanosecondsPerOp,8:F2} {m.BytesPerOp,9:0.###} {m.Checksum,18:X16}");
            }
        }
    }
}
