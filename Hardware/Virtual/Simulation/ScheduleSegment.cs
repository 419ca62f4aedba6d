using System;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>One stretch of a scenario's schedule: a mode held for a duration. Segments follow each other.</summary>
    public sealed class ScheduleSegment
    {
        private ScheduleSegment(MachineMode mode, double durationS, double load)
        {
            if (!(durationS > 0) || double.IsInfinity(durationS))
            {
                throw new ArgumentOutOfRangeException(nameof(durationS), "a segment lasts a positive, finite time");
            }

            if (!(load >= 0 && load <= MaxLoad))
            {
                throw new ArgumentOutOfRangeException(nameof(load), "load is a fraction of rated load in [0, 2]");
            }

            Mode = mode;
            DurationS = durationS;
            Load = load;
        }

        /// <summary>Largest load fraction a segment or an overload may ask for.</summary>
        public const double MaxLoad = 2.0;

        public MachineMode Mode { get; }

        public double DurationS { get; }

        /// <summary>Fraction of rated mechanical load (1 = rated); 0 for <see cref="MachineMode.Off"/> and <see cref="MachineMode.Idle"/>.</summary>
        public double Load { get; }

        public static ScheduleSegment Off(double durationS) => new ScheduleSegment(MachineMode.Off, durationS, 0);

        public static ScheduleSegment Idle(double durationS) => new ScheduleSegment(MachineMode.Idle, durationS, 0);

        public static ScheduleSegment Running(double durationS, double load) =>
            new ScheduleSegment(MachineMode.Running, durationS, load);
    }
}
