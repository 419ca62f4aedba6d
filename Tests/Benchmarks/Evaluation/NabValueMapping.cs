using System;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// The one rule that turns a NAB file's values into the filter's integers, the same for all 58
    /// files. It uses only the probation rows, as any NAB detector may:
    /// lo and hi are the minimum and maximum of the first min(floor(0.15 n), 750) rows, and
    /// counts = round((value - lo) / (hi - lo) * <see cref="CountsPerProbationRange"/>), saturated to
    /// [-<see cref="SaturationCounts"/>, +<see cref="SaturationCounts"/>]. The probation range thus spans
    /// 0..1000 counts, and values up to 32 probation ranges away stay distinct. A constant probation
    /// period (hi == lo) uses max(|lo|, 1) as the range instead.
    /// </summary>
    public sealed class NabValueMapping
    {
        public const int CountsPerProbationRange = 1000;

        public const int SaturationCounts = 32767;

        public const string RuleText =
            "counts = round((value - lo) / (hi - lo) * 1000), saturated to [-32767, 32767], where lo and hi are the minimum and "
            + "maximum of the file's probation rows (the first min(floor(0.15 n), 750) rows); if hi == lo the range is max(|lo|, 1).";

        private readonly double low;
        private readonly double range;

        private NabValueMapping(double low, double range)
        {
            this.low = low;
            this.range = range;
        }

        public static NabValueMapping FromProbation(double[] values, int probationRows)
        {
            int rows = Math.Max(1, Math.Min(probationRows, values.Length));
            double low = values[0];
            double high = values[0];
            for (int i = 1; i < rows; i++)
            {
                low = Math.Min(low, values[i]);
                high = Math.Max(high, values[i]);
            }

            double range = high > low ? high - low : Math.Max(Math.Abs(low), 1.0);
            return new NabValueMapping(low, range);
        }

        public int ToCounts(double value)
        {
            double counts = Math.Round((value - low) / range * CountsPerProbationRange, MidpointRounding.AwayFromZero);
            if (counts > SaturationCounts)
            {
                return SaturationCounts;
            }

            if (counts < -SaturationCounts)
            {
                return -SaturationCounts;
            }

            return (int)counts;
        }
    }
}
