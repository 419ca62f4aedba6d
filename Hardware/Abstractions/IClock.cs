namespace SensorNode.Hardware
{
    /// <summary>The only source of time for the firmware; tests and the virtual node drive it.</summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item><see cref="MonotonicMs"/> and <see cref="MonotonicUs"/> never go backwards and share one origin
    /// (boot); they do not jump when wall time is set.</item>
    /// <item>Wall time is unknown after boot until the network sets it (SNTP on the device).
    /// <see cref="TryGetUnixTimeMs"/> returns false until then and never throws.</item>
    /// <item>Reading the clock allocates nothing.</item>
    /// </list>
    /// </remarks>
    public interface IClock
    {
        /// <summary>Milliseconds since boot.</summary>
        long MonotonicMs { get; }

        /// <summary>Microseconds since boot.</summary>
        long MonotonicUs { get; }

        /// <summary>Milliseconds since 1970-01-01 UTC, when known.</summary>
        bool TryGetUnixTimeMs(out long unixTimeMs);
    }
}
