namespace SensorNode.Hardware
{
    /// <summary>The chip's low-power states.</summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item><see cref="LightSleep"/> returns when the timer expires or, if <c>wakeOnConsole</c>, when the console
    /// UART sees activity; RAM and peripherals keep their state. It returns the cause.</item>
    /// <item><see cref="DeepSleep"/> does not return on the device: the chip restarts after the timer, with RAM lost.
    /// Everything that must survive has to be in <see cref="IFileStorage"/> before the call. A host implementation
    /// restarts the firmware core from storage instead.</item>
    /// <item><see cref="BootWakeCause"/> is fixed at boot and says why this run of the firmware started.</item>
    /// </list>
    /// </remarks>
    public interface ISleepControl
    {
        /// <summary>Why the chip started this run.</summary>
        WakeCause BootWakeCause { get; }

        /// <summary>Sleeps with RAM kept for up to <paramref name="durationMs"/>; see the contract.</summary>
        WakeCause LightSleep(int durationMs, bool wakeOnConsole);

        /// <summary>Powers down for <paramref name="durationMs"/>; see the contract.</summary>
        void DeepSleep(int durationMs);
    }
}
