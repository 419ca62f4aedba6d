using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using SensorNode.Core.Node;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Node
{
    /// <summary>
    /// <c>virtual-node run</c>: a <see cref="VirtualNode"/> on stdin/stdout, its world clock paced at wall time × speed.
    /// </summary>
    /// <remarks>
    /// <para>Pacing: simulated time due = wall time since start × speed. The loop steps the node until it reaches that,
    /// in slices of at most <see cref="SliceMs"/> of wall time so that console input and Ctrl+C are seen promptly; ahead of
    /// time it waits for console input, which it answers at once without moving time. When the simulation cannot keep up
    /// (more than <see cref="MaxLagMs"/> of wall time behind) it drops the backlog and carries on from where it is: it
    /// then runs as fast as it can instead of racing to catch up.</para>
    /// <para>It ends, with exit code 0, at the end of <see cref="RunSettings.DurationS"/> when one is given, otherwise
    /// when stdin ends (after answering what it held); and at Ctrl+C in either case.</para>
    /// </remarks>
    public static class VirtualNodeRunner
    {
        /// <summary>Longest stretch of wall time the loop simulates before it looks at input and Ctrl+C again, ms.</summary>
        public const int SliceMs = 20;

        /// <summary>Wall time the simulation may fall behind before the backlog is dropped, ms.</summary>
        public const int MaxLagMs = 500;

        private const int LongestWaitMs = 50;

        /// <summary>Runs the node until the duration, the end of input or Ctrl+C; returns the exit code (0).</summary>
        public static int Run(RunSettings settings)
        {
            var board = new VirtualBoard(settings.Scenario, settings.Seed);
            string configDir = settings.ConfigDirFor(board.DefaultNodeId);
            var storage = new FolderFileStorage(configDir);
            using var stdin = Console.OpenStandardInput();
            using var stdout = Console.OpenStandardOutput();
            var line = new StreamSerialLine(stdin, stdout);
            using var network = NodeNetwork.Create(settings.Broker, settings.CaFile, storage);
            var node = new VirtualNode(board, storage, line, network.Publisher);

            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (sender, e) =>
            {
                // Stop cleanly from the loop instead of letting the runtime kill the process.
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                node.Boot();
                network.Start();
                node.WriteLine(Banner(settings, node, configDir, network.Description));
                var wall = Stopwatch.StartNew();
                Pace(node, line, settings, wall, stop.Token);
                node.WriteLine("virtual-node: stopped at " + Uptime(board.Clock.MonotonicMs) + " simulated time, after "
                    + wall.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s");
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return 0;
        }

        private static void Pace(VirtualNode node, StreamSerialLine line, RunSettings settings, Stopwatch wall,
            CancellationToken stop)
        {
            VirtualClock clock = node.Board.Clock;
            long endUs = settings.DurationS > 0 ? clock.MonotonicUs + (long)(settings.DurationS * 1e6) : long.MaxValue;
            long originUs = clock.MonotonicUs;
            double originWallMs = 0;
            while (!stop.IsCancellationRequested && clock.MonotonicUs < endUs)
            {
                if (settings.DurationS <= 0 && line.InputEnded)
                {
                    return;
                }

                double nowWallMs = wall.Elapsed.TotalMilliseconds;
                long dueUs = Math.Min(endUs, originUs + (long)((nowWallMs - originWallMs) * 1000 * settings.Speed));
                double sliceEndMs = nowWallMs + SliceMs;
                while (clock.MonotonicUs < dueUs && wall.Elapsed.TotalMilliseconds < sliceEndMs)
                {
                    node.Step();
                }

                long behindUs = dueUs - clock.MonotonicUs;
                if (behindUs > MaxLagMs * 1000 * settings.Speed)
                {
                    originUs = clock.MonotonicUs;
                    originWallMs = wall.Elapsed.TotalMilliseconds;
                }
                else if (behindUs <= 0)
                {
                    WaitForNextStep(node, line, settings.Speed, clock.MonotonicUs + node.StepUs - dueUs);
                }
                else
                {
                    node.PollConsole();
                }
            }
        }

        // Sleeps until the next tick is due, answering console input as soon as it arrives.
        private static void WaitForNextStep(VirtualNode node, StreamSerialLine line, double speed, long aheadUs)
        {
            int waitMs = (int)Math.Clamp(aheadUs / 1000.0 / speed, 1, LongestWaitMs);
            if (line.InputEnded)
            {
                Thread.Sleep(waitMs);
            }
            else if (line.WaitForInput(TimeSpan.FromMilliseconds(waitMs)))
            {
                node.PollConsole();
            }
        }

        private static string Banner(RunSettings settings, VirtualNode node, string configDir, string mqtt)
        {
            var scenario = settings.Scenario;
            return "virtual-node " + node.Core.Snapshot.NodeId
                + " | firmware " + FirmwareVersion.Text
                + " | scenario " + scenario.Name + " (" + (scenario.DurationS / 60).ToString("0.#", CultureInfo.InvariantCulture) + " min)"
                + " | speed x" + settings.Speed.ToString("0.###", CultureInfo.InvariantCulture)
                + " | seed " + settings.Seed.ToString(CultureInfo.InvariantCulture)
                + " | config in " + configDir
                + " | " + mqtt + " | type help";
        }

        private static string Uptime(long ms)
        {
            var t = TimeSpan.FromMilliseconds(ms);
            return ((int)t.TotalDays).ToString(CultureInfo.InvariantCulture) + "d "
                + t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
        }
    }
}
