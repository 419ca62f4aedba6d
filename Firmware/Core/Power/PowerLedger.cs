namespace SensorNode.Core.Power
{
    /// <summary>
    /// The firmware's own record of where its time went, in ms of node time: awake (CPU running), light and deep sleep,
    /// sensors measuring, radio on (joining or joined) with and without power save; plus counts of boots, sleeps and
    /// network starts. The <see cref="PowerManager"/> adds to it as it goes; the energy model (Tests/Benchmarks,
    /// <c>energy</c>) multiplies it by datasheet currents. On the device it covers one run (deep sleep restarts it), in the
    /// virtual node and the energy harness the caller keeps one across restarts. Allocation-free; not thread-safe.
    /// </summary>
    public sealed class PowerLedger
    {
        /// <summary>Time with the CPU running (everything that is not a sleep), ms.</summary>
        public long AwakeMs { get; private set; }

        /// <summary>Time in light sleep, ms.</summary>
        public long LightSleepMs { get; private set; }

        /// <summary>Time in deep sleep (the durations asked for), ms.</summary>
        public long DeepSleepMs { get; private set; }

        /// <summary>Awake time with the sensors measuring, ms.</summary>
        public long SensorsOnMs { get; private set; }

        /// <summary>Awake time with the radio on and listening (joining, or joined without power save), ms.</summary>
        public long RadioListenMs { get; private set; }

        /// <summary>Awake time with the radio joined in power save (sleeping between beacons), ms.</summary>
        public long RadioPowerSaveMs { get; private set; }

        /// <summary>Light sleeps taken with the radio left joined (the chip cannot light-sleep then; see the device layer), ms.</summary>
        public long LightSleepRadioOnMs { get; private set; }

        /// <summary>Firmware starts: power-on, reboots and deep-sleep wakes.</summary>
        public int Boots { get; private set; }

        /// <summary>Of <see cref="Boots"/>, those with the radio started during the boot (the platform joins before the firmware runs).</summary>
        public int RadioBoots { get; private set; }

        /// <summary>Deep sleeps entered.</summary>
        public int DeepSleeps { get; private set; }

        /// <summary>Light sleeps entered.</summary>
        public int LightSleeps { get; private set; }

        /// <summary>Network starts (each is a Wi-Fi join: association, DHCP, broker connection).</summary>
        public int NetworkStarts { get; private set; }

        /// <summary>Total node time recorded, ms.</summary>
        public long TotalMs => AwakeMs + LightSleepMs + DeepSleepMs;

        /// <summary>Adds <paramref name="ms"/> of awake time in the given state.</summary>
        public void AddAwake(long ms, bool sensorsOn, bool radioOn, bool radioPowerSave)
        {
            if (ms <= 0)
            {
                return;
            }

            AwakeMs += ms;
            if (sensorsOn)
            {
                SensorsOnMs += ms;
            }

            if (radioOn)
            {
                if (radioPowerSave)
                {
                    RadioPowerSaveMs += ms;
                }
                else
                {
                    RadioListenMs += ms;
                }
            }
        }

        /// <summary>Adds one light sleep of <paramref name="ms"/>; <paramref name="radioOn"/> when the radio stayed joined.</summary>
        public void AddLightSleep(long ms, bool radioOn)
        {
            LightSleeps++;
            if (ms <= 0)
            {
                return;
            }

            LightSleepMs += ms;
            if (radioOn)
            {
                LightSleepRadioOnMs += ms;
            }
        }

        /// <summary>Adds one deep sleep of <paramref name="ms"/>.</summary>
        public void AddDeepSleep(long ms)
        {
            DeepSleeps++;
            DeepSleepMs += ms > 0 ? ms : 0;
        }

        /// <summary>Counts a firmware start; <paramref name="radioOn"/> when the radio was started during it.</summary>
        public void CountBoot(bool radioOn)
        {
            Boots++;
            if (radioOn)
            {
                RadioBoots++;
            }
        }

        /// <summary>Counts a network start.</summary>
        public void CountNetworkStart()
        {
            NetworkStarts++;
        }
    }
}
