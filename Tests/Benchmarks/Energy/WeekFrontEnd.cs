using SensorNode.Core.FixedMath;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// Cheap synthetic sensors that follow <see cref="WeekSchedule"/> on the world's clock, so a week runs in seconds
    /// through the real core: running, about 0.1 g of vibration and 5 A; idle, about 10 mg and 0.5 A; off, nothing; the
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
            int amplitude = mode == MachineMode.Running ? 40 + (int)(nowMs / 1000 % 7) : mode == MachineMode.Idle ? 4 : 0;
            for (int frame = 0; frame < frames; frame++)
            {
                phase = phase == 63 ? 0 : phase + 1;
                int triangle = phase < 32 ? phase * 2 - 32 : 96 - phase * 2;
                int signal = triangle * amplitude / 32;
                int noise = mode == MachineMode.Off ? 0 : Noise();
                counts[offset + frame * 3] = (short)(signal + noise);
                counts[offset + frame * 3 + 1] = (short)(-signal + noise);
                counts[offset + frame * 3 + 2] = (short)(256 + noise);
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

        private int Noise()
        {
            seed = seed * 1103515245 + 12345;
            return (int)((seed >> 16) & 7) - 4;
        }
    }
}
