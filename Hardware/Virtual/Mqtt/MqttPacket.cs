namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>
    /// One decoded broker-to-client packet, reused by <see cref="MqttPacketDecoder"/> for every packet: valid until the
    /// next Decode call. Fields that a packet type does not have are 0, false or null.
    /// </summary>
    public sealed class MqttPacket
    {
        /// <summary>The packet type.</summary>
        public MqttPacketType Type { get; internal set; }

        /// <summary>PUBLISH, PUBACK, SUBACK, UNSUBACK: the packet identifier (1-65535); 0 for a QoS 0 PUBLISH.</summary>
        public int PacketId { get; internal set; }

        /// <summary>CONNACK: the return code (0 accepted, 1-5 refused).</summary>
        public int ConnectReturnCode { get; internal set; }

        /// <summary>CONNACK: the broker kept a session for this client id.</summary>
        public bool SessionPresent { get; internal set; }

        /// <summary>PUBLISH: topic name.</summary>
        public string Topic { get; internal set; }

        /// <summary>PUBLISH: QoS 0 or 1.</summary>
        public int Qos { get; internal set; }

        /// <summary>PUBLISH: retain flag (a retained message delivered on subscribe).</summary>
        public bool Retain { get; internal set; }

        /// <summary>PUBLISH: duplicate flag (a redelivery).</summary>
        public bool Duplicate { get; internal set; }

        /// <summary>PUBLISH: the decoder's body buffer; the payload is [PayloadOffset, PayloadOffset + PayloadCount).</summary>
        public byte[] PayloadBuffer { get; internal set; }

        /// <summary>PUBLISH: where the payload starts in <see cref="PayloadBuffer"/>.</summary>
        public int PayloadOffset { get; internal set; }

        /// <summary>PUBLISH: payload length in bytes.</summary>
        public int PayloadCount { get; internal set; }

        /// <summary>SUBACK: the first return code (granted QoS 0-2, or 0x80 for failure); this client subscribes one filter at a time.</summary>
        public int SubscribeReturnCode { get; internal set; }

        /// <summary>SUBACK: how many return codes the packet held.</summary>
        public int SubscribeReturnCodeCount { get; internal set; }

        internal void Clear()
        {
            Type = MqttPacketType.Reserved;
            PacketId = 0;
            ConnectReturnCode = 0;
            SessionPresent = false;
            Topic = null;
            Qos = 0;
            Retain = false;
            Duplicate = false;
            PayloadBuffer = null;
            PayloadOffset = 0;
            PayloadCount = 0;
            SubscribeReturnCode = 0;
            SubscribeReturnCodeCount = 0;
        }
    }
}
