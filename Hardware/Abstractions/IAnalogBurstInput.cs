namespace SensorNode.Hardware
{
    /// <summary>One ADC channel sampled in bursts at a fixed rate, e.g. a CT clamp behind a bias divider.</summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item><see cref="ReadBurst"/> blocks until <c>count</c> samples, spaced 1/<c>sampleRateHz</c> apart, are in the
    /// caller's buffer as raw counts in [0, <see cref="MaxCount"/>]. It allocates nothing.</item>
    /// <item>A converter fault is returned as a status, never thrown; the buffer is then unspecified.</item>
    /// <item>Rates above <see cref="MaxSampleRateHz"/> are a programming error.</item>
    /// </list>
    /// </remarks>
    public interface IAnalogBurstInput
    {
        /// <summary>Largest raw count the converter returns (4095 for the ESP32's 12-bit ADC).</summary>
        int MaxCount { get; }

        /// <summary>Input voltage, in millivolts, that reads as <see cref="MaxCount"/>.</summary>
        int FullScaleMillivolts { get; }

        /// <summary>Highest burst rate the implementation can keep, in Hz.</summary>
        int MaxSampleRateHz { get; }

        /// <summary>Fills <paramref name="counts"/>[offset..offset+count) with a burst at <paramref name="sampleRateHz"/>.</summary>
        BusStatus ReadBurst(short[] counts, int offset, int count, int sampleRateHz);
    }
}
