namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>MQTT 3.1.1 control packet types: the high nibble of the fixed header's first byte (spec 2.2.1).</summary>
    public enum MqttPacketType
    {
        /// <summary>Reserved (0): never valid.</summary>
        Reserved = 0,

        /// <summary>Client → broker: open a session.</summary>
        Connect = 1,

        /// <summary>Broker → client: the answer to CONNECT.</summary>
        ConnAck = 2,

        /// <summary>Either way: an application message.</summary>
        Publish = 3,

        /// <summary>Either way: acknowledges a QoS 1 PUBLISH.</summary>
        PubAck = 4,

        /// <summary>QoS 2 step 1 (not used by this client).</summary>
        PubRec = 5,

        /// <summary>QoS 2 step 2 (not used by this client).</summary>
        PubRel = 6,

        /// <summary>QoS 2 step 3 (not used by this client).</summary>
        PubComp = 7,

        /// <summary>Client → broker: subscribe to topic filters.</summary>
        Subscribe = 8,

        /// <summary>Broker → client: granted QoS per filter.</summary>
        SubAck = 9,

        /// <summary>Client → broker: remove subscriptions.</summary>
        Unsubscribe = 10,

        /// <summary>Broker → client: the answer to UNSUBSCRIBE.</summary>
        UnsubAck = 11,

        /// <summary>Client → broker: keep-alive probe.</summary>
        PingReq = 12,

        /// <summary>Broker → client: keep-alive answer.</summary>
        PingResp = 13,

        /// <summary>Client → broker: clean close (the will is discarded).</summary>
        Disconnect = 14,
    }
}
