using System.Globalization;
using System.IO;

namespace SensorNode.Hardware.Virtual.Fleet
{
    /// <summary>The figures of one fleet run.</summary>
    public sealed class FleetReport
    {
        public int Nodes { get; set; }

        public int LoopThreads { get; set; }

        public int NetworkThreads { get; set; }

        public int ReportS { get; set; }

        public long EventIntervalMs { get; set; }

        /// <summary>From the first node's start until every node was connected and the monitor had seen it online, s.</summary>
        public double StartupS { get; set; }

        /// <summary>Length of the steady measurement, s.</summary>
        public double SteadyS { get; set; }

        /// <summary>Messages the monitor received per second in the steady phase, all topics.</summary>
        public double MessagesPerS { get; set; }

        /// <summary>Per second in the steady phase: availability, state, event, power, telemetry.</summary>
        public double[] MessagesPerSByLeaf { get; set; } = new double[5];

        /// <summary>Process CPU in the steady phase, % of one core.</summary>
        public double CpuPercentOfOneCore { get; set; }

        /// <summary>Managed heap after the run, MB.</summary>
        public double ManagedHeapMb { get; set; }

        /// <summary>True when the broker restart test ran.</summary>
        public bool RestartTested { get; set; }

        /// <summary>How long the broker was down, s.</summary>
        public double OutageS { get; set; }

        /// <summary>Events recorded while the broker was down, all nodes.</summary>
        public long EventsDuringOutage { get; set; }

        /// <summary>Largest queue depth of any node at the end of the outage.</summary>
        public int MaxQueueDepth { get; set; }

        /// <summary>From the broker accepting again until every node was connected, s.</summary>
        public double RecoveryS { get; set; }

        /// <summary>Reconnect times after the restart: first node, median, 95th percentile, last, s.</summary>
        public double[] ReconnectSpreadS { get; set; } = new double[4];

        /// <summary>From the broker accepting again until the monitor had every queued event, s.</summary>
        public double DrainS { get; set; }

        /// <summary>Events the nodes recorded over the whole run (boot events included).</summary>
        public long EventsTotal { get; set; }

        /// <summary>Events that never reached the monitor.</summary>
        public long EventsLost { get; set; }

        /// <summary>Events the nodes' queues dropped for lack of room.</summary>
        public long EventsDropped { get; set; }

        /// <summary>Events the monitor received more than once (QoS 1 resends after a lost acknowledgement).</summary>
        public long Duplicates { get; set; }

        public void Write(TextWriter output)
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            output.WriteLine("fleet: " + Nodes + " nodes (real core + MQTT publisher + host MQTT client each, synthetic sensors), "
                + LoopThreads + " loop threads, " + NetworkThreads + " network threads");
            output.WriteLine("  report period " + ReportS + " s, one synthetic event per node every "
                + (EventIntervalMs / 1000.0).ToString("0.###", c) + " s");
            output.WriteLine("  startup: all online after " + StartupS.ToString("0.00", c) + " s");
            output.WriteLine("  steady " + SteadyS.ToString("0", c) + " s: " + MessagesPerS.ToString("0", c)
                + " messages/s at the monitor (state " + MessagesPerSByLeaf[1].ToString("0", c)
                + ", event " + MessagesPerSByLeaf[2].ToString("0", c)
                + ", telemetry " + MessagesPerSByLeaf[4].ToString("0", c)
                + ", availability+power " + (MessagesPerSByLeaf[0] + MessagesPerSByLeaf[3]).ToString("0", c) + ")");
            output.WriteLine("  CPU " + CpuPercentOfOneCore.ToString("0", c) + " % of one core; managed heap "
                + ManagedHeapMb.ToString("0", c) + " MB");
            if (RestartTested)
            {
                output.WriteLine("  broker down " + OutageS.ToString("0.#", c) + " s: " + EventsDuringOutage
                    + " events queued meanwhile (deepest queue " + MaxQueueDepth + ")");
                output.WriteLine("  recovery: all nodes reconnected " + RecoveryS.ToString("0.00", c)
                    + " s after the broker came back (first " + ReconnectSpreadS[0].ToString("0.00", c)
                    + " s, median " + ReconnectSpreadS[1].ToString("0.00", c)
                    + " s, 95 % " + ReconnectSpreadS[2].ToString("0.00", c)
                    + " s, last " + ReconnectSpreadS[3].ToString("0.00", c) + " s); every queued event delivered after "
                    + DrainS.ToString("0.00", c) + " s");
            }

            output.WriteLine("  events: " + EventsTotal + " recorded, " + EventsLost + " lost, " + EventsDropped
                + " dropped by full queues, " + Duplicates + " duplicates");
        }
    }
}
