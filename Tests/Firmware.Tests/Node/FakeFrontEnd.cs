using System;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Node;

namespace SensorNode.Core.Tests.Node
{
    /// <summary>
    /// A scriptable <see cref="ISensorFrontEnd"/> for one test: the accelerometer produces exactly the frames the clock's
    /// time calls for (a triangle wave of <see cref="VibrationAmplitudeCounts"/> on x and y plus a little deterministic
    /// noise, z on 1 g), temperature and current return what the test set, each sensor can be given a status or made to
    /// throw.
    /// </summary>
    public sealed class FakeFrontEnd : ISensorFrontEnd
    {
        private readonly TestClock clock;
        private readonly int rateHz;
        private readonly LinearScale scale = new LinearScale(1000, 256);
        private long producedFrames;
        private long startUs;
        private uint seed = 1;
        private int phase;

        /// <summary>Creates a 3-axis front end at <paramref name="rateHz"/> on <paramref name="clock"/>.</summary>
        public FakeFrontEnd(TestClock clock, int rateHz)
        {
            this.clock = clock;
            this.rateHz = rateHz;
            startUs = clock.MonotonicMs * 1000;
        }

        /// <summary>Peak of the vibration triangle wave on x and y, counts (256 counts = 1 g).</summary>
        public int VibrationAmplitudeCounts { get; set; } = 40;

        /// <summary>Status of every vibration read; with a status that carries no data nothing is produced.</summary>
        public SensorReadStatus VibrationStatus { get; set; } = SensorReadStatus.Ok;

        /// <summary>When true every vibration read throws.</summary>
        public bool ThrowOnVibration { get; set; }

        /// <summary>When true the accelerometer repeats one sample on every axis (a stuck part that still answers).</summary>
        public bool VibrationFrozen { get; set; }

        /// <summary>Temperature returned, centi-°C.</summary>
        public int TempCentiC { get; set; } = 4000;

        /// <summary>Status of every temperature read.</summary>
        public SensorReadStatus TemperatureStatus { get; set; } = SensorReadStatus.Ok;

        /// <summary>When true every temperature read throws.</summary>
        public bool ThrowOnTemperature { get; set; }

        /// <summary>Current returned, mA.</summary>
        public int CurrentMa { get; set; } = 5000;

        /// <summary>Status of every current read.</summary>
        public SensorReadStatus CurrentStatus { get; set; } = SensorReadStatus.Ok;

        /// <summary>Vibration reads so far.</summary>
        public int VibrationReads { get; private set; }

        /// <summary>Temperature reads so far.</summary>
        public int TemperatureReads { get; private set; }

        /// <inheritdoc/>
        public int VibrationAxisCount => 3;

        /// <inheritdoc/>
        public int VibrationSampleRateHz => rateHz;

        /// <inheritdoc/>
        public LinearScale VibrationMilliGPerCount => scale;

        /// <inheritdoc/>
        public SensorReadStatus ReadVibration(short[] counts, int offset, int maxFrames, out int frames)
        {
            VibrationReads++;
            frames = 0;
            if (ThrowOnVibration)
            {
                throw new InvalidOperationException("vibration front end failed");
            }

            long dueFrames = (clock.MonotonicMs * 1000 - startUs) * rateHz / 1000000;
            if (VibrationStatus != SensorReadStatus.Ok && VibrationStatus != SensorReadStatus.Overrun
                && VibrationStatus != SensorReadStatus.OutOfRange)
            {
                producedFrames = dueFrames;
                return VibrationStatus;
            }

            long pending = dueFrames - producedFrames;
            frames = pending < maxFrames ? (int)pending : maxFrames;
            for (int frame = 0; frame < frames; frame++)
            {
                phase = phase == 63 ? 0 : phase + 1;
                int triangle = phase < 32 ? phase * 2 - 32 : 96 - phase * 2;
                int signal = triangle * VibrationAmplitudeCounts / 32;
                if (VibrationFrozen)
                {
                    counts[offset + frame * 3] = 7;
                    counts[offset + frame * 3 + 1] = -7;
                    counts[offset + frame * 3 + 2] = 256;
                    continue;
                }

                counts[offset + frame * 3] = (short)(signal + Noise());
                counts[offset + frame * 3 + 1] = (short)(-signal + Noise());
                counts[offset + frame * 3 + 2] = (short)(256 + Noise());
            }

            producedFrames += frames;
            return VibrationStatus;
        }

        /// <inheritdoc/>
        public SensorReadStatus ReadTemperature(out int tempCentiC)
        {
            TemperatureReads++;
            if (ThrowOnTemperature)
            {
                throw new InvalidOperationException("temperature front end failed");
            }

            tempCentiC = TempCentiC;
            return TemperatureStatus;
        }

        /// <inheritdoc/>
        public SensorReadStatus ReadCurrent(out int currentRmsMa)
        {
            currentRmsMa = CurrentMa;
            return CurrentStatus;
        }

        private int Noise()
        {
            seed = seed * 1103515245 + 12345;
            return (int)((seed >> 16) & 7) - 4;
        }
    }
}
