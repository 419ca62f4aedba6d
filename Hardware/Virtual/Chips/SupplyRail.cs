using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>
    /// A switched supply rail that chip models hang on, driven through the load switch's enable as an
    /// <see cref="IDigitalOutput"/>: high powers the rail, low (or a floating enable, held low by its pull-down) cuts it.
    /// </summary>
    /// <remarks>
    /// <para>A new rail is off, as a real one is until the firmware drives its enable. The rail switches at once: the load
    /// switch's rise time is left to the firmware's start-up wait, and an off rail is taken as fully discharged (the
    /// sleeps between bursts last seconds; the switch's output discharge empties the rail in milliseconds).</para>
    /// <para>Models read it on every access: while it is off a part is unpowered (what a bus then shows is each model's
    /// own documentation), and a part that finds <see cref="SwitchOnCount"/> changed since its last access starts from its
    /// power-on reset. <see cref="LastSwitchOnUs"/> lets analog models follow their settling. Not thread-safe.</para>
    /// </remarks>
    public sealed class SupplyRail : IDigitalOutput
    {
        private readonly IClock _clock;

        /// <summary>A rail that is off; <paramref name="clock"/> stamps the switch-on times.</summary>
        public SupplyRail(IClock clock)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            _clock = clock;
        }

        /// <summary>True while the rail is powered.</summary>
        public bool IsOn { get; private set; }

        /// <summary>Times the rail went from off to on.</summary>
        public int SwitchOnCount { get; private set; }

        /// <summary>Clock time of the last switch-on, µs (0 before the first).</summary>
        public long LastSwitchOnUs { get; private set; }

        /// <summary>Writes to the enable seen, repeated levels included.</summary>
        public int WriteCount { get; private set; }

        /// <inheritdoc/>
        public void Write(bool high)
        {
            WriteCount++;
            if (high && !IsOn)
            {
                SwitchOnCount++;
                LastSwitchOnUs = _clock.MonotonicUs;
            }

            IsOn = high;
        }
    }
}
