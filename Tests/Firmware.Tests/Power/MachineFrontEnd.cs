using SensorNode.Core.FixedMath;
using SensorNode.Core.Node;
using SensorNode.Core.Tests.Node;

namespace SensorNode.Core.Tests.Power
{
    /// <summary>
    /// Sensors on a machine that a test switches on and off: running, a triangle vibration of 40 counts (about 0.1 g RMS)
    /// on x and y with a little noise and 5 A; off, no vibration (z on 1 g) and no current. The accelerometer behaves like a FIFO of 32 frames:
    /// frames not read in time are lost and the read says Overrun, as after a sleep.
    /// </summary>
    public sealed class MachineFrontEnd : ISensorFrontEnd
    {
        private const int RateHz = 3200;
        private const int FifoFrames = 32;

        private readonly TestClock clock;
        private readonly LinearScale scale = new LinearScale(1000, 256);
        private long producedFrames;
        private int phase;
        private uint seed = 7;

        /// <summary>Sensors reading <paramref name="clock"/>; the machine is off.</summary>
        public MachineFrontEnd(TestClock clock)
        {
            this.clock = clock;
            producedFrames = clock.MonotonicMs * RateHz / 1000;
        }

        /// <summary>Whether the machine runs.</summary>
        public bool Running { get; set; }

        /// <summary>Temperature returned, centi-°C.</summary>
        public int TempCentiC { get; set; } = 4000;

        /// <inheritdoc/>
        public int VibrationAxisCount => 3;

        /// <inheritdoc/>
        public int VibrationSampleRateHz => RateHz;

        /// <inheritdoc/>
        public LinearScale VibrationMilliGPerCount => scale;

        /// <inheritdoc/>
        public SensorReadStatus ReadVibration(short[] counts, int offset, int maxFrames, out int frames)
        {
            long due = clock.MonotonicMs * RateHz / 1000;
            SensorReadStatus status = SensorReadStatus.Ok;
            if (due - producedFrames > FifoFrames)
            {
                producedFrames = due - FifoFrames;
                status = SensorReadStatus.Overrun;
            }

            long pending = due - producedFrames;
            frames = pending < maxFrames ? (int)pending : maxFrames;
            for (int frame = 0; frame < frames; frame++)
            {
                phase = phase == 63 ? 0 : phase + 1;
                int triangle = phase < 32 ? phase * 2 - 32 : 96 - phase * 2;
                // The amplitude steps by a count each second: a real machine's RMS never repeats for a minute (stuck).
                int amplitude = 40 + (int)(clock.MonotonicMs / 1000 % 7);
                int signal = Running ? triangle * amplitude / 32 : 0;
                counts[offset + frame * 3] = (short)(signal + Noise());
                counts[offset + frame * 3 + 1] = (short)(-signal + Noise());
                counts[offset + frame * 3 + 2] = (short)(256 + Noise());
            }

            producedFrames += frames;
            return status;
        }

        // A few counts of deterministic noise while running, so that no feature repeats exactly (a stuck sensor).
        private int Noise()
        {
            if (!Running)
            {
                return 0;
            }

            seed = seed * 1103515245 + 12345;
            return (int)((seed >> 16) & 7) - 4;
        }

        /// <inheritdoc/>
        public SensorReadStatus ReadTemperature(out int tempCentiC)
        {
            // A little movement so the stuck detector never fires on a steady machine.
            tempCentiC = TempCentiC + (int)(clock.MonotonicMs / 1000 % 3);
            return SensorReadStatus.Ok;
        }

        /// <inheritdoc/>
        public SensorReadStatus ReadCurrent(out int currentRmsMa)
        {
            currentRmsMa = Running ? 5000 : 0;
            return SensorReadStatus.Ok;
        }
    }
}
