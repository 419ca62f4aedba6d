namespace SensorNode.Core.FixedMath
{
    /// <summary>
    /// Clamps a wide intermediate to a narrower integer range. Values inside the range pass
    /// unchanged; values outside it become the nearest bound (never wrap).
    /// </summary>
    public static class Saturate
    {
        /// <summary>
        /// Clamps <paramref name="value"/> to [<see cref="int.MinValue"/>, <see cref="int.MaxValue"/>].
        /// Exact inside the range; saturates outside it.
        /// </summary>
        public static int ToInt32(long value)
        {
            if (value > int.MaxValue)
            {
                return int.MaxValue;
            }

            if (value < int.MinValue)
            {
                return int.MinValue;
            }

            return (int)value;
        }

        /// <summary>
        /// Clamps <paramref name="value"/> to [-32768, 32767], the Int16 and Q1.15 range.
        /// Returned as int so Q1.15 code stays in int arithmetic without casts.
        /// Exact inside the range; saturates outside it.
        /// </summary>
        public static int ToInt16(long value)
        {
            if (value > short.MaxValue)
            {
                return short.MaxValue;
            }

            if (value < short.MinValue)
            {
                return short.MinValue;
            }

            return (int)value;
        }
    }
}
