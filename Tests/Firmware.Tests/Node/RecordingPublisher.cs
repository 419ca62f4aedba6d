using System;
using SensorNode.Core.Node;

namespace SensorNode.Core.Tests.Node
{
    /// <summary>A publisher that counts what it is given and can be made to throw.</summary>
    public sealed class RecordingPublisher : ITelemetryPublisher
    {
        /// <summary>Events handed over.</summary>
        public int Events { get; private set; }

        /// <summary>Windows handed over.</summary>
        public int Windows { get; private set; }

        /// <summary>Sequence number of the last event handed over.</summary>
        public long LastSeq { get; private set; }

        /// <summary>When true both publish calls throw (after counting).</summary>
        public bool Throw { get; set; }

        /// <inheritdoc/>
        public bool IsConnected => false;

        /// <inheritdoc/>
        public int QueueDepth => 3;

        /// <inheritdoc/>
        public int DroppedCount => 1;

        /// <inheritdoc/>
        public string StatusText => "recording";

        /// <inheritdoc/>
        public void PublishEvent(NodeEvent nodeEvent)
        {
            Events++;
            LastSeq = nodeEvent.Seq;
            if (Throw)
            {
                throw new InvalidOperationException("broker gone");
            }
        }

        /// <inheritdoc/>
        public void PublishWindow(NodeSnapshot snapshot)
        {
            Windows++;
            if (Throw)
            {
                throw new InvalidOperationException("broker gone");
            }
        }
    }
}
