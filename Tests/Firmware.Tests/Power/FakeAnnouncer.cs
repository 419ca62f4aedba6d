using SensorNode.Core.Node;
using SensorNode.Core.Power;

namespace SensorNode.Core.Tests.Power
{
    /// <summary>
    /// The publisher of one test, both sides: the scheduler's <see cref="ITelemetryPublisher"/> and the power manager's
    /// <see cref="IPowerAnnouncer"/>. Every call is logged; messages wait until <see cref="Service"/> finds the broker
    /// reachable over an up network, as the real publisher's network thread would.
    /// </summary>
    public sealed class FakeAnnouncer : ITelemetryPublisher, IPowerAnnouncer
    {
        private readonly CallLog log;
        private readonly FakeNetwork network;
        private bool connected;
        private bool sleepRequested;
        private bool ready;
        private NodeSnapshot watched;
        private readonly string[] announced = new string[16];
        private readonly string[] modeAtAnnouncement = new string[16];
        private int announcements;

        /// <summary>A publisher whose broker is up, reached through <paramref name="network"/>.</summary>
        public FakeAnnouncer(CallLog log, FakeNetwork network)
        {
            this.log = log;
            this.network = network;
            BrokerUp = true;
        }

        /// <summary>When true, <see cref="PublishPower"/> throws (after logging).</summary>
        public bool ThrowOnPower { get; set; }

        /// <summary>Whether the broker accepts connections.</summary>
        public bool BrokerUp { get; set; }

        /// <summary>Messages handed over and not yet delivered.</summary>
        public int Pending { get; private set; }

        /// <summary>Events handed over since construction.</summary>
        public int EventsSeen { get; private set; }

        /// <summary>Sequence number of the newest event delivered.</summary>
        public long DeliveredSeq { get; private set; }

        /// <summary>Sequence number of the newest event handed over.</summary>
        public long LastSeq { get; private set; }

        /// <summary>
        /// The node's power mode in effect when <paramref name="mode"/> was first announced (see <see cref="Watch"/>), or
        /// null when it was not.
        /// </summary>
        public string ModeWhenFirstAnnounced(string mode)
        {
            for (int i = 0; i < announcements && i < announced.Length; i++)
            {
                if (announced[i] == mode)
                {
                    return modeAtAnnouncement[i];
                }
            }

            return null;
        }

        /// <summary>SavePending calls that found events waiting.</summary>
        public int PendingSaves { get; private set; }

        /// <inheritdoc/>
        public bool IsConnected => connected;

        /// <inheritdoc/>
        public bool IsIdle => Pending == 0;

        /// <inheritdoc/>
        public bool ReadyForSleep => ready;

        /// <inheritdoc/>
        public int QueueDepth => Pending;

        /// <inheritdoc/>
        public int DroppedCount => 0;

        /// <inheritdoc/>
        public string StatusText => connected ? "connected" : "offline";

        /// <inheritdoc/>
        public void PublishEvent(NodeEvent nodeEvent)
        {
            EventsSeen++;
            LastSeq = nodeEvent.Seq;
            Pending++;
            log.Add("event:" + NodeNames.EventType(nodeEvent.Type) + ":" + nodeEvent.Level);
        }

        /// <inheritdoc/>
        public void PublishWindow(NodeSnapshot snapshot)
        {
        }

        /// <inheritdoc/>
        public void PublishPower(string mode, string reason, long sinceMs, long nextWakeInMs)
        {
            if (announcements < announced.Length)
            {
                announced[announcements] = mode;
                modeAtAnnouncement[announcements] = watched == null ? null : watched.PowerMode;
            }

            announcements++;
            LastNextWakeInMs = nextWakeInMs;
            Pending++;
            log.Add("power:" + mode + ":" + reason);
            if (ThrowOnPower)
            {
                throw new System.InvalidOperationException("publisher broken");
            }
        }

        /// <inheritdoc/>
        public void RequestSleep()
        {
            sleepRequested = true;
            log.Add("requestsleep");
            if (!connected)
            {
                ready = true;
            }
        }

        /// <inheritdoc/>
        public void Resume()
        {
            sleepRequested = false;
            ready = false;
            log.Add("resume");
        }

        /// <inheritdoc/>
        public void SavePending()
        {
            log.Add("savepending");
            if (Pending > 0)
            {
                PendingSaves++;
            }
        }

        /// <summary>The next wake given with the last power message, ms.</summary>
        public long LastNextWakeInMs { get; private set; }

        /// <summary>Notes the node's snapshot, to record the mode in effect at each announcement.</summary>
        public void Watch(NodeSnapshot snapshot)
        {
            watched = snapshot;
        }

        /// <summary>One round of the network side: connect when possible, deliver everything, then the sleep hand-over.</summary>
        public void Service()
        {
            if (connected && !network.IsUp)
            {
                connected = false;
            }

            if (!connected && !sleepRequested && network.IsUp && BrokerUp)
            {
                connected = true;
                log.Add("connected");
            }

            if (!connected)
            {
                return;
            }

            if (Pending > 0)
            {
                Pending = 0;
                DeliveredSeq = LastSeq;
                log.Add("delivered");
            }

            if (sleepRequested)
            {
                log.Add("availability:sleeping");
                connected = false;
                ready = true;
            }
        }
    }
}
