using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>Scenarios cut to what one test needs, built from the same parts as the catalogue's.</summary>
    internal static class TestScenarios
    {
        /// <summary>Names of the node's vibration channels.</summary>
        public static readonly string[] VibrationChannels = { "velocity", "acceleration", "kurtosis" };

        /// <summary>
        /// An outer-race spall from minute 8 growing at 6 g/h (faster than the catalogue's, so the alarm comes within
        /// minutes), the bearing replaced at minute 20, the machine running on healthy until minute 90.
        /// </summary>
        public static Scenario WearThenRepair() => new Scenario(
            "wear-then-repair",
            "Bearing wear from minute 8, repaired at minute 20.",
            new[] { ScheduleSegment.Off(Minutes(1)), ScheduleSegment.Running(Minutes(89), 0.75) },
            new[]
            {
                ScenarioEvent.BearingWear(Minutes(8), BearingDefect.OuterRace, 0.05, 6.0, 2.0),
                ScenarioEvent.Repair(Minutes(20), FaultKind.BearingWear),
            },
            ScenarioCatalogue.WatchTimeScale);

        /// <summary>The accelerometer's cable out from minute 5 to 7, the RTD's from minute 9 to 11, on a running machine.</summary>
        public static Scenario UnplugAndReplug() => new Scenario(
            "unplug-and-replug",
            "Accelerometer out from minute 5 to 7, RTD out from minute 9 to 11.",
            new[] { ScheduleSegment.Off(Minutes(1)), ScheduleSegment.Running(Minutes(13), 0.75) },
            new[]
            {
                ScenarioEvent.SensorUnplugged(Minutes(5), SensorChannel.Accelerometer),
                ScenarioEvent.Repair(Minutes(7), FaultKind.SensorUnplugged, SensorChannel.Accelerometer),
                ScenarioEvent.SensorUnplugged(Minutes(9), SensorChannel.Temperature),
                ScenarioEvent.Repair(Minutes(11), FaultKind.SensorUnplugged, SensorChannel.Temperature),
            },
            ScenarioCatalogue.WatchTimeScale);

        /// <summary>
        /// A production day on a healthy machine: off overnight until 06:00, a morning shift at 75 % load and an afternoon
        /// shift at 60 %, each broken by a 30-minute pause in which the motor runs on unloaded (magnetising current only),
        /// a 30-minute changeover between them, and off again from 22:00.
        /// </summary>
        public static Scenario ProductionDay() => new Scenario(
            "production-day",
            "Two shifts (75 % then 60 % load) with unloaded pauses, off overnight.",
            new[]
            {
                ScheduleSegment.Off(Hours(6)),
                ScheduleSegment.Running(Hours(4), 0.75),
                ScheduleSegment.Idle(Minutes(30)),
                ScheduleSegment.Running(Hours(3.5), 0.75),
                ScheduleSegment.Idle(Minutes(30)),
                ScheduleSegment.Running(Hours(4), 0.6),
                ScheduleSegment.Idle(Minutes(30)),
                ScheduleSegment.Running(Hours(3.5), 0.6),
                ScheduleSegment.Off(Hours(2)),
            },
            System.Array.Empty<ScenarioEvent>(),
            ScenarioCatalogue.WatchTimeScale);

        public static double Minutes(double minutes) => minutes * 60;

        public static double Hours(double hours) => hours * 3600;
    }
}
