using System;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// The simulated machine's physical constants. Defaults describe a 4 kW, 4-pole induction motor started
    /// direct-on-line from 400 V / 50 Hz, driving a pump through a coupling, with an SKF 6205 drive-end bearing.
    /// Accelerometer axes: x horizontal radial, y axial, z vertical radial (up, so z carries +1 g).
    /// </summary>
    public sealed class MachineParameters
    {
        // --- Motor and supply ---

        /// <summary>Mains frequency: 50 or 60 Hz. It sets the current waveform and the synchronous speed.</summary>
        public double MainsFrequencyHz { get; init; } = 50;

        /// <summary>Pole pairs: 2 gives 1500 rpm synchronous at 50 Hz.</summary>
        public int PolePairs { get; init; } = 2;

        /// <summary>Slip at rated load (speed falls linearly with load): 0.0133 gives 1480 rpm at 50 Hz.</summary>
        public double RatedSlip { get; init; } = 0.0133;

        /// <summary>RMS line current at rated load.</summary>
        public double RatedCurrentA { get; init; } = 8.0;

        /// <summary>RMS no-load (magnetising) current, drawn whenever the motor is energised: ~40 % of rated for a small motor.</summary>
        public double MagnetisingCurrentA { get; init; } = 3.2;

        /// <summary>Locked-rotor current as a multiple of rated current (start-up inrush and stall).</summary>
        public double LockedRotorCurrentRatio { get; init; } = 6.0;

        /// <summary>Run-up time from rest to synchronous speed when energised.</summary>
        public double StartUpS { get; init; } = 2.0;

        /// <summary>Coast-down time from synchronous speed to rest once the supply is off.</summary>
        public double CoastDownS { get; init; } = 8.0;

        /// <summary>Time for a jam to bring the shaft from synchronous speed to rest.</summary>
        public double StallStopS { get; init; } = 0.5;

        /// <summary>How fast the driven load changes, in rated-load fractions per second.</summary>
        public double LoadSlewPerS { get; init; } = 0.25;

        /// <summary>Nominal DC supply seen by the INA219 (the node's 24 V panel supply).</summary>
        public double SupplyNominalV { get; init; } = 24.0;

        /// <summary>Supply droop per ampere of motor RMS current (panel transformer shared with the motor).</summary>
        public double SupplySagVPerA { get; init; } = 0.025;

        /// <summary>Standard deviation of supply noise, held for 1 ms slots.</summary>
        public double SupplyNoiseV { get; init; } = 0.005;

        // --- Vibration (peak g at rated speed; imbalance scales with speed squared) ---

        /// <summary>1× imbalance, peak g on x at rated speed. z sees 0.7× of it 90° later (stiffer vertically), y 0.15×.</summary>
        public double Imbalance1xPeakG { get; init; } = 0.030;

        /// <summary>2× misalignment, peak g on x at rated speed and load; z sees 0.8×, y 0.5×. A third of it remains unloaded.</summary>
        public double Misalignment2xPeakG { get; init; } = 0.012;

        /// <summary>Broadband (flow, friction) noise RMS per axis at rated speed and load; 40 % of it remains unloaded.</summary>
        public double BroadbandNoiseRmsG { get; init; } = 0.010;

        /// <summary>Background vibration RMS per axis from the surroundings, present even when the machine is off.</summary>
        public double BackgroundNoiseRmsG { get; init; } = 0.0015;

        /// <summary>Rate of the noise sample-and-hold slots: white up to half this, above the ADXL345's 3200 Hz ODR.</summary>
        public double NoiseSlotRateHz { get; init; } = 25600;

        /// <summary>The bearing under the sensor.</summary>
        public BearingGeometry Bearing { get; init; } = BearingGeometry.Skf6205;

        /// <summary>Housing resonance each defect impact rings at.</summary>
        public double ResonanceHz { get; init; } = 3000;

        /// <summary>Decay time constant of the ringing: 0.6 ms at 3 kHz is a damping ratio of about 0.09.</summary>
        public double ResonanceDecayS { get; init; } = 0.0006;

        /// <summary>Extra broadband noise RMS per g of defect impulse amplitude (a worn bearing also gets rougher).</summary>
        public double WearNoisePerG { get; init; } = 0.05;

        // --- Temperature (first-order model) ---

        /// <summary>Ambient air temperature.</summary>
        public double AmbientC { get; init; } = 22.0;

        /// <summary>Time constant of the bearing housing temperature.</summary>
        public double ThermalTimeConstantS { get; init; } = 900;

        /// <summary>Steady-state rise above ambient at rated speed and rated load.</summary>
        public double RiseAtRatedLoadK { get; init; } = 25.0;

        /// <summary>Fraction of that rise that remains at rated speed with no load (friction, windage, iron losses).</summary>
        public double NoLoadHeatFraction { get; init; } = 0.3;

        /// <summary>Standard deviation of the temperature's fluctuation, held for 100 ms slots (keeps a healthy probe from reading constant).</summary>
        public double TemperatureNoiseC { get; init; } = 0.02;

        /// <summary>Synchronous speed in Hz (revolutions per second).</summary>
        public double SynchronousHz => MainsFrequencyHz / PolePairs;

        /// <summary>Shaft speed in Hz at rated load.</summary>
        public double RatedSpeedHz => SynchronousHz * (1 - RatedSlip);

        internal void Validate()
        {
            Require(MainsFrequencyHz == 50 || MainsFrequencyHz == 60, nameof(MainsFrequencyHz), "50 or 60 Hz");
            Require(PolePairs >= 1 && PolePairs <= 8, nameof(PolePairs), "1..8");
            Require(RatedSlip > 0 && RatedSlip < 0.1, nameof(RatedSlip), "(0, 0.1)");
            Require(RatedCurrentA > MagnetisingCurrentA && MagnetisingCurrentA >= 0, nameof(MagnetisingCurrentA), "0 <= magnetising < rated");
            Require(LockedRotorCurrentRatio >= 1, nameof(LockedRotorCurrentRatio), ">= 1");
            Require(StartUpS > 0 && CoastDownS > 0 && StallStopS > 0, nameof(StartUpS), "ramp times > 0");
            Require(LoadSlewPerS > 0, nameof(LoadSlewPerS), "> 0");
            Require(Imbalance1xPeakG >= 0 && Misalignment2xPeakG >= 0, nameof(Imbalance1xPeakG), ">= 0");
            Require(BroadbandNoiseRmsG >= 0 && BackgroundNoiseRmsG >= 0 && WearNoisePerG >= 0, nameof(BroadbandNoiseRmsG), ">= 0");
            Require(NoiseSlotRateHz >= 1000, nameof(NoiseSlotRateHz), ">= 1000");
            Require(Bearing != null, nameof(Bearing), "not null");
            Require(ResonanceHz > 0 && ResonanceDecayS > 0, nameof(ResonanceHz), "> 0");
            Require(ThermalTimeConstantS > 0, nameof(ThermalTimeConstantS), "> 0");
            Require(RiseAtRatedLoadK >= 0 && NoLoadHeatFraction >= 0 && NoLoadHeatFraction <= 1, nameof(NoLoadHeatFraction), "[0, 1]");
            Require(TemperatureNoiseC >= 0 && SupplyNoiseV >= 0 && SupplySagVPerA >= 0, nameof(TemperatureNoiseC), ">= 0");
        }

        private static void Require(bool ok, string name, string what)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(name, "machine parameter must be " + what);
            }
        }
    }
}
