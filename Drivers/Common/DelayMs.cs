namespace SensorNode.Drivers
{
    /// <summary>
    /// Waits at least <paramref name="milliseconds"/> while a part settles or converts (a self-test, a one-shot
    /// conversion). The device passes Thread.Sleep; tests and the virtual node advance their simulated clock, so a
    /// driver that has to wait never reads a global clock or blocks a simulation.
    /// </summary>
    public delegate void DelayMs(int milliseconds);
}
