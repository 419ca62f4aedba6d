using System;
using System.Diagnostics;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Node;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// At least 10^6 seeded random and mutated console lines (the same mix as the shared fuzz test: corpus lines, their
    /// mutations, binary noise, over-long lines, CR/LF/CRLF ends, a quarter from the remote source) through the
    /// <see cref="LineAssembler"/> and the <see cref="CommandInterpreter"/> of a running node. Reports the count, lines/s
    /// and bytes allocated per line; exit code 1 if any line threw, or an error reply broke the one-line rule or changed
    /// state (settings version, event log, reboot requests).
    /// </summary>
    internal sealed class ConsoleFuzzBenchmark : IBenchmark
    {
        private const int DefaultLines = 1000000;
        private const int DefaultSeed = 20260101;
        private const int LinesPerTick = 100;
        private const int MaxReportedFailures = 5;

        private static readonly string[] Corpus =
        {
            "help", "help set", "help bogus", "status", "status json", "sensors", "sensors json", "config", "config json",
            "get mqtt.port", "get mqtt.port json", "get wifi.password", "get nothing", "set report.active_s 20",
            "set report.active_s 0", "set report.eco_s 120", "set mqtt.port 1884", "set mqtt.port 99999", "set mqtt.tls on",
            "set iso.foundation flexible", "set iso.group 3", "set temp.max_c 75", "set machine.off_ma 300",
            "set wifi.ssid Plant Floor", "set wifi.password hunter22", "set node.id press-7", "set anomaly.watch 45",
            "save", "defaults", "learn", "learn velocity", "learn nothing", "mode eco", "mode auto", "mode warp",
            "events", "events 5", "events 5 json", "events 0", "events abc", "bench now", "mqtt", "mqtt json", "version",
            "version json", "reboot", "reboot later",
        };

        public string Name => "console-fuzz";

        public string Description => "10^6 random/mutated console lines: count, lines/s, exceptions (fails on any)";

        public int Run(string[] args)
        {
            int lines = args.Length > 0 ? int.Parse(args[0]) : DefaultLines;
            int seed = args.Length > 1 ? int.Parse(args[1]) : DefaultSeed;

            var clock = new VirtualClock();
            var config = new ConfigStore(SettingsTable.All);
            var node = new SensorNodeCore(config, new QuietFrontEnd(), clock, new OfflinePublisher(), null, "node-bench0");
            var system = new RebootCounter();
            var interpreter = new CommandInterpreter(node, new RamStorage(), system);
            var assembler = new LineAssembler(LineAssembler.DefaultMaxLineChars);
            var reply = new ConsoleReply(SerialConsole.ReplyCapacityChars);
            var random = new Random(seed);
            var bytes = new byte[512];
            node.Start(WakeCause.PowerOn, ConfigLoadOutcome.Defaults);

            long totalBytes = 0;
            long answered = 0;
            long errors = 0;
            long exceptions = 0;
            long violations = 0;
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            for (int line = 0; line < lines; line++)
            {
                if (line % LinesPerTick == 0)
                {
                    clock.AdvanceMs(10);
                    node.RunOnce();
                }

                int length = NextLine(random, bytes);
                SettingSource source = random.Next(4) == 0 ? SettingSource.Remote : SettingSource.Console;
                totalBytes += length;
                for (int k = 0; k < length; k++)
                {
                    int version = config.Version;
                    long seq = node.Events.LastSeq;
                    int reboots = system.Requests;
                    try
                    {
                        LineEvent result = assembler.Push(bytes[k]);
                        if (result == LineEvent.Line)
                        {
                            interpreter.Execute(assembler.Line, source, reply);
                        }
                        else if (result == LineEvent.Error)
                        {
                            CommandInterpreter.DescribeLineError(assembler, reply);
                        }
                        else
                        {
                            continue;
                        }
                    }
                    catch (Exception ex)
                    {
                        if (++exceptions <= MaxReportedFailures)
                        {
                            Console.Error.WriteLine($"line {line}: {ex.GetType().Name}: {ex.Message}");
                        }

                        continue;
                    }

                    answered++;
                    if (reply.Ok)
                    {
                        continue;
                    }

                    errors++;
                    if (reply.LineCount() != 1 || config.Version != version || node.Events.LastSeq != seq || system.Requests != reboots)
                    {
                        if (++violations <= MaxReportedFailures)
                        {
                            Console.Error.WriteLine($"line {line}: error reply broke the rules: {reply}");
                        }
                    }
                }
            }

            stopwatch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            double seconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"console fuzz, seed {seed}, host JIT ({Environment.Version})");
            Console.WriteLine($"lines        {lines,14:N0}  ({totalBytes:N0} bytes)");
            Console.WriteLine($"answered     {answered,14:N0}  (errors {errors:N0}, ok {answered - errors:N0})");
            Console.WriteLine($"time         {seconds,14:F2} s");
            Console.WriteLine($"lines/s      {lines / seconds,14:N0}");
            Console.WriteLine($"allocated    {(double)allocated / lines,14:F0} bytes/line");
            Console.WriteLine($"exceptions   {exceptions,14:N0}");
            Console.WriteLine($"violations   {violations,14:N0}");
            return exceptions == 0 && violations == 0 ? 0 : 1;
        }

        private static int NextLine(Random random, byte[] bytes)
        {
            int kind = random.Next(100);
            int length = 0;
            if (kind < 10)
            {
                length = 1 + random.Next(80);
                for (int i = 0; i < length; i++)
                {
                    byte value = (byte)random.Next(256);
                    bytes[i] = value == 0x0D || value == 0x0A ? (byte)0 : value;
                }
            }
            else if (kind < 14)
            {
                length = 129 + random.Next(200);
                for (int i = 0; i < length; i++)
                {
                    bytes[i] = (byte)('a' + random.Next(26));
                }
            }
            else
            {
                string text = Corpus[random.Next(Corpus.Length)];
                for (int i = 0; i < text.Length; i++)
                {
                    bytes[i] = (byte)text[i];
                }

                length = text.Length;
                if (kind >= 40)
                {
                    length = Mutate(random, bytes, length);
                }
            }

            switch (random.Next(3))
            {
                case 0:
                    bytes[length++] = 0x0D;
                    break;
                case 1:
                    bytes[length++] = 0x0A;
                    break;
                default:
                    bytes[length++] = 0x0D;
                    bytes[length++] = 0x0A;
                    break;
            }

            return length;
        }

        private static int Mutate(Random random, byte[] bytes, int length)
        {
            int mutations = 1 + random.Next(3);
            for (int m = 0; m < mutations && length > 0 && length < 300; m++)
            {
                int at = random.Next(length);
                switch (random.Next(8))
                {
                    case 0:
                        bytes[at] = (byte)(0x20 + random.Next(0x5F));
                        break;
                    case 1:
                        Array.Copy(bytes, at, bytes, at + 1, length - at);
                        bytes[at] = (byte)(0x20 + random.Next(0x5F));
                        length++;
                        break;
                    case 2:
                        Array.Copy(bytes, at + 1, bytes, at, length - at - 1);
                        length--;
                        break;
                    case 3:
                        bytes[at] ^= 0x20;
                        break;
                    case 4:
                        length = at;
                        break;
                    case 5:
                        length = Append(bytes, length, " json");
                        break;
                    case 6:
                        length = Append(bytes, length, random.Next(3) == 0 ? " -1" : " 99999999999999999999");
                        break;
                    default:
                        byte noise = (byte)random.Next(256);
                        Array.Copy(bytes, at, bytes, at + 1, length - at);
                        bytes[at] = noise == 0x0D || noise == 0x0A ? (byte)0x1B : noise;
                        length++;
                        break;
                }
            }

            return length;
        }

        private static int Append(byte[] bytes, int length, string text)
        {
            foreach (char c in text)
            {
                bytes[length++] = (byte)c;
            }

            return length;
        }

        /// <summary>No sensors answer: the node runs its windows with every channel missing, as a bare board would.</summary>
        private sealed class QuietFrontEnd : ISensorFrontEnd
        {
            public int VibrationAxisCount => 3;

            public int VibrationSampleRateHz => 3200;

            public LinearScale VibrationMilliGPerCount { get; } = new LinearScale(1000, 256);

            public SensorReadStatus ReadVibration(short[] counts, int offset, int maxFrames, out int frames)
            {
                frames = 0;
                return SensorReadStatus.NotReady;
            }

            public SensorReadStatus ReadTemperature(out int tempCentiC)
            {
                tempCentiC = 0;
                return SensorReadStatus.BusError;
            }

            public SensorReadStatus ReadCurrent(out int currentRmsMa)
            {
                currentRmsMa = 0;
                return SensorReadStatus.NotFitted;
            }
        }

        /// <summary>Counts reboot requests instead of rebooting.</summary>
        private sealed class RebootCounter : ISystemControl
        {
            public int Requests { get; private set; }

            public void RequestReboot() => Requests++;
        }

        /// <summary>Flash in a dictionary: save and its read-back without touching the disk.</summary>
        private sealed class RamStorage : IFileStorage
        {
            private readonly System.Collections.Generic.Dictionary<string, byte[]> files = new System.Collections.Generic.Dictionary<string, byte[]>();

            public StorageStatus Read(string name, byte[] buffer, out int length)
            {
                length = 0;
                if (!files.TryGetValue(name, out byte[] content))
                {
                    return StorageStatus.NotFound;
                }

                if (content.Length > buffer.Length)
                {
                    return StorageStatus.TooLarge;
                }

                content.CopyTo(buffer, 0);
                length = content.Length;
                return StorageStatus.Ok;
            }

            public StorageStatus Write(string name, byte[] buffer, int count)
            {
                files[name] = buffer.AsSpan(0, count).ToArray();
                return StorageStatus.Ok;
            }

            public StorageStatus Rename(string fromName, string toName)
            {
                if (!files.Remove(fromName, out byte[] content))
                {
                    return StorageStatus.NotFound;
                }

                files[toName] = content;
                return StorageStatus.Ok;
            }

            public StorageStatus Delete(string name) => files.Remove(name) ? StorageStatus.Ok : StorageStatus.NotFound;
        }
    }
}
