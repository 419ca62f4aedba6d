using SensorNode.Core.FixedMath;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// Cheap synthetic sensors that follow <see cref="WeekSchedule"/> on the world's clock, so a week runs in seconds
    /// through the real core: running, a 25 Hz tone of about 45 mg (1.9 mm/s) and 5 A; idle, about 12 mg and 0.5 A; off, no current; always the accelerometer's own noise at 400 Hz (6 mg x/y, 9 mg z RMS); the
    /// bearing at 40 °C running and 25 °C otherwise, 95 °C during an injected overheat. The accelerometer is a FIFO of
    /// 32 frames at <see cref="RateHz"/> (frames not read in time are lost, as after a sleep), and it counts the time it
    /// spends in standby and the temperature reads, for the sensor part of the energy model.
    /// </summary>
    internal sealed class WeekFrontEnd : ISensorFrontEnd, ISensorPower
    {
        /// <summary>
        /// Output data rate of the harness, Hz. The firmware runs at 3200 Hz; 400 Hz keeps a simulated week fast and
        /// changes no recorded time (windows last 1 s at any rate). The model charges the ADXL345 at its 3200 Hz current.
        /// </summary>
        public const int RateHz = 400;

        private const int FifoFrames = 32;

        // The running machine's 1x tone: 25 Hz (a 4-pole motor at 1500 rpm), 16 samples per period at 400 Hz.
        private static readonly int[] SineTable = { 0, 383, 707, 924, 1000, 924, 707, 383, 0, -383, -707, -924, -1000, -924, -707, -383 };

        // The ADXL345's own noise at the harness's 400 Hz, in tenths of an LSB RMS: 1.5 (x, y) and 2.2 (z) LSB (data sheet
        // Rev. G, "Noise Performance"; at the firmware's 3200 Hz it is √8 times that, spread over a wider band).
        private const int XyNoiseLsbX10 = 15;

        private const int ZNoiseLsbX10 = 22;

        // 11 counts of 3.9 mg = 43 mg peak at 25 Hz: about 1.9 mm/s RMS, ISO 10816 zone A/B for a small machine.
        private const int RunningPeakCounts = 11;

        private readonly VirtualClock world;
        private readonly LinearScale scale = new LinearScale(1000, 256);
        private long producedFrames;
        private int phase;
        private uint seed = 11;

        public WeekFrontEnd(VirtualClock world)
        {
            this.world = world;
        }

        /// <summary>Temperature reads so far (one per window: a MAX31865 conversion each).</summary>
        public long TemperatureReads { get; private set; }

        /// <summary>Times the power manager put the sensors in standby.</summary>
        public long Standbys { get; private set; }

        public int VibrationAxisCount => 3;

        public int VibrationSampleRateHz => RateHz;

        public LinearScale VibrationMilliGPerCount => scale;

        public SensorReadStatus ReadVibration(short[] counts, int offset, int maxFrames, out int frames)
        {
            long nowMs = world.MonotonicMs;
            long due = world.MonotonicUs * RateHz / 1000000;
            SensorReadStatus status = SensorReadStatus.Ok;
            if (due - producedFrames > FifoFrames)
            {
                producedFrames = due - FifoFrames;
                status = SensorReadStatus.Overrun;
            }

            long pending = due - producedFrames;
            frames = pending < maxFrames ? (int)pending : maxFrames;
            MachineMode mode = WeekSchedule.ModeAt(nowMs);
            int amplitude = mode == MachineMode.Running ? RunningPeakCounts + (int)(nowMs / 1000 % 3) : mode == MachineMode.Idle ? 3 : 0;
            for (int frame = 0; frame < frames; frame++)
            {
                phase = phase == SineTable.Length - 1 ? 0 : phase + 1;
                int signal = SineTable[phase] * amplitude / 1000;
                counts[offset + frame * 3] = (short)(signal + SensorNoise(XyNoiseLsbX10));
                counts[offset + frame * 3 + 1] = (short)(-signal + SensorNoise(XyNoiseLsbX10));
                counts[offset + frame * 3 + 2] = (short)(256 + SensorNoise(ZNoiseLsbX10));
            }

            producedFrames += frames;
            return status;
        }

        public SensorReadStatus ReadTemperature(out int tempCentiC)
        {
            long nowMs = world.MonotonicMs;
            TemperatureReads++;
            int baseCentiC = WeekSchedule.ModeAt(nowMs) == MachineMode.Running ? 4000 : 2500;
            tempCentiC = WeekSchedule.Overheating(nowMs) ? 9500 : baseCentiC + (int)(nowMs / 1000 % 5) * 3;
            return SensorReadStatus.Ok;
        }

        public SensorReadStatus ReadCurrent(out int currentRmsMa)
        {
            MachineMode mode = WeekSchedule.ModeAt(world.MonotonicMs);
            currentRmsMa = mode == MachineMode.Running ? 5000 + Noise() * 10 : mode == MachineMode.Idle ? 500 : 0;
            return SensorReadStatus.Ok;
        }

        public void SetActive(bool active)
        {
            if (!active)
            {
                Standbys++;
            }
        }

        // Approximately Gaussian (four uniform draws) with an RMS of sigmaX10 / 10 counts.
        private int SensorNoise(int sigmaX10)
        {
            int sum = 0;
            for (int i = 0; i < 4; i++)
            {
                seed = seed * 1103515245 + 12345;
                sum += (int)((seed >> 16) & 1023) - 512;
            }

            // Four draws of -512..511 have an RMS of 591.
            return (sum * sigmaX10 + 591 * 5) / (591 * 10);
        }

        // Supply noise of the current reading: -4..+3, times 10 mA.
        private int Noise()
        {
            seed = seed * 1103515245 + 12345;
            return (int)((seed >> 16) & 3) - 2;
        }
    }
}
