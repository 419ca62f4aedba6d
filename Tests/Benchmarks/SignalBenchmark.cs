using System;
using System.Diagnostics;
using System.Reflection;
using SensorNode.Core.Signal;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// The vibration pipeline (Firmware/Core/Signal) as the node runs it: FIFO-sized batches of interleaved counts into
    /// <see cref="VibrationFeatureExtractor.AddSamples"/>, one <see cref="VibrationFeatureExtractor.FinishWindow"/> per
    /// 1 s window. Prints ns per sample and per window, bytes allocated per sample and per window in steady state (exit
    /// code 1 unless both are 0), and the bytes of state per channel, counted from the fields by reflection. Host JIT
    /// numbers: the device interprets IL and is one to two orders of magnitude slower, so read them as relative costs.
    /// </summary>
    internal sealed class SignalBenchmark : IBenchmark
    {
        private const int Repeats = 5;
        private const int WindowsPerRun = 60;
        private const int BatchFrames = 32;

        public string Name => "signal";

        public string Description => "vibration features: ns/sample, bytes allocated per sample and window (fails unless 0), state bytes";

        public int Run(string[] args)
        {
            Console.WriteLine($"vibration pipeline, host JIT ({Environment.Version}, {Environment.ProcessorCount} cores), {Repeats} runs of {WindowsPerRun} windows of 1 s, batches of {BatchFrames} frames, fastest run");
            Console.WriteLine();

            Result[] results =
            {
                Measure("ADXL345 3 axes at 3200 Hz", 3200, 3),
                Measure("1 axis at 12000 Hz (CWRU)", 12000, 1),
                Measure("1 axis at 800 Hz (no low-pass)", 800, 1),
            };

            Console.WriteLine($"{"configuration",-32} {"ns/sample",10} {"ns/window",11} {"finish ns",10} {"B/sample",9} {"B/window",9} {"samples/s",13}");
            Console.WriteLine(new string('-', 32 + 1 + 10 + 1 + 11 + 1 + 10 + 1 + 9 + 1 + 9 + 1 + 13));
            bool allocates = false;
            foreach (Result r in results)
            {
                Console.WriteLine($"{r.Name,-32} {r.NsPerSample,10:F2} {r.NsPerWindow,11:N0} {r.NsPerFinish,10:N0} {r.BytesPerSample,9:0.###} {r.BytesPerWindow,9:0.###} {1e9 / r.NsPerSample,13:N0}");
                allocates |= r.BytesAllocated != 0;
            }

            Console.WriteLine();
            Console.WriteLine("  sample = one axis value; window = 1 s of every axis, FinishWindow included; finish = FinishWindow alone");
            Console.WriteLine();
            PrintStateSizes();
            Console.WriteLine();
            Console.WriteLine(allocates ? "allocation: the pipeline ALLOCATES in steady state" : "allocation: 0 bytes per sample and per window");
            return allocates ? 1 : 0;
        }

        private static Result Measure(string name, int rateHz, int axes)
        {
            VibrationParameters parameters = new VibrationParameters();
            parameters.SampleRateHz = rateHz;
            parameters.AxisCount = axes;
            VibrationFeatureExtractor extractor = new VibrationFeatureExtractor(parameters);
            short[] counts = Signal(rateHz, axes);

            // Warm-up: JIT, tiering, and the first windows' settling.
            Run(extractor, counts, rateHz, axes, 20, out _);

            double fastestSeconds = double.MaxValue;
            double fastestFinishSeconds = double.MaxValue;
            long bytes = 0;
            long checksum = 0;
            for (int repeat = 0; repeat < Repeats; repeat++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                checksum ^= Run(extractor, counts, rateHz, axes, WindowsPerRun, out long finishTicks);
                long end = Stopwatch.GetTimestamp();
                bytes += GC.GetAllocatedBytesForCurrentThread() - before;
                fastestSeconds = Math.Min(fastestSeconds, (double)(end - start) / Stopwatch.Frequency);
                fastestFinishSeconds = Math.Min(fastestFinishSeconds, (double)finishTicks / Stopwatch.Frequency);
            }

            long samplesPerRun = (long)WindowsPerRun * rateHz * axes;
            long windows = (long)WindowsPerRun * Repeats;
            GC.KeepAlive(checksum);
            return new Result(
                name,
                fastestSeconds * 1e9 / samplesPerRun,
                fastestSeconds * 1e9 / WindowsPerRun,
                fastestFinishSeconds * 1e9 / WindowsPerRun,
                bytes,
                (double)bytes / (samplesPerRun * Repeats),
                (double)bytes / windows);
        }

        // One run: windows of rateHz frames, fed in FIFO-sized batches from a 1 s signal; the checksum keeps the work live.
        private static long Run(VibrationFeatureExtractor extractor, short[] counts, int rateHz, int axes, int windows, out long finishTicks)
        {
            long checksum = 0;
            finishTicks = 0;
            for (int window = 0; window < windows; window++)
            {
                for (int frame = 0; frame < rateHz; frame += BatchFrames)
                {
                    int frames = Math.Min(BatchFrames, rateHz - frame);
                    extractor.AddSamples(counts, frame * axes, frames);
                }

                long start = Stopwatch.GetTimestamp();
                extractor.FinishWindow();
                finishTicks += Stopwatch.GetTimestamp() - start;
                for (int axis = 0; axis < axes; axis++)
                {
                    VibrationFeatures f = extractor.Axis(axis);
                    checksum += f.AccelRmsMilliG + f.KurtosisX100 + f.VelocityRmsUmS;
                }
            }

            return checksum;
        }

        // 1 s of machine-like vibration per axis: gravity, a running-speed sine, a bearing tone and noise.
        private static short[] Signal(int rateHz, int axes)
        {
            Random random = new Random(7);
            short[] counts = new short[rateHz * axes];
            for (int i = 0; i < rateHz; i++)
            {
                double t = (double)i / rateHz;
                for (int axis = 0; axis < axes; axis++)
                {
                    double gravity = axis == 2 ? 256 : 0;
                    double value = gravity + 40 * Math.Sin(2 * Math.PI * 29.5 * t + axis) + 12 * Math.Sin(2 * Math.PI * 163 * t) + random.NextDouble() * 8 - 4;
                    counts[i * axes + axis] = (short)Math.Round(value);
                }
            }

            return counts;
        }

        private static void PrintStateSizes()
        {
            Assembly core = typeof(VibrationFeatureExtractor).Assembly;
            Type axisState = core.GetType("SensorNode.Core.Signal.VibrationAxisState", true);
            Type filter = core.GetType("SensorNode.Core.Signal.VelocityBandFilter", true);
            Console.WriteLine("state (fields summed by reflection; object headers and references excluded):");
            PrintFields("per axis: filter chain + window sums", axisState);
            PrintFields("per axis: results", typeof(VibrationFeatures));
            PrintFields("per extractor: filter coefficients", filter);
            PrintFields("per extractor: bookkeeping", typeof(VibrationFeatureExtractor));
        }

        private static void PrintFields(string label, Type type)
        {
            int bytes = 0;
            int fields = 0;
            int references = 0;
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                int size = PrimitiveSize(field.FieldType);
                if (size == 0)
                {
                    references++;
                }
                else
                {
                    bytes += size;
                    fields++;
                }
            }

            Console.WriteLine($"  {label,-40} {bytes,5} bytes in {fields,2} value fields, {references} references ({type.Name})");
        }

        private static int PrimitiveSize(Type type)
        {
            if (type.IsEnum)
            {
                return PrimitiveSize(Enum.GetUnderlyingType(type));
            }

            if (type == typeof(long) || type == typeof(ulong) || type == typeof(double))
            {
                return 8;
            }

            if (type == typeof(int) || type == typeof(uint) || type == typeof(float))
            {
                return 4;
            }

            if (type == typeof(short) || type == typeof(ushort))
            {
                return 2;
            }

            return type == typeof(bool) || type == typeof(byte) || type == typeof(sbyte) ? 1 : 0;
        }

        private readonly struct Result
        {
            public Result(string name, double nsPerSample, double nsPerWindow, double nsPerFinish, long bytesAllocated, double bytesPerSample, double bytesPerWindow)
            {
                Name = name;
                NsPerSample = nsPerSample;
                NsPerWindow = nsPerWindow;
                NsPerFinish = nsPerFinish;
                BytesAllocated = bytesAllocated;
                BytesPerSample = bytesPerSample;
                BytesPerWindow = bytesPerWindow;
            }

            public string Name { get; }
            public double NsPerSample { get; }
            public double NsPerWindow { get; }
            public double NsPerFinish { get; }
            public long BytesAllocated { get; }
            public double BytesPerSample { get; }
            public double BytesPerWindow { get; }
        }
    }
}
