namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>What <see cref="MqttPacketDecoder.Decode"/> found in the bytes it was given.</summary>
    public enum MqttDecodeStatus
    {
        /// <summary>All bytes were consumed and no packet is complete yet.</summary>
        NeedMoreData = 0,

        /// <summary>One packet is complete in <see cref="MqttPacketDecoder.Packet"/>; the rest of the bytes are not consumed yet.</summary>
        PacketReady = 1,

        /// <summary>The stream is not valid broker-to-client MQTT 3.1.1; the connection must be dropped.</summary>
        Malformed = 2,
    }
}
