using SensorNode.Hardware;

namespace SensorNode.Core.Tests.Power
{
    /// <summary>A network link that joins at once when <see cref="Reachable"/>, logging starts, stops and power save.</summary>
    public sealed class FakeNetwork : INetworkLink
    {
        private readonly CallLog log;
        private bool started;

        /// <summary>A configured, reachable network.</summary>
        public FakeNetwork(CallLog log)
        {
            this.log = log;
            Configured = true;
            Reachable = true;
        }

        /// <summary>Whether network settings exist.</summary>
        public bool Configured { get; set; }

        /// <summary>Whether the access point answers.</summary>
        public bool Reachable { get; set; }

        /// <summary>Starts so far.</summary>
        public int Starts { get; private set; }

        /// <summary>Power save asked for last.</summary>
        public bool PowerSave { get; private set; }

        /// <inheritdoc/>
        public bool IsConfigured => Configured;

        /// <inheritdoc/>
        public bool IsUp => started && Reachable;

        /// <inheritdoc/>
        public bool IsStarted => started;

        /// <inheritdoc/>
        public void Start()
        {
            if (!started && Configured && Available)
            {
                started = true;
                Starts++;
                log.Add("radio:start");
            }
        }

        /// <inheritdoc/>
        public void Stop()
        {
            if (started)
            {
                started = false;
                log.Add("radio:stop");
            }
        }

        /// <inheritdoc/>
        public void SetPowerSave(bool enabled)
        {
            PowerSave = enabled;
            log.Add(enabled ? "radio:powersave" : "radio:listen");
        }

        private bool available = true;

        /// <summary>
        /// Whether this boot has the radio, as the stored choice said (which the next boot keeps unless changed); without
        /// it Start does nothing.
        /// </summary>
        public bool Available
        {
            get => available;
            set
            {
                available = value;
                RadioAtNextBoot = value;
            }
        }

        /// <summary>The next boot's radio as last chosen.</summary>
        public bool RadioAtNextBoot { get; private set; } = true;

        /// <summary>Times the choice changed (what a platform would write to flash).</summary>
        public int RadioChoiceChanges { get; private set; }

        /// <inheritdoc/>
        public bool RadioAvailable => Available;

        /// <summary>True to make storing the choice fail (a flash error): the next boot keeps the radio as before.</summary>
        public bool ChoiceStoreFails { get; set; }

        /// <inheritdoc/>
        public bool SetRadioAtNextBoot(bool available)
        {
            log.Add(available ? "radio:boot:on" : "radio:boot:off");
            if (ChoiceStoreFails)
            {
                return available == RadioAtNextBoot;
            }

            if (available != RadioAtNextBoot)
            {
                RadioChoiceChanges++;
            }

            RadioAtNextBoot = available;
            return true;
        }
    }
}
