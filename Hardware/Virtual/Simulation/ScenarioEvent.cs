using System;
using System.Globalization;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// One entry on a scenario's fault timeline: a fault starts, or a repair removes it. Built only through the
    /// factory methods; each kind's parameters are meaningful for that kind alone.
    /// </summary>
    /// <remarks>
    /// A fault stays until a repair of the same kind (and, for sensor faults, the same channel). Injecting a fault
    /// that is already active replaces its parameters from that moment.
    /// </remarks>
    public sealed class ScenarioEvent
    {
        private ScenarioEvent(double timeS, FaultKind kind, bool isRepair, SensorChannel channel)
        {
            if (!(timeS >= 0) || double.IsInfinity(timeS))
            {
                throw new ArgumentOutOfRangeException(nameof(timeS), "an event happens at a finite time >= 0");
            }

            bool sensorFault = kind == FaultKind.SensorUnplugged || kind == FaultKind.SensorStuck;
            if (sensorFault != (channel != SensorChannel.None))
            {
                throw new ArgumentException("sensor faults need a channel; other faults must not have one", nameof(channel));
            }

            TimeS = timeS;
            Kind = kind;
            IsRepair = isRepair;
            Channel = channel;
        }

        /// <summary>Simulated seconds since the scenario started.</summary>
        public double TimeS { get; }

        public FaultKind Kind { get; }

        /// <summary>True when this event removes the fault instead of starting it.</summary>
        public bool IsRepair { get; }

        /// <summary>The sensor affected, for <see cref="FaultKind.SensorUnplugged"/> and <see cref="FaultKind.SensorStuck"/>.</summary>
        public SensorChannel Channel { get; }

        /// <summary>Bearing wear: where the defect is.</summary>
        public BearingDefect Defect { get; private set; }

        /// <summary>Bearing wear: impulse envelope amplitude in g, at rated speed and load, when the fault starts.</summary>
        public double InitialPeakG { get; private set; }

        /// <summary>Bearing wear: growth of that amplitude in g per simulated hour.</summary>
        public double GrowthGPerHour { get; private set; }

        /// <summary>Bearing wear: the amplitude stops growing here.</summary>
        public double MaxPeakG { get; private set; }

        /// <summary>Overheating: multiplier on the steady-state temperature rise.</summary>
        public double HeatFactor { get; private set; }

        /// <summary>Overload: the load fraction imposed while the schedule says running.</summary>
        public double OverloadLoad { get; private set; }

        /// <summary>Noise burst: RMS g per axis during a burst.</summary>
        public double BurstRmsG { get; private set; }

        /// <summary>Noise burst: length of one burst.</summary>
        public double BurstDurationS { get; private set; }

        /// <summary>Noise burst: time from one burst's start to the next; the first starts with the fault.</summary>
        public double BurstPeriodS { get; private set; }

        public static ScenarioEvent BearingWear(double timeS, BearingDefect defect, double initialPeakG, double growthGPerHour, double maxPeakG)
        {
            if (!(initialPeakG >= 0 && growthGPerHour >= 0 && maxPeakG >= initialPeakG && maxPeakG <= 50))
            {
                throw new ArgumentOutOfRangeException(nameof(maxPeakG), "need 0 <= initial <= max <= 50 g and growth >= 0");
            }

            return new ScenarioEvent(timeS, FaultKind.BearingWear, false, SensorChannel.None)
            {
                Defect = defect,
                InitialPeakG = initialPeakG,
                GrowthGPerHour = growthGPerHour,
                MaxPeakG = maxPeakG,
            };
        }

        public static ScenarioEvent Overheating(double timeS, double heatFactor)
        {
            if (!(heatFactor >= 1 && heatFactor <= 10))
            {
                throw new ArgumentOutOfRangeException(nameof(heatFactor), "heat factor in [1, 10]");
            }

            return new ScenarioEvent(timeS, FaultKind.Overheating, false, SensorChannel.None) { HeatFactor = heatFactor };
        }

        public static ScenarioEvent Stall(double timeS) => new ScenarioEvent(timeS, FaultKind.Stall, false, SensorChannel.None);

        public static ScenarioEvent Overload(double timeS, double load)
        {
            if (!(load > 1 && load <= ScheduleSegment.MaxLoad))
            {
                throw new ArgumentOutOfRangeException(nameof(load), "an overload is above rated load, at most 2");
            }

            return new ScenarioEvent(timeS, FaultKind.Overload, false, SensorChannel.None) { OverloadLoad = load };
        }

        public static ScenarioEvent SensorUnplugged(double timeS, SensorChannel channel) =>
            new ScenarioEvent(timeS, FaultKind.SensorUnplugged, false, RequireSensor(channel));

        public static ScenarioEvent SensorStuck(double timeS, SensorChannel channel) =>
            new ScenarioEvent(timeS, FaultKind.SensorStuck, false, RequireSensor(channel));

        public static ScenarioEvent NoiseBurst(double timeS, double burstRmsG, double burstDurationS, double burstPeriodS)
        {
            if (!(burstRmsG > 0 && burstDurationS > 0 && burstPeriodS >= burstDurationS))
            {
                throw new ArgumentOutOfRangeException(nameof(burstPeriodS), "need rms > 0, duration > 0, period >= duration");
            }

            return new ScenarioEvent(timeS, FaultKind.NoiseBurst, false, SensorChannel.None)
            {
                BurstRmsG = burstRmsG,
                BurstDurationS = burstDurationS,
                BurstPeriodS = burstPeriodS,
            };
        }

        /// <summary>Removes an active fault of <paramref name="kind"/>; a repair of an inactive fault changes nothing.</summary>
        public static ScenarioEvent Repair(double timeS, FaultKind kind) => new ScenarioEvent(timeS, kind, true, SensorChannel.None);

        /// <summary>Removes an unplugged or stuck fault from one sensor.</summary>
        public static ScenarioEvent Repair(double timeS, FaultKind kind, SensorChannel channel) =>
            new ScenarioEvent(timeS, kind, true, RequireSensor(channel));

        /// <summary>One line for a listing, e.g. "00:15:00 bearing-wear OuterRace 0.05 g +2.4 g/h up to 2 g".</summary>
        public string Describe()
        {
            var at = TimeSpan.FromSeconds(TimeS).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
            string what;
            if (IsRepair)
            {
                what = "repair " + Name(Kind) + (Channel == SensorChannel.None ? string.Empty : " " + Channel);
            }
            else
            {
                switch (Kind)
                {
                    case FaultKind.BearingWear:
                        what = Invariant($"bearing-wear {Defect} {InitialPeakG:0.###} g +{GrowthGPerHour:0.###} g/h up to {MaxPeakG:0.###} g");
                        break;
                    case FaultKind.Overheating:
                        what = Invariant($"overheating: temperature rise x{HeatFactor:0.##}");
                        break;
                    case FaultKind.Overload:
                        what = Invariant($"overload: load {OverloadLoad:0.##} of rated");
                        break;
                    case FaultKind.NoiseBurst:
                        what = Invariant($"noise-burst {BurstRmsG:0.###} g rms, {BurstDurationS:0.##} s every {BurstPeriodS:0.##} s");
                        break;
                    default:
                        what = Name(Kind) + (Channel == SensorChannel.None ? string.Empty : " " + Channel);
                        break;
                }
            }

            return at + " " + what;
        }

        private static string Name(FaultKind kind)
        {
            switch (kind)
            {
                case FaultKind.BearingWear: return "bearing-wear";
                case FaultKind.Overheating: return "overheating";
                case FaultKind.Stall: return "stall";
                case FaultKind.Overload: return "overload";
                case FaultKind.SensorUnplugged: return "unplugged";
                case FaultKind.SensorStuck: return "stuck";
                case FaultKind.NoiseBurst: return "noise-burst";
                default: return kind.ToString();
            }
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        private static SensorChannel RequireSensor(SensorChannel channel)
        {
            if (channel == SensorChannel.None)
            {
                throw new ArgumentException("a sensor fault needs a sensor channel", nameof(channel));
            }

            return channel;
        }
    }
}
