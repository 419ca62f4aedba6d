namespace SensorNode.Hardware
{
    /// <summary>MQTT delivery guarantee; the values are the protocol's QoS numbers. QoS 2 is not used by the node.</summary>
    public enum MqttQos
    {
        /// <summary>QoS 0: sent once, no acknowledgement.</summary>
        AtMostOnce = 0,

        /// <summary>QoS 1: repeated until the broker acknowledges it; may arrive more than once.</summary>
        AtLeastOnce = 1,
    }
}
