using SensorNode.Drivers.Adxl345;
using SensorNode.Drivers.CurrentClamp;
using SensorNode.Drivers.Max31865;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Drivers.Tests.Node
{
    /// <summary>
    /// The whole front end as a board builds it, built afresh by each test as a local: the ADXL345 (SPI, ±16 g, 3200 Hz),
    /// a 4-wire PT100 on a MAX31865 (430 Ω, automatic conversions, 50 Hz filter) and an SCT-013-030 on the ADC model
    /// (1.32 V bias, τ = 6 ms on the rail), with a 42.5 °C bearing and no current. With <c>withRail</c> all three hang on <see cref="Rail"/>, which the front end
    /// drives; without it the chips are always powered and the front end has no rail (the rail object is left alone).
    /// </summary>
    internal sealed class SensorRailRig
    {
        /// <summary>A scheduler tick at 3200 Hz: one FIFO watermark of 16 frames.</summary>
        public const int TickUs = 5000;

        private readonly short[] _counts = new short[3 * 32];

        public SensorRailRig(bool withRail)
        {
            Clock = new ManualClock();
            Signals = new ToneSignals();
            Signals.TemperatureC = 42.5;
            Rail = new SupplyRail(Clock);
            SupplyRail supply = withRail ? Rail : null;
            AccelerometerChip = new Adxl345Model(Clock, Signals, new ChipFaults(), Adxl345ModelFraming.Spi, supply);
            RtdChip = new Max31865Model(Clock, Signals, new ChipFaults(), 100, 430, supply);
            Adc = new AdcBurstModel(Clock, Signals, new ChipFaults(), supply);

            // The README's 15 kΩ / 10 kΩ divider: 1638 counts exactly, so the bias is not balanced on a rounding edge.
            Adc.BiasMillivolts = 1320.0;
            AccelerometerBus = new RailWatchBus(AccelerometerChip, Rail, Clock, DriverSensorFrontEnd.RailStartUpMs);
            RtdBus = new RailWatchBus(RtdChip, Rail, Clock, DriverSensorFrontEnd.RailStartUpMs);
            FrontEnd = new DriverSensorFrontEnd(
                new Adxl345Driver(AccelerometerBus, Adxl345Framing.Spi, Clock),
                Adxl345Range.PlusMinus16G,
                Adxl345DataRate.Rate3200Hz,
                16,
                new Max31865Driver(RtdBus, Clock.AdvanceMs, RtdElement.Pt100, 430000, RtdWiring.FourWire, 50),
                new CurrentClampDriver(Adc, 50, 30000),
                Clock,
                withRail ? Rail : null);
        }

        public ManualClock Clock { get; }

        public ToneSignals Signals { get; }

        public SupplyRail Rail { get; }

        public Adxl345Model AccelerometerChip { get; }

        public Max31865Model RtdChip { get; }

        public AdcBurstModel Adc { get; }

        public RailWatchBus AccelerometerBus { get; }

        public RailWatchBus RtdBus { get; }

        public DriverSensorFrontEnd FrontEnd { get; }

        /// <summary>Frames the last <see cref="RunTicks"/> read.</summary>
        public int Frames { get; private set; }

        /// <summary>Sets a sine of <paramref name="rmsA"/> amperes RMS on the motor line.</summary>
        public void SetCurrentRmsA(double rmsA)
        {
            Signals.CurrentPeakA = rmsA * 1.4142135623730951;
        }

        /// <summary>
        /// Scheduler ticks for <paramref name="durationMs"/>: time moves by one watermark period, then the FIFO is drained
        /// and a current chunk is offered, as the node's loop does. The chunks take no clock time.
        /// </summary>
        public void RunTicks(int durationMs)
        {
            Frames = 0;
            long endUs = Clock.MonotonicUs + durationMs * 1000L;
            while (Clock.MonotonicUs < endUs)
            {
                Clock.AdvanceUs(TickUs);
                FrontEnd.ReadVibration(_counts, 0, 32, out int frames);
                Frames += frames;
                FrontEnd.SampleCurrentChunk();
            }
        }

        /// <summary>The sleep of a power manager: sensors off, <paramref name="sleepMs"/> pass, sensors on.</summary>
        public void Sleep(int sleepMs)
        {
            FrontEnd.SetActive(false);
            Clock.AdvanceMs(sleepMs);
            FrontEnd.SetActive(true);
        }
    }
}
