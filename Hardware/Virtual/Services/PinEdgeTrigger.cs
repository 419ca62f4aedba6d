namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>Which level changes of a <see cref="SimulatedDigitalInput"/> raise its edge event.</summary>
    public enum PinEdgeTrigger
    {
        Rising = 0,
        Falling = 1,
        Both = 2,
    }
}
