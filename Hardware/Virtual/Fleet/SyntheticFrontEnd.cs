using SensorNode.Core.FixedMath;
using SensorNode.Core.Node;

namespace SensorNode.Hardware.Virtual.Fleet
{
    /// <summary>
    /// A cheap <see cref="ISensorFrontEnd"/> for the fleet: a 3-axis triangle-wave vibration at <see cref="RateHz"/>
    /// produced as the clock calls for it, a bearing temperature and a motor current with a slow per-node drift. No chip
    /// models: a thousand of these cost little next to the real core and publisher they feed.
    /// </summary>
    public sealed class SyntheticFrontEnd : ISensorFrontEnd
    {
        /// <summary>Vibration frames per second.</summary>
        public const int RateHz = 400;

        // Frames beyond this are skipped as an overrun (a loop thread that fell far behind).
        private const int MaxBacklogFrames = 256;

        private readonly IClock _clock;
        private readonly LinearScale _scale = new LinearScale(1000, 256);
        private readonly long _startMs;
        private readonly int _amplitude;
        private readonly int _baseTempCentiC;
        private readonly int _baseCurrentMa;
        private long _producedFrames;
        private int _phase;
        private uint _noise;

        /// <summary>A front end whose levels vary with <paramref name="seed"/>.</summary>
        public SyntheticFrontEnd(IClock clock, int seed)
        {
            _clock = clock;
            _startMs = clock.MonotonicMs;
            _noise = (uint)seed * 2654435761u + 1;
            _amplitude = 30 + seed % 20;
            _baseTempCentiC = 3500 + seed % 1000;
            _baseCurrentMa = 4000 + seed % 3000;
        }

        public int VibrationAxisCount => 3;

        public int VibrationSampleRateHz => RateHz;

        public LinearScale VibrationMilliGPerCount => _scale;

        public SensorReadStatus ReadVibration(short[] counts, int offset, int maxFrames, out int frames)
        {
            long due = (_clock.MonotonicMs - _startMs) * RateHz / 1000;
            long pending = due - _producedFrames;
            SensorReadStatus status = SensorReadStatus.Ok;
            if (pending > MaxBacklogFrames)
            {
                _producedFrames = due - maxFrames;
                pending = maxFrames;
                status = SensorReadStatus.Overrun;
            }

            frames = pending < maxFrames ? (int)pending : maxFrames;
            for (int frame = 0; frame < frames; frame++)
            {
                _phase = _phase == 63 ? 0 : _phase + 1;
                int triangle = _phase < 32 ? _phase * 2 - 32 : 96 - _phase * 2;
                int signal = triangle * _amplitude / 32;
                int at = offset + frame * 3;
                counts[at] = (short)(signal + Noise());
                counts[at + 1] = (short)(-signal + Noise());
                counts[at + 2] = (short)(256 + Noise());
            }

            _producedFrames += frames;
            return status;
        }

        public SensorReadStatus ReadTemperature(out int tempCentiC)
        {
            // ±1 °C over about 10 minutes.
            long minute = (_clock.MonotonicMs - _startMs) / 60000;
            tempCentiC = _baseTempCentiC + (int)(minute % 10 < 5 ? minute % 10 : 10 - minute % 10) * 20;
            return SensorReadStatus.Ok;
        }

        public SensorReadStatus ReadCurrent(out int currentRmsMa)
        {
            currentRmsMa = _baseCurrentMa + Noise() * 10;
            return SensorReadStatus.Ok;
        }

        private int Noise()
        {
            _noise = _noise * 1103515245 + 12345;
            return (int)((_noise >> 16) & 7) - 4;
        }
    }
}
