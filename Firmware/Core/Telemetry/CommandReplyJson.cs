using SensorNode.Core.Console;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The reply JSON, the payload of <c>{root}/cmd/reply</c>: <c>{"ok":true,"output":"mqtt.port = 1883\n  ..."}</c>.
    /// output is the console's answer as one JSON string: the same text the serial console prints, lines separated by
    /// \n; an error is one line starting "error: ". A <c>json</c> command's output is its JSON as a string. Written
    /// without allocating.
    /// </summary>
    public static class CommandReplyJson
    {
        /// <summary>Writes <paramref name="reply"/> as the top-level value. The writer must be empty (Reset).</summary>
        public static void Write(JsonWriter writer, ConsoleReply reply)
        {
            writer.BeginObject();
            writer.WriteBool("ok", reply.Ok);
            writer.WriteString("output", reply.Buffer, 0, reply.Length);
            writer.EndObject();
        }
    }
}
