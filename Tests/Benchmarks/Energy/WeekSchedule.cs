using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// The machine's week for the energy model, from Monday 00:00: two shifts on working days, 06:00–13:50 and
    /// 14:10–22:00 running with the shift change idle in between, off at night; Saturday and Sunday off. Also the
    /// temperature faults injected to measure alarm latency: six 40-minute overheats at scattered times, one of them on
    /// Saturday with the machine off (limits still apply).
    /// </summary>
    internal static class WeekSchedule
    {
        /// <summary>A week, ms.</summary>
        public const long WeekMs = 7L * 24 * 3600 * 1000;

        /// <summary>How long each injected fault lasts, ms.</summary>
        public const long FaultMs = 40L * 60 * 1000;

        /// <summary>Onsets of the injected overheats, ms from Monday 00:00.</summary>
        public static readonly long[] FaultOnsetsMs =
        {
            At(0, 9, 7, 13), At(1, 15, 31, 47), At(2, 7, 52, 5), At(3, 20, 11, 31), At(4, 11, 43, 59), At(5, 12, 0, 0),
        };

        /// <summary>What the machine does at <paramref name="ms"/> from Monday 00:00.</summary>
        public static MachineMode ModeAt(long ms)
        {
            long day = ms / 86400000 % 7;
            long minute = ms % 86400000 / 60000;
            if (day >= 5)
            {
                return MachineMode.Off;
            }

            if (minute >= 6 * 60 && minute < 13 * 60 + 50)
            {
                return MachineMode.Running;
            }

            if (minute >= 13 * 60 + 50 && minute < 14 * 60 + 10)
            {
                return MachineMode.Idle;
            }

            return minute >= 14 * 60 + 10 && minute < 22 * 60 ? MachineMode.Running : MachineMode.Off;
        }

        /// <summary>True while an injected overheat lasts.</summary>
        public static bool Overheating(long ms)
        {
            foreach (long onset in FaultOnsetsMs)
            {
                if (ms >= onset && ms < onset + FaultMs)
                {
                    return true;
                }
            }

            return false;
        }

        private static long At(int day, int hour, int minute, int second) =>
            (((day * 24L + hour) * 60 + minute) * 60 + second) * 1000;
    }
}
