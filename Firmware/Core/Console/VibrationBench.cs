using SensorNode.Core.FixedMath;
using SensorNode.Core.Signal;
using SensorNode.Hardware;

namespace SensorNode.Core.Console
{
    /// <summary>
    /// The console's <c>bench</c>: one second of synthetic accelerometer data at the node's own rate and axis count,
    /// fed through a fresh <see cref="VibrationFeatureExtractor"/> in FIFO-sized batches and finished as one window,
    /// timed with the node's clock. A technician reads the samples per second the board can process.
    /// </summary>
    /// <remarks>
    /// The data is a triangle wave per axis (±200 counts, 64-frame period, axes a quarter period apart, z on 1 g) plus
    /// pseudo-random noise of ±16 counts: integer-only, no Math. Each run allocates its extractor and a 320-frame buffer
    /// (about 2 KB for 3 axes), garbage once it returns; the node's own pipeline is not touched.
    /// </remarks>
    public static class VibrationBench
    {
        /// <summary>Frames per batch, as the ADXL345 FIFO delivers them.</summary>
        public const int BatchFrames = 32;

        private const int PatternFrames = 320;
        private const int PeriodFrames = 64;
        private const int AmplitudeCounts = 200;
        private const int GravityCounts = 256;

        /// <summary>
        /// Runs the pipeline on <paramref name="sampleRateHz"/> frames of <paramref name="axisCount"/> axes.
        /// <paramref name="samples"/> is frames × axes; <paramref name="elapsedUs"/> the clock's microseconds for the
        /// batches and the window's finish (0 when the clock did not move, as with a paused virtual clock).
        /// </summary>
        public static void Run(IClock clock, int sampleRateHz, int axisCount, LinearScale milliGPerCount, out int samples,
            out long elapsedUs)
        {
            VibrationParameters parameters = new VibrationParameters();
            parameters.SampleRateHz = sampleRateHz;
            parameters.AxisCount = axisCount;
            parameters.MilliGPerCount = milliGPerCount;
            VibrationFeatureExtractor extractor = new VibrationFeatureExtractor(parameters);
            short[] pattern = new short[PatternFrames * axisCount];
            Fill(pattern, axisCount);

            int frames = sampleRateHz;
            long startUs = clock.MonotonicUs;
            int offsetFrames = 0;
            for (int done = 0; done < frames; done += BatchFrames)
            {
                int batch = frames - done < BatchFrames ? frames - done : BatchFrames;
                extractor.AddSamples(pattern, offsetFrames * axisCount, batch);
                offsetFrames += BatchFrames;
                if (offsetFrames + BatchFrames > PatternFrames)
                {
                    offsetFrames = 0;
                }
            }

            extractor.FinishWindow();
            elapsedUs = clock.MonotonicUs - startUs;
            samples = frames * axisCount;
        }

        private static void Fill(short[] pattern, int axisCount)
        {
            uint seed = 12345;
            for (int frame = 0; frame < PatternFrames; frame++)
            {
                for (int axis = 0; axis < axisCount; axis++)
                {
                    seed = seed * 1103515245 + 12345;
                    int noise = (int)((seed >> 16) & 31) - 16;
                    int phase = (frame + axis * PeriodFrames / 4) % PeriodFrames;
                    int triangle = phase < PeriodFrames / 2
                        ? -AmplitudeCounts + phase * 4 * AmplitudeCounts / PeriodFrames
                        : 3 * AmplitudeCounts - phase * 4 * AmplitudeCounts / PeriodFrames;
                    int gravity = axis == 2 ? GravityCounts : 0;
                    pattern[frame * axisCount + axis] = (short)(triangle + noise + gravity);
                }
            }
        }
    }
}
