using SensorNode.Core.Machine;

namespace SensorNode.Core.Power
{
    /// <summary>
    /// The automatic power policy: which mode the machine's state calls for, with the dwell times of
    /// <see cref="PowerSettings"/>. A pure function; the <see cref="PowerManager"/> applies forced modes and timing.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Running: active at once (the machine state has its own debounce and dwell).</item>
    /// <item>Off for at least power.sleep_after_s, with power.sleep_enabled: sleep.</item>
    /// <item>Idle or off (in any mix) for at least power.eco_after_s since it last ran: eco.</item>
    /// <item>Otherwise active.</item>
    /// </list>
    /// Reasons are constant snake_case words for the power event and topic.
    /// </remarks>
    public static class PowerPolicy
    {
        /// <summary>Reason of a change to active because the machine runs.</summary>
        public const string ReasonRunning = "machine_running";

        /// <summary>Reason of a change because the machine is idle.</summary>
        public const string ReasonIdle = "machine_idle";

        /// <summary>Reason of a change because the machine is off.</summary>
        public const string ReasonOff = "machine_off";

        /// <summary>Reason of a change back to active before the dwell is over (a setting changed).</summary>
        public const string ReasonPolicy = "policy";

        /// <summary>
        /// The mode for <paramref name="machine"/>, stopped for <paramref name="notRunningForMs"/> (time since it last ran,
        /// or since boot if it has not; ignored while running) and off for <paramref name="offForMs"/> (time in Off;
        /// ignored unless off). <paramref name="reason"/> says why.
        /// </summary>
        public static PowerMode Decide(MachineState machine, long notRunningForMs, long offForMs, PowerSettings settings,
            out string reason)
        {
            if (machine == MachineState.Running)
            {
                reason = ReasonRunning;
                return PowerMode.Active;
            }

            bool off = machine == MachineState.Off;
            if (off && settings.SleepEnabled && offForMs >= settings.SleepAfterMs)
            {
                reason = ReasonOff;
                return PowerMode.Sleep;
            }

            if (notRunningForMs >= settings.EcoAfterMs)
            {
                reason = off ? ReasonOff : ReasonIdle;
                return PowerMode.Eco;
            }

            reason = ReasonPolicy;
            return PowerMode.Active;
        }
    }
}
