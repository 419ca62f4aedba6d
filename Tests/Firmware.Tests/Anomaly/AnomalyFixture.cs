using SensorNode.Core.Anomaly;

namespace SensorNode.Core.Tests.Anomaly
{
    /// <summary>Shared set-up for the anomaly tests: small, explicit parameters and a learned channel.</summary>
    public static class AnomalyFixture
    {
        public const int LearnWindows = 40;
        public const int Mean = 1000;
        public const int NoiseAmplitude = 20;

        /// <summary>Envelope term only (smoothed and CUSUM terms off), so each window's score is exact and memoryless.</summary>
        public static AnomalyParameters EnvelopeOnly()
        {
            AnomalyParameters p = new AnomalyParameters();
            p.LearnWindows = LearnWindows;
            p.FastRefQ8 = 0;
            p.CusumRefQ8 = 0;
            p.RaiseDwellWindows = 3;
            p.ClearDwellWindows = 4;
            return p;
        }

        /// <summary>Feeds LearnWindows running windows of Mean + uniform noise.</summary>
        public static void Learn(AnomalyChannel channel, NoiseSource noise)
        {
            for (int i = 0; i < LearnWindows; i++)
            {
                channel.Update(Mean + noise.Next(NoiseAmplitude), true);
            }
        }

        /// <summary>Feeds LearnWindows running windows of exactly <paramref name="value"/>.</summary>
        public static void LearnFlat(AnomalyChannel channel, int value)
        {
            for (int i = 0; i < LearnWindows; i++)
            {
                channel.Update(value, true);
            }
        }

        /// <summary>Feeds <paramref name="windows"/> windows of Mean + offset + noise; returns how many changed the level.</summary>
        public static int Run(AnomalyChannel channel, NoiseSource noise, int offset, int windows)
        {
            int changes = 0;
            for (int i = 0; i < windows; i++)
            {
                channel.Update(Mean + offset + noise.Next(NoiseAmplitude), true);
                if (channel.LevelChanged)
                {
                    changes++;
                }
            }

            return changes;
        }
    }
}
