using System;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// A rolling-element bearing's geometry and its defect frequencies as orders (multiples of shaft speed),
    /// from the textbook kinematic formulas with the outer race stationary and no slip, r = (d/D)·cos(φ):
    /// FTF = (1 − r)/2, BPFO = n/2·(1 − r), BPFI = n/2·(1 + r), BSF = D/(2d)·(1 − r²).
    /// </summary>
    public sealed class BearingGeometry
    {
        public BearingGeometry(int ballCount, double ballDiameterMm, double pitchDiameterMm, double contactAngleDeg)
        {
            if (ballCount < 3)
            {
                throw new ArgumentOutOfRangeException(nameof(ballCount));
            }

            if (!(ballDiameterMm > 0) || !(pitchDiameterMm > ballDiameterMm))
            {
                throw new ArgumentOutOfRangeException(nameof(pitchDiameterMm), "need 0 < ball diameter < pitch diameter");
            }

            if (!(contactAngleDeg >= 0 && contactAngleDeg < 90))
            {
                throw new ArgumentOutOfRangeException(nameof(contactAngleDeg));
            }

            BallCount = ballCount;
            BallDiameterMm = ballDiameterMm;
            PitchDiameterMm = pitchDiameterMm;
            ContactAngleDeg = contactAngleDeg;

            double r = ballDiameterMm / pitchDiameterMm * Math.Cos(contactAngleDeg * Math.PI / 180.0);
            FtfOrder = 0.5 * (1 - r);
            BpfoOrder = 0.5 * ballCount * (1 - r);
            BpfiOrder = 0.5 * ballCount * (1 + r);
            BsfOrder = pitchDiameterMm / (2 * ballDiameterMm) * (1 - r * r);
        }

        /// <summary>
        /// SKF 6205-2RS deep-groove ball bearing (25 mm bore, common on 1.5-4 kW motors): 9 balls of 7.94 mm (5/16 in)
        /// on a 39.04 mm pitch circle, 0° contact. Orders: FTF 0.3983, BSF 2.357, BPFO 3.585, BPFI 5.415 — the
        /// values published with the Case Western Reserve bearing data set, which lists 2×BSF = 4.714.
        /// </summary>
        public static BearingGeometry Skf6205 { get; } = new BearingGeometry(9, 7.94, 39.04, 0);

        public int BallCount { get; }

        public double BallDiameterMm { get; }

        public double PitchDiameterMm { get; }

        public double ContactAngleDeg { get; }

        /// <summary>Fundamental train (cage) frequency per shaft revolution.</summary>
        public double FtfOrder { get; }

        /// <summary>Ball pass frequency, outer race, per shaft revolution.</summary>
        public double BpfoOrder { get; }

        /// <summary>Ball pass frequency, inner race, per shaft revolution.</summary>
        public double BpfiOrder { get; }

        /// <summary>Ball spin frequency per shaft revolution (a ball defect strikes at twice this).</summary>
        public double BsfOrder { get; }

        /// <summary>Impacts per shaft revolution for a defect at <paramref name="defect"/>.</summary>
        public double ImpactOrder(BearingDefect defect)
        {
            switch (defect)
            {
                case BearingDefect.OuterRace: return BpfoOrder;
                case BearingDefect.InnerRace: return BpfiOrder;
                case BearingDefect.Ball: return 2 * BsfOrder;
                default: throw new ArgumentOutOfRangeException(nameof(defect));
            }
        }
    }
}
