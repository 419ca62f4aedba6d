using SensorNode.Core.Power;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>What one simulated week recorded, and the energy model's verdict on it.</summary>
    internal sealed class EnergyResult
    {
        public EnergyResult(EnergyPolicy policy, PowerLedger ledger, long temperatureReads, long messages, long bytes,
            long connects, long flashMutations, long radioChoiceWrites, long worstLatencyMs, int alarmsMissed,
            WakeStatistics wakes)
        {
            RadioChoiceWrites = radioChoiceWrites;
            Wakes = wakes;
            Policy = policy;
            Ledger = ledger;
            TemperatureReads = temperatureReads;
            Messages = messages;
            Bytes = bytes;
            Connects = connects;
            FlashMutations = flashMutations;
            WorstLatencyMs = worstLatencyMs;
            AlarmsMissed = alarmsMissed;

            long totalMs = ledger.TotalMs;
            long lightRadioOff = ledger.LightSleepMs - ledger.LightSleepRadioOnMs;
            CpuMaMs = ledger.AwakeMs * EnergyCurrents.CpuAwakeMa
                + ledger.Boots * EnergyCurrents.BootMs * (EnergyCurrents.CpuAwakeMa - EnergyCurrents.DeepSleepMa);
            // A boot with the radio joins while it boots: the radio's current on top of the CPU's for the boot time.
            RadioMaMs = ledger.RadioBoots * EnergyCurrents.BootMs * (EnergyCurrents.RadioListenTotalMa - EnergyCurrents.CpuAwakeMa)
                + ledger.RadioListenMs * (EnergyCurrents.RadioListenTotalMa - EnergyCurrents.CpuAwakeMa)
                + ledger.RadioPowerSaveMs * EnergyCurrents.RadioPowerSaveExtraMa
                + TransmitMs * (EnergyCurrents.RadioTransmitTotalMa - EnergyCurrents.RadioListenTotalMa);
            SleepMaMs = lightRadioOff * EnergyCurrents.LightSleepMa
                + ledger.LightSleepRadioOnMs * EnergyCurrents.RadioPowerSaveIdleTotalMa
                + ledger.DeepSleepMs * EnergyCurrents.DeepSleepMa;
            double sensorsOff = totalMs - ledger.SensorsOnMs;
            SensorMaMs = ledger.SensorsOnMs * (EnergyCurrents.Adxl345MeasureMa + EnergyCurrents.Max31865SupplyMa
                    + EnergyCurrents.ClampBiasMa + EnergyCurrents.RailEnablePullDownMa)
                + sensorsOff * EnergyCurrents.Adxl345StandbyMa
                + temperatureReads * EnergyCurrents.Max31865BiasMsPerReading * EnergyCurrents.Max31865BiasMa;
            UnswitchedExtraMaMs = sensorsOff * (EnergyCurrents.Max31865SupplyMa + EnergyCurrents.ClampBiasMa);
        }

        public EnergyPolicy Policy { get; }

        /// <summary>Deep-sleep wakes (sleep mode only): how many and how long awake, with and without a report.</summary>
        public WakeStatistics Wakes { get; }

        public PowerLedger Ledger { get; }

        public long TemperatureReads { get; }

        public long Messages { get; }

        public long Bytes { get; }

        public long Connects { get; }

        public long FlashMutations { get; }

        /// <summary>Changes of the next boot's radio: writes of the ESP32's Wi-Fi configuration block.</summary>
        public long RadioChoiceWrites { get; }

        /// <summary>Longest time from an injected overheat to its alarm reaching the broker, ms; -1 if one never did.</summary>
        public long WorstLatencyMs { get; }

        public int AlarmsMissed { get; }

        /// <summary>Modelled transmit time, ms.</summary>
        public double TransmitMs =>
            (Bytes + Messages * (double)EnergyCurrents.FramingBytesPerMessage) * 8 / EnergyCurrents.PhyBitsPerSecond * 1000;

        public double CpuMaMs { get; }

        public double RadioMaMs { get; }

        public double SleepMaMs { get; }

        public double SensorMaMs { get; }

        /// <summary>What a sensor rail that is never switched off would add, mA·ms.</summary>
        public double UnswitchedExtraMaMs { get; }

        /// <summary>
        /// The average current with other figures for the two largest uncertainties: CPU current while awake and boot
        /// time (the recorded times stay as they are).
        /// </summary>
        public double AverageMaWith(double cpuAwakeMa, double bootMs)
        {
            double cpu = Ledger.AwakeMs * cpuAwakeMa + Ledger.Boots * bootMs * (cpuAwakeMa - EnergyCurrents.DeepSleepMa);
            double radio = RadioMaMs - (Ledger.RadioListenMs + Ledger.RadioBoots * EnergyCurrents.BootMs) * (cpuAwakeMa - EnergyCurrents.CpuAwakeMa)
                + Ledger.RadioBoots * (bootMs - EnergyCurrents.BootMs) * (EnergyCurrents.RadioListenTotalMa - cpuAwakeMa);
            return (cpu + radio + SleepMaMs + SensorMaMs) / Ledger.TotalMs;
        }

        public double AverageMa => (CpuMaMs + RadioMaMs + SleepMaMs + SensorMaMs) / Ledger.TotalMs;

        public double AverageUnswitchedMa => AverageMa + UnswitchedExtraMaMs / Ledger.TotalMs;

        public static double Days(double averageMa) => EnergyCurrents.BatteryMah / averageMa / 24;

        public double PerDay(double countPerWeek) => countPerWeek * 86400000.0 / Ledger.TotalMs;
    }
}
