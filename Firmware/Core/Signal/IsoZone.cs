namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Evaluation zone of ISO 10816-3 / 20816-3 for broad-band velocity RMS (10-1000 Hz), from best to worst.
    /// A: newly commissioned machines. B: acceptable for unrestricted long-term operation.
    /// C: unsatisfactory for long-term continuous operation. D: severe enough to cause damage.
    /// </summary>
    public enum IsoZone
    {
        /// <summary>Below the A/B boundary.</summary>
        A,

        /// <summary>From the A/B boundary up to the B/C boundary.</summary>
        B,

        /// <summary>From the B/C boundary up to the C/D boundary.</summary>
        C,

        /// <summary>At or above the C/D boundary.</summary>
        D,
    }
}
