using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using SensorNode.Core.Node;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// The energy model: a simulated week (<see cref="WeekSchedule"/>: two shifts a day, weekends off, six injected
    /// overheats) per power policy through the real firmware (<see cref="EnergyRun"/>), the firmware's recorded time in
    /// each state multiplied by the datasheet currents of <see cref="EnergyCurrents"/>. Prints per policy the average
    /// current, the days on a 3.6 Ah cell (also with a sensor rail that is never switched off), the worst measured alarm
    /// latency, and what drives them; then checks the target: at least 2 years in sleep mode with 15-minute reports, with
    /// alarm latency within one wake interval. Exit code 0 whatever the verdict: the numbers are the result.
    /// </summary>
    internal sealed class EnergyBenchmark : IBenchmark
    {
        private const double TargetDays = 730;

        private static readonly EnergyPolicy[] Policies =
        {
            new EnergyPolicy("always active", PowerModeRequest.Active),
            new EnergyPolicy("eco (60 s bursts)", PowerModeRequest.Eco, "report.eco_s", "60"),
            new EnergyPolicy("sleep, 5 min wakes", PowerModeRequest.Sleep, "report.sleep_s", "300"),
            new EnergyPolicy("sleep, 15 min wakes", PowerModeRequest.Sleep, "report.sleep_s", "900"),
            new EnergyPolicy("sleep, 60 min wakes", PowerModeRequest.Sleep, "report.sleep_s", "3600"),
            new EnergyPolicy("sleep, 15 min, report every wake", PowerModeRequest.Sleep, "report.sleep_s", "900",
                "power.heartbeat_s", "900"),
            new EnergyPolicy("sleep, 15 min, heartbeat 6 h", PowerModeRequest.Sleep, "report.sleep_s", "900",
                "power.heartbeat_s", "21600"),
            new EnergyPolicy("auto, mains (sleep off)", PowerModeRequest.Auto),
            new EnergyPolicy("auto, battery (sleep 15 min)", PowerModeRequest.Auto, "power.sleep_enabled", "on",
                "report.sleep_s", "900"),
        };

        public string Name => "energy";

        public string Description => "average current and battery days per power policy over a simulated week";

        public int Run(string[] args)
        {
            Console.WriteLine("Energy model: one simulated week per policy through the real core, power manager and MQTT publisher");
            Console.WriteLine("(machine: two shifts Mon-Fri 06:00-22:00 with an idle shift change, weekends off; six injected overheats).");
            Console.WriteLine("Currents: ESP32, ADXL345, MAX31865 datasheets and the assumptions in Tests/Benchmarks/Energy/EnergyCurrents.cs.");
            Console.WriteLine();

            var wall = Stopwatch.StartNew();
            var results = new EnergyResult[Policies.Length];
            Parallel.For(0, Policies.Length, i => results[i] = EnergyRun.Run(Policies[i]));

            Console.WriteLine($"{"policy",-34} {"avg mA",8} {"days",7} {"days*",7} {"alarm latency",14} {"awake",7} {"joins/d",8} {"msgs/d",8} {"writes/d",9} {"wifi/d",7}");
            Console.WriteLine(new string('-', 34 + 8 + 7 + 7 + 14 + 7 + 8 + 8 + 9 + 7 + 9));
            foreach (EnergyResult r in results)
            {
                double awakePct = 100.0 * r.Ledger.AwakeMs / r.Ledger.TotalMs;
                Console.WriteLine($"{r.Policy.Name,-34} {F(r.AverageMa, 3),8} {F(EnergyResult.Days(r.AverageMa), 0),7} "
                    + $"{F(EnergyResult.Days(r.AverageUnswitchedMa), 0),7} {Latency(r),14} {F(awakePct, 2) + "%",7} "
                    + $"{F(r.PerDay(r.Ledger.NetworkStarts), 1),8} {F(r.PerDay(r.Messages), 0),8} {F(r.PerDay(r.FlashMutations), 1),9} "
                    + $"{F(r.PerDay(r.RadioChoiceWrites), 1),7}");
            }

            Console.WriteLine();
            Console.WriteLine("days: 3.6 Ah / average current, no derating; days*: the same on a board without the switched sensor rail");
            Console.WriteLine("(the MAX31865 and the CT bias divider powered all the time, as on the Olimex ESP32-POE-ISO).");
            Console.WriteLine("alarm latency: worst of the six overheats, onset to the alarm event at the broker (measured, simulated time).");
            Console.WriteLine("joins: Wi-Fi joins; writes: flash writes, renames and deletes (state, config, seq and pending-event files);");
            Console.WriteLine("wifi: writes of the ESP32's Wi-Fi configuration block, which decides the next boot's radio (see Hardware/Esp32/README.md).");
            Console.WriteLine();

            EnergyResult sleep15 = results[3];
            Console.WriteLine($"Where the charge goes, '{sleep15.Policy.Name}' (average µA):");
            double total = sleep15.Ledger.TotalMs;
            Console.WriteLine($"  CPU awake and boots   {F(sleep15.CpuMaMs / total * 1000, 1),8}   ({sleep15.Ledger.Boots} boots of {EnergyCurrents.BootMs} ms, {F(sleep15.Ledger.AwakeMs / 1000.0, 0)} s awake in the week)");
            Console.WriteLine($"                                   ({sleep15.Ledger.RadioBoots} of the boots with the radio joining, charged under radio)");
            Console.WriteLine($"  radio                 {F(sleep15.RadioMaMs / total * 1000, 1),8}   ({sleep15.Ledger.NetworkStarts} joins, {F(sleep15.TransmitMs / 1000, 1)} s on the air)");
            Console.WriteLine($"  light and deep sleep  {F(sleep15.SleepMaMs / total * 1000, 1),8}");
            Console.WriteLine($"  sensors               {F(sleep15.SensorMaMs / total * 1000, 1),8}   ({sleep15.TemperatureReads} RTD conversions)");
            WakeStatistics w = sleep15.Wakes;
            Console.WriteLine($"  wakes: {w.Quiet} quiet, {F(w.QuietAwakeMs / 1000.0 / Math.Max(1, w.Quiet), 2)} s awake each; {w.Reporting} reporting, "
                + $"{F(w.ReportingAwakeMs / 1000.0 / Math.Max(1, w.Reporting), 2)} s each; longest {F(w.LongestAwakeMs / 1000.0, 1)} s (plus the boot)");
            Console.WriteLine($"  INA219, if fitted: +{F(EnergyCurrents.Ina219PowerDownMa * 1000, 0)} µA in power-down, +{F(EnergyCurrents.Ina219ActiveMa * 1000, 0)} µA converting continuously (not in the totals)");
            Console.WriteLine();

            Console.WriteLine("Sensitivity of that row to the two largest assumptions (days on 3.6 Ah):");
            Console.WriteLine($"  CPU 30 mA (datasheet low end): {F(EnergyResult.Days(sleep15.AverageMaWith(30, EnergyCurrents.BootMs)), 0)}; "
                + $"CPU 68 mA (high end): {F(EnergyResult.Days(sleep15.AverageMaWith(68, EnergyCurrents.BootMs)), 0)}; "
                + $"boot 0.5 s: {F(EnergyResult.Days(sleep15.AverageMaWith(EnergyCurrents.CpuAwakeMa, 500)), 0)}; "
                + $"boot 2 s: {F(EnergyResult.Days(sleep15.AverageMaWith(EnergyCurrents.CpuAwakeMa, 2000)), 0)}; "
                + $"CPU 30 mA and boot 0.5 s: {F(EnergyResult.Days(sleep15.AverageMaWith(30, 500)), 0)}");
            Console.WriteLine();

            double days = EnergyResult.Days(sleep15.AverageMa);
            bool latencyOk = sleep15.AlarmsMissed == 0 && sleep15.WorstLatencyMs <= 900000;
            Console.WriteLine($"Target (>= {TargetDays} days on 3.6 Ah in sleep mode with 15-minute reports, alarm latency <= one wake interval):");
            Console.WriteLine($"  {F(days, 0)} days ({(days >= TargetDays ? "met" : "NOT met")}), worst alarm latency {Latency(sleep15)} ({(latencyOk ? "met" : "NOT met")}).");
            Console.WriteLine($"({wall.Elapsed.TotalSeconds:0.0} s)");
            return 0;
        }

        private static string Latency(EnergyResult r)
        {
            if (r.AlarmsMissed > 0)
            {
                return r.AlarmsMissed + " missed";
            }

            double s = r.WorstLatencyMs / 1000.0;
            return s < 120 ? F(s, 1) + " s" : F(s / 60, 1) + " min";
        }

        private static string F(double value, int decimals) =>
            value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
