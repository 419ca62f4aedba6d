using System;
using System.Collections.Generic;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// The named scenarios the virtual node offers. Each is one simulated hour: at ×60 it plays in a minute, long
    /// enough for the node to learn a baseline while the machine runs (the first 10-20 minutes are healthy) and
    /// then for the fault to develop, be alarmed and, where a repair follows, clear.
    /// </summary>
    public static class ScenarioCatalogue
    {
        /// <summary>Simulated seconds per real second at which each scenario plays in about a minute.</summary>
        public const double WatchTimeScale = 60;

        private static readonly Scenario[] Scenarios =
        {
            NormalShifts(),
            BearingWear(),
            Overheating(),
            Stall(),
            UnpluggedSensor(),
            StuckSensor(),
            NoiseBurst(),
        };

        /// <summary>Every scenario, in the order a listing shows them.</summary>
        public static IReadOnlyList<Scenario> All { get; } = Array.AsReadOnly(Scenarios);

        /// <summary>The scenario called <paramref name="name"/> (case-insensitive), or null.</summary>
        public static Scenario Find(string name)
        {
            foreach (var s in Scenarios)
            {
                if (string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return s;
                }
            }

            return null;
        }

        private static double Min(double minutes) => minutes * 60;

        private static Scenario NormalShifts() => new Scenario(
            "normal-shifts",
            "A healthy machine through two short production runs with a break between them, starting and ending off. "
            + "Shows start-up inrush, warm-up, idle and coast-down: the reference for baseline learning and machine-state detection.",
            new[]
            {
                ScheduleSegment.Off(Min(2)),
                ScheduleSegment.Running(Min(20), 0.75),
                ScheduleSegment.Idle(Min(5)),
                ScheduleSegment.Running(Min(18), 0.6),
                ScheduleSegment.Idle(Min(5)),
                ScheduleSegment.Off(Min(10)),
            },
            Array.Empty<ScenarioEvent>(),
            WatchTimeScale);

        private static Scenario BearingWear() => new Scenario(
            "bearing-wear",
            "An outer-race spall appears after 15 minutes of healthy running and grows from 0.05 g to about 1.85 g of impulse "
            + "amplitude: kurtosis and crest factor rise first, then RMS and velocity; impacts repeat at BPFO (3.585× shaft speed).",
            new[]
            {
                ScheduleSegment.Off(Min(1)),
                ScheduleSegment.Running(Min(59), 0.75),
            },
            new[]
            {
                ScenarioEvent.BearingWear(Min(15), BearingDefect.OuterRace, 0.05, 2.4, 2.0),
            },
            WatchTimeScale);

        private static Scenario Overheating() => new Scenario(
            "overheating",
            "The bearing loses lubrication after 20 minutes: its temperature rise grows 2.5× and the housing climbs from "
            + "about 38 °C towards 75 °C. Relubricated at 50 minutes, it cools back with the same 15-minute time constant.",
            new[]
            {
                ScheduleSegment.Off(Min(1)),
                ScheduleSegment.Running(Min(59), 0.8),
            },
            new[]
            {
                ScenarioEvent.Overheating(Min(20), 2.5),
                ScenarioEvent.Repair(Min(50), FaultKind.Overheating),
            },
            WatchTimeScale);

        private static Scenario Stall() => new Scenario(
            "stall",
            "An overload from 20 to 26 minutes (135 % load: about 10.4 A instead of 6.4 A, more slip and heat), then a jam "
            + "at 40 minutes: the shaft stops within half a second and the motor draws locked-rotor current (48 A) for 30 s "
            + "until it is cleared and the machine restarts.",
            new[]
            {
                ScheduleSegment.Off(Min(1)),
                ScheduleSegment.Running(Min(59), 0.75),
            },
            new[]
            {
                ScenarioEvent.Overload(Min(20), 1.35),
                ScenarioEvent.Repair(Min(26), FaultKind.Overload),
                ScenarioEvent.Stall(Min(40)),
                ScenarioEvent.Repair(Min(40.5), FaultKind.Stall),
            },
            WatchTimeScale);

        private static Scenario UnpluggedSensor() => new Scenario(
            "unplugged-sensor",
            "The accelerometer's cable is out from 20 to 35 minutes, then the RTD's from 45 to 50 minutes: each chip stops "
            + "answering (NACK) and its channel should go to fault, then recover, while the machine runs on normally.",
            new[]
            {
                ScheduleSegment.Off(Min(1)),
                ScheduleSegment.Running(Min(59), 0.75),
            },
            new[]
            {
                ScenarioEvent.SensorUnplugged(Min(20), SensorChannel.Accelerometer),
                ScenarioEvent.Repair(Min(35), FaultKind.SensorUnplugged, SensorChannel.Accelerometer),
                ScenarioEvent.SensorUnplugged(Min(45), SensorChannel.Temperature),
                ScenarioEvent.Repair(Min(50), FaultKind.SensorUnplugged, SensorChannel.Temperature),
            },
            WatchTimeScale);

        private static Scenario StuckSensor() => new Scenario(
            "stuck-sensor",
            "The temperature reading freezes at 15 minutes while the housing is still warming, and stays frozen through an "
            + "idle break until 45 minutes; the accelerometer freezes from 50 to 55 minutes. The sensors still answer on the bus.",
            new[]
            {
                ScheduleSegment.Off(Min(1)),
                ScheduleSegment.Running(Min(29), 0.75),
                ScheduleSegment.Idle(Min(10)),
                ScheduleSegment.Running(Min(20), 0.75),
            },
            new[]
            {
                ScenarioEvent.SensorStuck(Min(15), SensorChannel.Temperature),
                ScenarioEvent.Repair(Min(45), FaultKind.SensorStuck, SensorChannel.Temperature),
                ScenarioEvent.SensorStuck(Min(50), SensorChannel.Accelerometer),
                ScenarioEvent.Repair(Min(55), FaultKind.SensorStuck, SensorChannel.Accelerometer),
            },
            WatchTimeScale);

        private static Scenario NoiseBurst() => new Scenario(
            "noise-burst",
            "From 20 to 40 minutes, half-second bursts of 0.5 g broadband vibration every 20 s (knocks from nearby work) on a "
            + "healthy machine: single windows spike, but a dwell time should keep the vibration channel out of alarm.",
            new[]
            {
                ScheduleSegment.Off(Min(1)),
                ScheduleSegment.Running(Min(59), 0.75),
            },
            new[]
            {
                ScenarioEvent.NoiseBurst(Min(20), 0.5, 0.5, 20),
                ScenarioEvent.Repair(Min(40), FaultKind.NoiseBurst),
            },
            WatchTimeScale);
    }
}
