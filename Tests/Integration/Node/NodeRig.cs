using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SensorNode.Core.Node;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Node;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>
    /// One virtual node in the test process: the real firmware core on the virtual board, its flash in a fresh temporary
    /// folder, its console on a <see cref="MemorySerialLine"/> and every event kept by a <see cref="RecordingPublisher"/>.
    /// Time is simulated and runs as fast as the machine computes it. Dispose deletes the folder.
    /// </summary>
    internal sealed class NodeRig : IDisposable
    {
        public NodeRig(Scenario scenario, string flashFolder = null)
        {
            FlashFolder = flashFolder ?? Path.Combine(Path.GetTempPath(), "node-rig-" + Guid.NewGuid().ToString("N"));
            Storage = new FolderFileStorage(FlashFolder);
            Line = new MemorySerialLine();
            Publisher = new RecordingPublisher();
            Board = new VirtualBoard(scenario, 1);
            Node = new VirtualNode(Board, Storage, Line, Publisher);
            Node.Boot();
        }

        public string FlashFolder { get; }

        public FolderFileStorage Storage { get; }

        public MemorySerialLine Line { get; }

        public RecordingPublisher Publisher { get; }

        public VirtualBoard Board { get; }

        public VirtualNode Node { get; }

        public NodeSnapshot Snapshot => Node.Core.Snapshot;

        /// <summary>Scenario time, minutes.</summary>
        public double Minutes => Board.Clock.ElapsedS / 60;

        /// <summary>Runs the node until the scenario clock reads <paramref name="minutes"/>.</summary>
        public void RunUntilMinute(double minutes)
        {
            long leftMs = (long)(minutes * 60000) - Board.Clock.MonotonicMs;
            if (leftMs > 0)
            {
                Node.RunFor(leftMs);
            }
        }

        /// <summary>
        /// Types <paramref name="line"/> and a line end on the console and returns what the node wrote in answer: the
        /// reply and the lines of any events the command raised. Earlier output is discarded first.
        /// </summary>
        public string Command(string line)
        {
            Node.PollConsole();
            Line.TakeOutput();
            Line.Type(line + "\r\n");
            Node.PollConsole();
            return Line.TakeOutput();
        }

        /// <summary>The reply's lines without the CR LF ends.</summary>
        public string[] CommandLines(string line) =>
            Command(line).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        /// <summary>Events of the current boot on <paramref name="channel"/>, in order.</summary>
        public List<SeenEvent> EventsOn(string channel) =>
            Publisher.Events.Where(e => e.Channel == channel).ToList();

        /// <summary>Scenario minute of an event of the first boot (its node time; the first boot started at minute 0).</summary>
        public static double MinuteOf(SeenEvent e) => e.TimeMs / 60000.0;

        /// <summary>Every event seen, one per line, for assertion messages.</summary>
        public string Describe() => string.Join(Environment.NewLine, Publisher.Events.Select(e => e.ToString()));

        public void Dispose()
        {
            try
            {
                Directory.Delete(FlashFolder, true);
            }
            catch (IOException)
            {
                // A leftover temporary folder does not fail a test.
            }
        }
    }
}
