namespace SensorNode.Core.Node
{
    /// <summary>The device watchdog: <see cref="Feed"/> is called once per scheduler tick, after every step ran or failed.</summary>
    public interface IWatchdog
    {
        /// <summary>Restarts the watchdog's countdown. Must be quick and must not throw.</summary>
        void Feed();
    }
}
