namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>Where a bearing defect sits; it sets the impulse rate and its modulation.</summary>
    public enum BearingDefect
    {
        /// <summary>A spall on the stationary outer race: impulses at BPFO, steady amplitude (it sits in the load zone).</summary>
        OuterRace = 0,

        /// <summary>A spall on the rotating inner race: impulses at BPFI, amplitude modulated once per shaft turn (1× sidebands).</summary>
        InnerRace = 1,

        /// <summary>A damaged ball: it strikes both races, so impulses at 2×BSF, modulated at the cage frequency FTF.</summary>
        Ball = 2,
    }
}
