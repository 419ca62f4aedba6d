namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The power JSON, the retained payload of <c>{root}/power</c>: the mode in effect, since when, why, and when a
    /// sleeping node wakes next. Written without allocating.
    /// </summary>
    /// <remarks>
    /// Shape: <c>{"mode":"sleep","since":1767225600000,"since_ms":83456,"reason":"machine_off",
    /// "next_wake":1767226500000,"next_wake_in_s":900,"wake":"timer"}</c>. since and next_wake are Unix ms, null while the
    /// wall clock is unknown; since_ms is node time since boot. next_wake and next_wake_in_s are null unless a wake is
    /// planned. wake is what woke the node last (power_on, timer, console_uart, pin, other), null when unknown: a sleeping
    /// node reports it with every report, without an event per routine wake.
    /// </remarks>
    public static class PowerJson
    {
        /// <summary>Writes one power message as the top-level value. The writer must be empty (Reset).</summary>
        /// <param name="writer">Destination.</param>
        /// <param name="mode">The mode's name: active, eco or sleep.</param>
        /// <param name="reason">Why, as a snake_case word (e.g. machine_off, console, boot).</param>
        /// <param name="sinceMs">Node time the mode took effect, ms since boot.</param>
        /// <param name="nextWakeInMs">Time from now to the next planned wake, ms; negative for none.</param>
        /// <param name="nowMs">Node time now, ms since boot.</param>
        /// <param name="nowUnixMs">Wall time now, Unix ms; 0 when unknown.</param>
        /// <param name="wake">What woke the node last, or null or "" when unknown.</param>
        public static void Write(JsonWriter writer, string mode, string reason, long sinceMs, long nextWakeInMs, long nowMs,
            long nowUnixMs, string wake)
        {
            writer.BeginObject();
            writer.WriteString("mode", mode);
            if (nowUnixMs > 0)
            {
                writer.WriteLong("since", nowUnixMs - (nowMs - sinceMs));
            }
            else
            {
                writer.WriteNull("since");
            }

            writer.WriteLong("since_ms", sinceMs);
            writer.WriteString("reason", reason);
            if (nextWakeInMs >= 0 && nowUnixMs > 0)
            {
                writer.WriteLong("next_wake", nowUnixMs + nextWakeInMs);
            }
            else
            {
                writer.WriteNull("next_wake");
            }

            if (nextWakeInMs >= 0)
            {
                writer.WriteLong("next_wake_in_s", (nextWakeInMs + 999) / 1000);
            }
            else
            {
                writer.WriteNull("next_wake_in_s");
            }

            if (wake == null || wake.Length == 0)
            {
                writer.WriteNull("wake");
            }
            else
            {
                writer.WriteString("wake", wake);
            }

            writer.EndObject();
        }
    }
}
