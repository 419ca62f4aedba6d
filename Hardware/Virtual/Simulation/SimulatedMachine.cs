using System;
using System.Collections.Generic;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// A motor-driven machine playing a <see cref="Scenario"/>: vibration, bearing temperature, motor current and
    /// supply voltage as pure functions of simulated time for a given seed (see <see cref="IMachineSignals"/>).
    /// Immutable after construction, so it may be queried from any thread in any order.
    /// </summary>
    /// <remarks>
    /// <para><b>Vibration</b> (g; x horizontal radial, y axial, z vertical radial carrying +1 g), the sum of:
    /// 1× imbalance ∝ (speed/rated)², 2× misalignment ∝ (speed/rated)²·(⅓ + ⅔·load), Gaussian broadband noise
    /// ∝ (speed/rated)²·(0.4 + 0.6·load) plus a constant background, each held for one noise slot
    /// (<see cref="MachineParameters.NoiseSlotRateHz"/>), and, while a bearing-wear fault is active, an impulse train
    /// at the defect's impact order of shaft speed. Each impact rings at
    /// <see cref="MachineParameters.ResonanceHz"/> with an envelope A·e^(−age/τ), A = severity·(speed/rated)²·(0.5 + 0.5·load)
    /// ·(1 ± 15 % per impact), mostly on z (load zone) with 0.5 on x and 0.25 on y. The shaft angle is the exact integral
    /// of speed, so tones stay coherent through ramps.</para>
    /// <para><b>Temperature</b>: first order, τ·dT/dt = ambient + rise − T, with rise =
    /// <see cref="MachineParameters.RiseAtRatedLoadK"/>·heat factor·(speed/rated)·(no-load share + (1 − share)·load),
    /// plus a small Gaussian fluctuation held for 100 ms.</para>
    /// <para><b>Current</b>: i(t) = √2·I·sin(2π·f_mains·t) with I = √(I_mag² + (load·I_torque)²), I_torque chosen so
    /// I = rated at rated load; while the rotor is slow (start-up, stall) I rises towards locked-rotor current,
    /// reaching it at 20 % slip or more. Zero when not energised.</para>
    /// <para><b>Supply</b>: nominal volts, minus a droop per motor RMS ampere, plus noise held for 1 ms.</para>
    /// </remarks>
    public sealed class SimulatedMachine : IMachineSignals
    {
        // Noise streams: one per independent random quantity.
        private const ulong StreamNoiseX = 1, StreamNoiseY = 2, StreamNoiseZ = 3;
        private const ulong StreamBurstX = 4, StreamBurstY = 5, StreamBurstZ = 6;
        private const ulong StreamImpact = 7, StreamTemperature = 8, StreamSupply = 9;

        private const double TwoPi = 2 * Math.PI;
        private const double TemperatureSlotHz = 10;
        private const double SupplySlotHz = 1000;

        // Slip at which an induction motor's current has fallen from locked-rotor towards normal (breakdown region).
        private const double InrushSlip = 0.2;

        // Impacts older than this many decay constants are below 0.03 % of their amplitude and are skipped.
        private const double ImpactMemoryTaus = 8;

        private readonly MachineParameters _p;
        private readonly OperatingProfile _profile;
        private readonly FaultWindow[] _wear;
        private readonly FaultWindow[] _bursts;
        private readonly FaultWindow[][] _unplugged;
        private readonly FaultWindow[][] _stuck;
        private readonly FaultWindow[] _allWindows;
        private readonly double _torqueCurrentA;

        public SimulatedMachine(Scenario scenario, ulong seed)
            : this(scenario, seed, new MachineParameters())
        {
        }

        public SimulatedMachine(Scenario scenario, ulong seed, MachineParameters parameters)
        {
            Scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
            _p = parameters ?? throw new ArgumentNullException(nameof(parameters));
            _p.Validate();
            Seed = seed;

            var events = scenario.Events;
            _wear = FaultWindow.Build(events, FaultKind.BearingWear, SensorChannel.None);
            _bursts = FaultWindow.Build(events, FaultKind.NoiseBurst, SensorChannel.None);
            int channels = (int)SensorChannel.CurrentClamp + 1;
            _unplugged = new FaultWindow[channels][];
            _stuck = new FaultWindow[channels][];
            var all = new List<FaultWindow>();
            for (int c = 0; c < channels; c++)
            {
                _unplugged[c] = FaultWindow.Build(events, FaultKind.SensorUnplugged, (SensorChannel)c);
                _stuck[c] = FaultWindow.Build(events, FaultKind.SensorStuck, (SensorChannel)c);
                all.AddRange(_unplugged[c]);
                all.AddRange(_stuck[c]);
            }

            var stall = FaultWindow.Build(events, FaultKind.Stall, SensorChannel.None);
            var overload = FaultWindow.Build(events, FaultKind.Overload, SensorChannel.None);
            var overheating = FaultWindow.Build(events, FaultKind.Overheating, SensorChannel.None);
            _profile = new OperatingProfile(scenario, _p, stall, overload, overheating);
            all.AddRange(_wear);
            all.AddRange(_bursts);
            all.AddRange(stall);
            all.AddRange(overload);
            all.AddRange(overheating);
            _allWindows = all.ToArray();

            _torqueCurrentA = Math.Sqrt(_p.RatedCurrentA * _p.RatedCurrentA - _p.MagnetisingCurrentA * _p.MagnetisingCurrentA);
        }

        public Scenario Scenario { get; }

        public ulong Seed { get; }

        public MachineParameters Parameters => _p;

        /// <summary>Mode, speed, load and shaft revolutions at <paramref name="timeS"/>.</summary>
        public OperatingPoint OperatingPointAt(double timeS) => _profile.At(timeS);

        /// <summary>The schedule's mode at <paramref name="timeS"/>.</summary>
        public MachineMode ModeAt(double timeS) => _profile.ModeAt(timeS);

        /// <summary>Bearing temperature of the thermal model alone, without the fluctuation.</summary>
        public double ModelTemperatureC(double timeS) => _profile.TemperatureC(timeS);

        /// <summary>RMS motor current the waveform has at <paramref name="timeS"/>.</summary>
        public double MotorCurrentRmsA(double timeS) => CurrentRmsA(_profile.At(timeS));

        /// <summary>Bearing-defect impulse amplitude in g at rated speed and load (0 when no wear fault is active).</summary>
        public double DefectSeverityG(double timeS)
        {
            var w = FaultWindow.ActiveAt(_wear, timeS);
            return w == null ? 0 : Severity(w, timeS);
        }

        /// <summary>True while a fault of <paramref name="kind"/> is active (on any channel, for sensor faults).</summary>
        public bool IsFaultActive(FaultKind kind, double timeS)
        {
            foreach (var w in _allWindows)
            {
                if (w.Cause.Kind == kind && w.Contains(timeS))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsSensorUnplugged(SensorChannel channel, double timeS) =>
            FaultWindow.ActiveAt(_unplugged[(int)channel], timeS) != null;

        public bool IsSensorStuck(SensorChannel channel, double timeS) =>
            FaultWindow.ActiveAt(_stuck[(int)channel], timeS) != null;

        /// <summary>Sets a chip model's fault flags to what the scenario says for <paramref name="channel"/> at <paramref name="timeS"/>.</summary>
        public void ApplySensorFaults(SensorChannel channel, double timeS, ChipFaults faults)
        {
            if (faults == null)
            {
                throw new ArgumentNullException(nameof(faults));
            }

            faults.Unplugged = IsSensorUnplugged(channel, timeS);
            faults.Stuck = IsSensorStuck(channel, timeS);
        }

        public void AccelerationG(double timeS, out double xG, out double yG, out double zG)
        {
            var op = _profile.At(timeS);
            double speedRatio = op.SpeedHz / _p.RatedSpeedHz;
            double r2 = speedRatio * speedRatio;
            double load = op.Load;

            // Reduce the shaft angle to one turn before scaling by 2π so sin/cos keep full precision over long runs.
            double turn = op.Revolutions - Math.Floor(op.Revolutions);
            double theta = TwoPi * turn;
            double a1 = _p.Imbalance1xPeakG * r2;
            double a2 = _p.Misalignment2xPeakG * r2 * (1.0 / 3.0 + 2.0 / 3.0 * load);
            double s1 = Math.Sin(theta), c1 = Math.Cos(theta);
            double s2 = Math.Sin(2 * theta), c2 = Math.Cos(2 * theta);

            double x = a1 * s1 + a2 * s2;
            double y = 0.15 * a1 * c1 + 0.5 * a2 * c2;
            double z = 0.7 * a1 * -c1 + 0.8 * a2 * s2;

            double severityG = 0;
            var wear = FaultWindow.ActiveAt(_wear, timeS);
            if (wear != null)
            {
                severityG = Severity(wear, timeS);
                double impact = ImpactResponseG(wear.Cause.Defect, op, timeS, severityG * r2 * (0.5 + 0.5 * load));
                x += 0.5 * impact;
                y += 0.25 * impact;
                z += impact;
            }

            long slot = (long)Math.Floor(timeS * _p.NoiseSlotRateHz);
            double sigma = _p.BackgroundNoiseRmsG + (_p.BroadbandNoiseRmsG + _p.WearNoisePerG * severityG) * r2 * (0.4 + 0.6 * load);
            x += sigma * CounterNoise.Gaussian(Seed, StreamNoiseX, slot);
            y += sigma * CounterNoise.Gaussian(Seed, StreamNoiseY, slot);
            z += sigma * CounterNoise.Gaussian(Seed, StreamNoiseZ, slot);

            var burst = FaultWindow.ActiveAt(_bursts, timeS);
            if (burst != null)
            {
                var e = burst.Cause;
                double intoPeriodS = (timeS - e.TimeS) % e.BurstPeriodS;
                if (intoPeriodS < e.BurstDurationS)
                {
                    x += e.BurstRmsG * CounterNoise.Gaussian(Seed, StreamBurstX, slot);
                    y += e.BurstRmsG * CounterNoise.Gaussian(Seed, StreamBurstY, slot);
                    z += e.BurstRmsG * CounterNoise.Gaussian(Seed, StreamBurstZ, slot);
                }
            }

            xG = x;
            yG = y;
            zG = 1.0 + z;
        }

        public double BearingTemperatureC(double timeS)
        {
            long slot = (long)Math.Floor(timeS * TemperatureSlotHz);
            return _profile.TemperatureC(timeS) + _p.TemperatureNoiseC * CounterNoise.Gaussian(Seed, StreamTemperature, slot);
        }

        public double MotorCurrentA(double timeS)
        {
            double rms = CurrentRmsA(_profile.At(timeS));
            double cycles = timeS * _p.MainsFrequencyHz;
            double phase = TwoPi * (cycles - Math.Floor(cycles));
            return Math.Sqrt(2.0) * rms * Math.Sin(phase);
        }

        public double SupplyVoltageV(double timeS)
        {
            long slot = (long)Math.Floor(timeS * SupplySlotHz);
            return _p.SupplyNominalV
                - _p.SupplySagVPerA * MotorCurrentRmsA(timeS)
                + _p.SupplyNoiseV * CounterNoise.Gaussian(Seed, StreamSupply, slot);
        }

        private double CurrentRmsA(OperatingPoint op)
        {
            if (!op.Energised)
            {
                return 0;
            }

            double torqueA = op.Load * _torqueCurrentA;
            double runningA = Math.Sqrt(_p.MagnetisingCurrentA * _p.MagnetisingCurrentA + torqueA * torqueA);
            double slip = 1 - op.SpeedHz / _p.SynchronousHz;
            double inrushA = _p.LockedRotorCurrentRatio * _p.RatedCurrentA * Math.Min(1.0, Math.Max(0.0, slip) / InrushSlip);
            return Math.Max(runningA, inrushA);
        }

        private static double Severity(FaultWindow wear, double timeS)
        {
            var e = wear.Cause;
            return Math.Min(e.MaxPeakG, e.InitialPeakG + e.GrowthGPerHour * (timeS - e.TimeS) / 3600.0);
        }

        // The ringing of the last few impacts. Impact n happens when order·revolutions crosses n; its age is found by
        // stepping back at the present speed, which is exact within the few milliseconds an impact rings.
        private double ImpactResponseG(BearingDefect defect, OperatingPoint op, double timeS, double amplitudeG)
        {
            double order = _p.Bearing.ImpactOrder(defect);
            double impactRateHz = order * op.SpeedHz;
            if (amplitudeG <= 0 || impactRateHz < 1)
            {
                return 0;
            }

            double impacts = order * op.Revolutions;
            long last = (long)Math.Floor(impacts);
            double memoryS = ImpactMemoryTaus * _p.ResonanceDecayS;
            double sum = 0;
            for (long n = last; n >= 0; n--)
            {
                double ageS = (impacts - n) / impactRateHz;
                if (ageS > memoryS)
                {
                    break;
                }

                double strength = 1 + 0.15 * (2 * CounterNoise.Uniform(Seed, StreamImpact, n) - 1);
                double revolutionsAtImpact = op.Revolutions - ageS * op.SpeedHz;
                switch (defect)
                {
                    case BearingDefect.InnerRace:
                        // The spall turns with the shaft and passes through the load zone once per revolution.
                        strength *= 0.5 + 0.5 * Math.Cos(TwoPi * Frac(revolutionsAtImpact));
                        break;
                    case BearingDefect.Ball:
                        // The ball travels with the cage and is loaded once per cage revolution.
                        strength *= 0.5 + 0.5 * Math.Cos(TwoPi * Frac(_p.Bearing.FtfOrder * revolutionsAtImpact));
                        break;
                }

                double ringPhase = TwoPi * Frac(_p.ResonanceHz * ageS);
                sum += strength * Math.Exp(-ageS / _p.ResonanceDecayS) * Math.Sin(ringPhase);
            }

            return amplitudeG * sum;
        }

        private static double Frac(double v) => v - Math.Floor(v);
    }
}
