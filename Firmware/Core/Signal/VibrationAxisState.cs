namespace SensorNode.Core.Signal
{
    /// <summary>
    /// Everything <see cref="VibrationFeatureExtractor"/> keeps for one axis between batches: the velocity filter
    /// chain's state, carried across windows, and the current window's sums. Plain fields, copied into locals once
    /// per batch by the extractor's per-sample loop and written back after it.
    /// </summary>
    internal sealed class VibrationAxisState
    {
        // Filter chain (see VelocityBandFilter). Inputs in counts, stage outputs in counts * 2^12, the integrator
        // in counts * 2^8 * samples; each residue is the fraction an arithmetic shift dropped, fed back next sample
        // (first-order error feedback) so that no stage has a dead band or a DC offset from rounding.
        public bool Started;
        public int Input1;
        public int Input2;
        public long HighPass1;
        public long HighPass2;
        public long LowPass1;
        public long LowPass2;
        public long Band1;
        public long Velocity;
        public long HighPassResidue;
        public long LowPassResidue;
        public long FirstOrderResidue;
        public long IntegratorResidue;

        // Window sums of d = x - Reference (the previous window's rounded mean), and of the squared velocity.
        public int Reference;
        public int Min;
        public int Max;
        public long Sum;
        public long SumOfSquares;
        public long SumOfCubes;
        public ulong SumOfFourthHigh;
        public ulong SumOfFourthLow;
        public ulong VelocitySquaresHigh;
        public ulong VelocitySquaresLow;

        /// <summary>Clears the window sums; the reference and the filter state stay.</summary>
        public void ClearWindow()
        {
            Min = int.MaxValue;
            Max = int.MinValue;
            Sum = 0;
            SumOfSquares = 0;
            SumOfCubes = 0;
            SumOfFourthHigh = 0;
            SumOfFourthLow = 0;
            VelocitySquaresHigh = 0;
            VelocitySquaresLow = 0;
        }

        /// <summary>Forgets the filter state; the next sample restarts the chain as if its value had always been there.</summary>
        public void Restart()
        {
            Started = false;
            Input1 = 0;
            Input2 = 0;
            HighPass1 = 0;
            HighPass2 = 0;
            LowPass1 = 0;
            LowPass2 = 0;
            Band1 = 0;
            Velocity = 0;
            HighPassResidue = 0;
            LowPassResidue = 0;
            FirstOrderResidue = 0;
            IntegratorResidue = 0;
            ClearWindow();
        }
    }
}
