using SensorNode.Drivers.Adxl345;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Drivers.Tests.Adxl345
{
    /// <summary>
    /// One ADXL345 driver wired to its chip model, built afresh by each test as a local: a part lying flat
    /// (0, 0, +1 g) at time 0, with no fault.
    /// </summary>
    internal sealed class Adxl345Rig
    {
        /// <summary>Framing code used in DataRows: 0 = SPI, 1 = I2C (the two enums share the numbering).</summary>
        public Adxl345Rig(int framingCode)
        {
            Clock = new ManualClock();
            Signals = new ToneSignals();
            Faults = new ChipFaults();
            Model = new Adxl345Model(Clock, Signals, Faults, (Adxl345ModelFraming)framingCode);
            Driver = new Adxl345Driver(Model, (Adxl345Framing)framingCode, Clock);
        }

        public ManualClock Clock { get; }

        public ToneSignals Signals { get; }

        public ChipFaults Faults { get; }

        public Adxl345Model Model { get; }

        public Adxl345Driver Driver { get; }
    }
}
