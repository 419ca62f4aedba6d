using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The event JSON: the payload of <c>{root}/event</c> and an element of the console's <c>events json</c>, written
    /// without allocating.
    /// </summary>
    /// <remarks>
    /// Shape: <c>{"seq":12,"time_ms":83456,"time":1767225600000,"type":"alarm","channel":"velocity","level":"alarm",
    /// "value":4.612,"unit":"mm/s","score":0.812,"reason":"above_limit"}</c>. time_ms is node time since boot; time is
    /// Unix ms, or null while the wall clock is unknown. value carries the event's decimals exactly.
    /// </remarks>
    public static class EventJson
    {
        /// <summary>Writes one event as an object value (top level or array element).</summary>
        public static void Write(JsonWriter writer, NodeEvent nodeEvent)
        {
            writer.BeginObject();
            writer.WriteLong("seq", nodeEvent.Seq);
            writer.WriteLong("time_ms", nodeEvent.TimeMs);
            if (nodeEvent.UnixTimeMs > 0)
            {
                writer.WriteLong("time", nodeEvent.UnixTimeMs);
            }
            else
            {
                writer.WriteNull("time");
            }

            writer.WriteString("type", NodeNames.EventType(nodeEvent.Type));
            writer.WriteString("channel", nodeEvent.Channel);
            writer.WriteString("level", nodeEvent.Level);
            writer.WriteFixed("value", nodeEvent.Value, nodeEvent.Decimals);
            writer.WriteString("unit", nodeEvent.Unit);
            writer.WriteFixed("score", StateJson.ScoreMilli(nodeEvent.ScoreQ15), 3);
            writer.WriteString("reason", nodeEvent.Reason);
            writer.EndObject();
        }
    }
}
