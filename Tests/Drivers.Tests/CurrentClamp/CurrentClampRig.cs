using SensorNode.Drivers.CurrentClamp;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Drivers.Tests.CurrentClamp
{
    /// <summary>
    /// One current-clamp driver on an ideal 12-bit, 3.3 V ADC model, built afresh by each test as a local: an
    /// SCT-013-030 (30 A per volt) on a 1650 mV bias, no current, no fault.
    /// </summary>
    internal sealed class CurrentClampRig
    {
        public CurrentClampRig(int mainsHz)
        {
            Clock = new ManualClock();
            Signals = new ToneSignals();
            Signals.MainsFrequencyHz = mainsHz;
            Faults = new ChipFaults();
            Adc = new AdcBurstModel(Clock, Signals, Faults);
            Driver = new CurrentClampDriver(Adc, mainsHz, 30000);
        }

        public ManualClock Clock { get; }

        public ToneSignals Signals { get; }

        public ChipFaults Faults { get; }

        public AdcBurstModel Adc { get; }

        public CurrentClampDriver Driver { get; }

        /// <summary>Sets a sine of <paramref name="rmsA"/> amperes RMS on the motor line.</summary>
        public void SetCurrentRmsA(double rmsA)
        {
            Signals.CurrentPeakA = rmsA * 1.4142135623730951;
        }
    }
}
