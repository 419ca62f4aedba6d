using System;
using System.Globalization;
using SensorNode.Drivers;
using SensorNode.Drivers.Adxl345;
using SensorNode.Drivers.CurrentClamp;
using SensorNode.Drivers.Max31865;
using SensorNode.Hardware.Virtual.Chips;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Board
{
    /// <summary>
    /// The virtual node's hardware: a <see cref="SimulatedMachine"/> playing a scenario, with the node's chips bolted on as
    /// register-level models (ADXL345 on SPI, MAX31865 with a PT100, the CT clamp on an ESP32 ADC channel), all on one
    /// <see cref="VirtualClock"/>. The chips outlive a reboot of the firmware, as on a real board; each boot builds new
    /// drivers and a new front end over them with <see cref="CreateFrontEnd"/>.
    /// </summary>
    /// <remarks>
    /// <para><b>Bearing resonance.</b> The simulation rings each bearing impact at a housing resonance (3 kHz by default),
    /// but the ADXL345 model takes point samples at its output data rate, as an ideal sampler: at 3200 Hz a 3 kHz ring
    /// would fold down to 200 Hz, inside the 10-1000 Hz velocity band, where the same acceleration reads as 15× the
    /// velocity (with a worn bearing, 2.5 instead of 1.6 mm/s, and kurtosis 19 instead of 10). The board
    /// therefore moves the resonance to <see cref="ResonanceHz"/>, inside the part's 1600 Hz bandwidth at the default
    /// 3200 Hz rate, and scales the decay time to keep the damping ratio (about 0.09). That keeps the chip model a plain
    /// sampler and costs nothing per sample, where a low-pass in the model would need oversampling. At vib.rate_hz 1600
    /// or lower the ring lies above the band again and aliases: the virtual node is meant for the default rate.</para>
    /// <para><b>Sensor rail.</b> The three parts hang on <see cref="SensorRail"/>, a switched supply the front end drives as
    /// the device's load-switch enable: off while the power manager sleeps, so each eco or sleep burst finds the chips
    /// at their power-on reset and the firmware re-initialises them, as on a board with the rail fitted. A boot follows a
    /// reset, through which the ESP32's pins float and the enable's pull-down holds the rail off: <see cref="CreateFrontEnd"/>
    /// starts from a rail that is off, and the front end switches it on.</para>
    /// <para><b>Sensor noise.</b> The ADXL345 carries its datasheet noise (<see cref="Adxl345Model.NoiseEnabled"/>, seeded
    /// from the board's seed): at the default 3200 Hz about 17 mg RMS on X and Y and 24 mg on Z, on top of the
    /// machine's own vibration, as a real part would add it.</para>
    /// <para>Scenario sensor faults (unplugged, stuck) reach the chips through their <see cref="ChipFaults"/>, which
    /// <see cref="ApplySensorFaults"/> sets from the scenario at the clock's time: call it before every firmware step.</para>
    /// <para><b>Time spent converting.</b> The CT clamp's ADC takes its real time (<see cref="TimedAnalogBurst"/>): the
    /// firmware's current chunks (5 ms at 50 Hz) move the world clock as they would hold the ESP32, so the ADXL345's FIFO
    /// (10 ms at 3200 Hz) fills meanwhile exactly as on the board, and a blocking burst would overflow it here too.</para>
    /// </remarks>
    public sealed class VirtualBoard
    {
        /// <summary>Housing resonance the board's machine rings at, Hz: inside the ADXL345's band at 3200 Hz.</summary>
        public const double ResonanceHz = 1200;

        /// <summary>Mains frequency of the simulated supply, Hz (the CT clamp and MAX31865 filter follow it).</summary>
        public const int MainsHz = 50;

        /// <summary>The CT clamp: an SCT-013-030, 30 A per volt, as mA per V.</summary>
        public const int ClampMilliampsPerVolt = 30000;

        /// <summary>The MAX31865 breakout's reference resistor for a PT100, Ω.</summary>
        public const int RtdReferenceOhms = 430;

        // The simulation's default ring: 3 kHz with a 0.6 ms decay.
        private const double DefaultResonanceHz = 3000;
        private const double DefaultDecayS = 0.0006;

        public VirtualBoard(Scenario scenario, ulong seed)
        {
            if (scenario == null)
            {
                throw new ArgumentNullException(nameof(scenario));
            }

            Seed = seed;
            Clock = new VirtualClock();
            var parameters = new MachineParameters
            {
                ResonanceHz = ResonanceHz,
                ResonanceDecayS = DefaultDecayS * DefaultResonanceHz / ResonanceHz,
            };
            Machine = new SimulatedMachine(scenario, seed, parameters);
            SensorRail = new SupplyRail(Clock);
            AccelerometerChip = new Adxl345Model(Clock, Machine, AccelerometerFaults, Adxl345ModelFraming.Spi, SensorRail)
            {
                NoiseSeed = seed,
                NoiseEnabled = true,
            };
            RtdChip = new Max31865Model(Clock, Machine, TemperatureFaults, (int)RtdElement.Pt100, RtdReferenceOhms, SensorRail);
            ClampAdc = new AdcBurstModel(Clock, Machine, CurrentFaults, SensorRail);
            ClampAdcTimed = new TimedAnalogBurst(ClampAdc, Clock);

            // A locally administered MAC whose last three bytes come from the seed: each seed is its own board.
            ulong mixed = unchecked((seed + 1) * 0x9E3779B97F4A7C15UL);
            MacSuffix = (int)((mixed >> 40) & 0xFFFFFF);
        }

        public ulong Seed { get; }

        /// <summary>World time: the machine's and the chips' clock. It only moves when the virtual node advances it.</summary>
        public VirtualClock Clock { get; }

        public SimulatedMachine Machine { get; }

        public Scenario Scenario => Machine.Scenario;

        /// <summary>The switched supply of the ADXL345, the MAX31865 and the CT clamp's bias divider (class remarks).</summary>
        public SupplyRail SensorRail { get; }

        public Adxl345Model AccelerometerChip { get; }

        public Max31865Model RtdChip { get; }

        public AdcBurstModel ClampAdc { get; }

        /// <summary>The clamp's ADC as the drivers see it: <see cref="ClampAdc"/> taking its real time.</summary>
        public TimedAnalogBurst ClampAdcTimed { get; }

        public ChipFaults AccelerometerFaults { get; } = new ChipFaults();

        public ChipFaults TemperatureFaults { get; } = new ChipFaults();

        public ChipFaults CurrentFaults { get; } = new ChipFaults();

        /// <summary>The last 24 bits of the board's MAC.</summary>
        public int MacSuffix { get; }

        /// <summary>The node id a node with an empty node.id uses: "node-" and the MAC's last 6 hex digits.</summary>
        public string DefaultNodeId => "node-" + MacSuffix.ToString("x6", CultureInfo.InvariantCulture);

        /// <summary>Sets each chip's fault flags to what the scenario says at the clock's time.</summary>
        public void ApplySensorFaults()
        {
            double nowS = Clock.ElapsedS;
            Machine.ApplySensorFaults(SensorChannel.Accelerometer, nowS, AccelerometerFaults);
            Machine.ApplySensorFaults(SensorChannel.Temperature, nowS, TemperatureFaults);
            Machine.ApplySensorFaults(SensorChannel.CurrentClamp, nowS, CurrentFaults);
        }

        /// <summary>
        /// New drivers over the chips and the front end the firmware reads them through, as the device app builds them:
        /// the ADXL345 at <paramref name="vibRateHz"/> and ±<paramref name="vibRangeG"/> g (the vib.rate_hz and vib.range_g
        /// settings), a 4-wire PT100 with automatic conversions and the 50 Hz filter, the CT clamp over 20 mains cycles, all
        /// on <see cref="SensorRail"/>: the rail goes off (the reset) and the new front end switches it on.
        /// </summary>
        /// <param name="nodeClock">The firmware's clock for this boot.</param>
        public DriverSensorFrontEnd CreateFrontEnd(IClock nodeClock, long vibRateHz, long vibRangeG)
        {
            SensorRail.Write(false);
            var accelerometer = new Adxl345Driver(AccelerometerChip, Adxl345Framing.Spi, nodeClock);

            // A driver's wait is simulated time passing, as a blocking wait would let it pass on the chip.
            var rtd = new Max31865Driver(RtdChip, ms => Clock.AdvanceMs(ms), RtdElement.Pt100, RtdReferenceOhms * 1000,
                RtdWiring.FourWire, MainsHz);
            var clamp = new CurrentClampDriver(ClampAdcTimed, MainsHz, ClampMilliampsPerVolt);
            return new DriverSensorFrontEnd(
                accelerometer,
                Adxl345Settings.RangeFromG(vibRangeG),
                Adxl345Settings.DataRateFromHz(vibRateHz),
                Adxl345Settings.WatermarkSamples,
                rtd,
                clamp,
                nodeClock,
                SensorRail);
        }
    }
}
