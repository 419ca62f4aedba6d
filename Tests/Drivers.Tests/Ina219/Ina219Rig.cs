using SensorNode.Drivers.Ina219;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Drivers.Tests.Ina219
{
    /// <summary>
    /// One INA219 driver wired to its chip model across a shunt of the same value, built afresh by each test as a
    /// local: time 0, a 12 V supply, no current, no fault.
    /// </summary>
    internal sealed class Ina219Rig
    {
        public Ina219Rig(int shuntMilliohms, int maxExpectedCurrentMa, Ina219BusRange busRange, Ina219ShuntRange shuntRange, Ina219Adc adc)
        {
            Clock = new ManualClock();
            Signals = new FixedSignals();
            Faults = new ChipFaults();
            Model = new Ina219Model(Clock, Signals, Faults, shuntMilliohms / 1000.0);
            Driver = new Ina219Driver(Model, shuntMilliohms, maxExpectedCurrentMa, busRange, shuntRange, adc);
        }

        public ManualClock Clock { get; }

        public FixedSignals Signals { get; }

        public ChipFaults Faults { get; }

        public Ina219Model Model { get; }

        public Ina219Driver Driver { get; }

        /// <summary>Lets more than one conversion complete at any ADC setting (128 averages of both channels: 136 ms).</summary>
        public void WaitForConversion()
        {
            Clock.AdvanceMs(150);
        }
    }
}
