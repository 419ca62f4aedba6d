using SensorNode.Drivers.Max31865;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Drivers.Tests.Max31865
{
    /// <summary>
    /// One MAX31865 driver wired to its chip model, built afresh by each test as a local: the RTD at 25 °C, time 0,
    /// no fault; the driver's waits advance the clock.
    /// </summary>
    internal sealed class Max31865Rig
    {
        public Max31865Rig(RtdElement element, int referenceOhms, RtdWiring wiring, int mainsHz, Max31865ConversionMode mode)
        {
            Clock = new ManualClock();
            Signals = new FixedSignals();
            Faults = new ChipFaults();
            Model = new Max31865Model(Clock, Signals, Faults, (int)element, referenceOhms);
            Driver = new Max31865Driver(Model, Clock.AdvanceMs, element, referenceOhms * 1000, wiring, mainsHz, mode);
        }

        /// <summary>The node's usual probe: PT100, 430 Ω reference, 4-wire, 50 Hz, automatic conversions.</summary>
        public Max31865Rig()
            : this(RtdElement.Pt100, 430, RtdWiring.FourWire, 50, Max31865ConversionMode.Automatic)
        {
        }

        public ManualClock Clock { get; }

        public FixedSignals Signals { get; }

        public ChipFaults Faults { get; }

        public Max31865Model Model { get; }

        public Max31865Driver Driver { get; }

        /// <summary>Lets at least one automatic conversion complete at either filter setting (20 ms or 16.7 ms).</summary>
        public void WaitForConversion()
        {
            Clock.AdvanceMs(25);
        }
    }
}
