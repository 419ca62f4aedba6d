namespace SensorNode.Core.Node
{
    /// <summary>
    /// One entry of the <see cref="EventLog"/>: what happened, when, on which channel, with the value and score that
    /// caused it. The log owns a fixed set of these objects and overwrites the oldest, so a reader that keeps an event
    /// beyond the next <see cref="EventLog.Add"/> must copy what it needs (a publisher formats it at once).
    /// </summary>
    public sealed class NodeEvent
    {
        /// <summary>Sequence number, 1 for the first event after boot, +1 for each event; never reused within a run.</summary>
        public long Seq { get; private set; }

        /// <summary>Node time, ms since boot (<c>IClock.MonotonicMs</c>).</summary>
        public long TimeMs { get; private set; }

        /// <summary>Wall time, ms since 1970-01-01 UTC, or 0 when the clock had not been set yet.</summary>
        public long UnixTimeMs { get; private set; }

        /// <summary>Kind of event.</summary>
        public EventType Type { get; private set; }

        /// <summary>Channel, subsystem or setting the event is about ("velocity", "machine", "mqtt.port"...), never null.</summary>
        public string Channel { get; private set; }

        /// <summary>Level or state after the event ("alarm", "running", "ok"...), "" if none; never null.</summary>
        public string Level { get; private set; }

        /// <summary>
        /// The value behind the event as a scaled integer: the quantity is Value / 10^<see cref="Decimals"/> in
        /// <see cref="Unit"/>, e.g. 4612 with 3 decimals in "mm/s" is 4.612 mm/s.
        /// </summary>
        public int Value { get; private set; }

        /// <summary>Decimal places of <see cref="Value"/>, 0 to 3.</summary>
        public int Decimals { get; private set; }

        /// <summary>Unit of the scaled value ("mm/s", "°C", "A"...), "" if none; never null.</summary>
        public string Unit { get; private set; }

        /// <summary>Anomaly score of the window behind the event, Q1.15 (32768 = 1.0), 0 if none.</summary>
        public int ScoreQ15 { get; private set; }

        /// <summary>Why, as a short snake_case word ("above_limit", "power_on", "set_console"...); never null.</summary>
        public string Reason { get; private set; }

        internal void Set(long seq, long timeMs, long unixTimeMs, EventType type, string channel, string level, int value,
            int decimals, string unit, int scoreQ15, string reason)
        {
            Seq = seq;
            TimeMs = timeMs;
            UnixTimeMs = unixTimeMs;
            Type = type;
            Channel = channel == null ? "" : channel;
            Level = level == null ? "" : level;
            Value = value;
            Decimals = decimals;
            Unit = unit == null ? "" : unit;
            ScoreQ15 = scoreQ15;
            Reason = reason == null ? "" : reason;
        }
    }
}
