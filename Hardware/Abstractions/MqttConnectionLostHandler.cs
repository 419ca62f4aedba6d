namespace SensorNode.Hardware
{
    /// <summary>Called once when an established MQTT connection ends without the caller's Disconnect.</summary>
    /// <param name="reason">
    /// <see cref="MqttStatus.NetworkError"/> (socket closed or failed), <see cref="MqttStatus.Timeout"/> (no PINGRESP
    /// or PUBACK in time) or <see cref="MqttStatus.ProtocolError"/> (malformed or unexpected packet from the broker).
    /// </param>
    public delegate void MqttConnectionLostHandler(MqttStatus reason);
}
