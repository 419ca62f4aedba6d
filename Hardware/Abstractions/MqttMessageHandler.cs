namespace SensorNode.Hardware
{
    /// <summary>
    /// Called for each PUBLISH received on a subscribed topic. <paramref name="payload"/> holds the message in
    /// bytes [0, <paramref name="count"/>); it may be a reused buffer, valid only during the call: copy what you keep.
    /// </summary>
    /// <param name="topic">The topic the message was published to (never a wildcard).</param>
    /// <param name="payload">Message bytes, raw (no encoding is assumed).</param>
    /// <param name="count">Number of payload bytes.</param>
    /// <param name="retained">True when the broker delivered a retained message on subscribe.</param>
    public delegate void MqttMessageHandler(string topic, byte[] payload, int count, bool retained);
}
