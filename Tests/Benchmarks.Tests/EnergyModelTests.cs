using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Benchmarks.Energy;
using SensorNode.Core.Node;
using SensorNode.Core.Power;

namespace SensorNode.Benchmarks.Tests
{
    /// <summary>The energy model's arithmetic against hand-worked figures, and the invariants of a simulated week in sleep mode.</summary>
    [TestClass]
    public sealed class EnergyModelTests
    {
        private const long HourMs = 3600000;

        [TestMethod]
        public void AnHourAsleepWithOneBootCostsTheBootAndTheDeepSleepCurrent()
        {
            var ledger = new PowerLedger();
            ledger.CountBoot(false);
            ledger.AddDeepSleep(HourMs);

            // 1 s of boot at 50 mA over the 10 µA floor, plus an hour at 10 µA and the ADXL345's 0.1 µA standby.
            double expectedMa = (1000 * (50 - 0.010) + HourMs * (0.010 + 0.0001)) / HourMs;
            EnergyResult result = Result(ledger);
            Assert.AreEqual(expectedMa, result.AverageMa, 1e-9);
            Assert.AreEqual(3600 / expectedMa / 24, EnergyResult.Days(result.AverageMa), 1e-6);
        }

        [TestMethod]
        public void ABootWithTheRadioIsChargedAtTheRadiosCurrent()
        {
            var quiet = new PowerLedger();
            quiet.CountBoot(false);
            quiet.AddDeepSleep(HourMs);
            var radio = new PowerLedger();
            radio.CountBoot(true);
            radio.AddDeepSleep(HourMs);

            // The radio listens (100 mA, whole chip) through the 1 s boot instead of the CPU's 50 mA.
            double differenceMa = Result(radio).AverageMa - Result(quiet).AverageMa;
            Assert.AreEqual(1000 * (100 - 50) / (double)HourMs, differenceMa, 1e-9);
        }

        [TestMethod]
        public void AwakeTimeSensorsAndTheSensitivityFiguresAddUp()
        {
            var ledger = new PowerLedger();
            ledger.CountBoot(false);
            ledger.AddAwake(2000, true, false, false);
            ledger.AddDeepSleep(HourMs - 2000);

            // CPU 2 s at 50 mA; sensors 2 s at ADXL345 0.14 + MAX31865 3.5 + CT bias 0.132 + pull-down 0.33 mA, 0.1 µA
            // of ADXL345 standby for the rest; 100 ms of one RTD bias (76 ms at 3.7 mA) for its one reading.
            double sensorsMaMs = 2000 * (0.140 + 3.5 + 3.3 / 25 + 0.33) + (HourMs - 2000) * 0.0001 + 76 * (2.0 / 540 * 1000);
            double expectedMa = (2000 * 50 + 1000 * (50 - 0.010) + (HourMs - 2000) * 0.010 + sensorsMaMs) / HourMs;
            EnergyResult result = Result(ledger, 1);
            Assert.AreEqual(expectedMa, result.AverageMa, 1e-9);

            // The sensitivity lines re-price the same times: at 30 mA and a 0.5 s boot.
            double at30 = (2000 * 30 + 500 * (30 - 0.010) + (HourMs - 2000) * 0.010 + sensorsMaMs) / HourMs;
            Assert.AreEqual(at30, result.AverageMaWith(30, 500), 1e-9);
        }

        [TestMethod]
        public void AWeekInSleepModeJoinsOnlyOnBootsWithTheRadioAndCatchesEveryOverheat()
        {
            EnergyResult week = EnergyRun.Run(new EnergyPolicy("sleep, 15 min wakes", PowerModeRequest.Sleep, "report.sleep_s", "900"));
            PowerLedger ledger = week.Ledger;

            // Every join is a boot that had the radio: no quiet wake starts it, no reporting wake joins late.
            Assert.AreEqual(ledger.RadioBoots, ledger.NetworkStarts);
            Assert.IsTrue(week.Wakes.Quiet > 2 * week.Wakes.Reporting, week.Wakes.Quiet + " quiet, " + week.Wakes.Reporting + " reporting");

            // A quiet wake is a quick window, or a quick and a full one while the machine runs (80 ms harness ticks).
            Assert.IsTrue(week.Wakes.QuietAwakeMs <= week.Wakes.Quiet * (long)(SensorNodeCore.QuickWindowMs + SensorNodeCore.WindowMs + 160));

            // Hourly heartbeats and the week's events: the stored radio choice changes at most twice for each report.
            Assert.IsTrue(week.RadioChoiceWrites <= 2 * week.Wakes.Reporting + 2, week.RadioChoiceWrites + " writes");
            Assert.AreEqual(0, week.AlarmsMissed);
            Assert.IsTrue(week.WorstLatencyMs <= 900000, week.WorstLatencyMs + " ms");
        }

        private static EnergyResult Result(PowerLedger ledger, long temperatureReads = 0)
        {
            return new EnergyResult(new EnergyPolicy("test", PowerModeRequest.Sleep), ledger, temperatureReads, 0, 0, 0, 0, 0, 0, 0,
                new WakeStatistics());
        }
    }
}
