using System;
using System.Threading;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// <see cref="IDigitalInput"/> whose level the simulation sets, e.g. the virtual node copying an ADXL345 model's
    /// INT1 (watermark) output onto it after each clock step.
    /// </summary>
    /// <remarks>
    /// <see cref="SetLevel"/> raises <see cref="Edge"/> synchronously, on the simulation's thread (not the driver's), for
    /// each level change that matches the trigger, stamped with the clock's microseconds. Setting the level it already
    /// has raises nothing, as a real pin would not.
    /// </remarks>
    public sealed class SimulatedDigitalInput : IDigitalInput
    {
        private readonly IClock _clock;
        private readonly PinEdgeTrigger _trigger;
        private int _high;

        public SimulatedDigitalInput(IClock clock, PinEdgeTrigger trigger, bool initiallyHigh)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _trigger = trigger;
            _high = initiallyHigh ? 1 : 0;
        }

        public event PinEdgeHandler Edge;

        public bool Read() => Volatile.Read(ref _high) != 0;

        /// <summary>Drives the pin; see the remarks for when <see cref="Edge"/> is raised.</summary>
        public void SetLevel(bool high)
        {
            int was = Interlocked.Exchange(ref _high, high ? 1 : 0);
            if (was == (high ? 1 : 0))
            {
                return;
            }

            bool wanted = _trigger == PinEdgeTrigger.Both || (_trigger == PinEdgeTrigger.Rising) == high;
            if (wanted)
            {
                Edge?.Invoke(high, _clock.MonotonicUs);
            }
        }
    }
}
