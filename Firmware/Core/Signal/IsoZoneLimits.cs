using System;

namespace SensorNode.Core.Signal
{
    /// <summary>
    /// ISO 10816-3 / 20816-3 zone boundaries for velocity RMS (10-1000 Hz), in µm/s integers:
    /// group 1 rigid 2300/4500/7100, group 1 flexible 3500/7100/11000, group 2 rigid 1400/2800/4500,
    /// group 2 flexible 2300/4500/7100 (A/B, B/C, C/D). A value equal to a boundary belongs to the worse
    /// zone, so a reading that reaches a limit is never reported as better than it. No allocation.
    /// </summary>
    public static class IsoZoneLimits
    {
        /// <summary>
        /// The zone of <paramref name="velocityRmsUmS"/>: A below the A/B boundary, B from it up to the B/C
        /// boundary, C from that up to the C/D boundary, D at or above the C/D boundary. Negative values are A.
        /// Throws <see cref="ArgumentOutOfRangeException"/> for an undefined group or foundation.
        /// </summary>
        public static IsoZone Classify(int velocityRmsUmS, IsoMachineGroup group, IsoFoundation foundation)
        {
            if (velocityRmsUmS >= BoundaryUmS(group, foundation, IsoZone.C))
            {
                return IsoZone.D;
            }

            if (velocityRmsUmS >= BoundaryUmS(group, foundation, IsoZone.B))
            {
                return IsoZone.C;
            }

            return velocityRmsUmS >= BoundaryUmS(group, foundation, IsoZone.A) ? IsoZone.B : IsoZone.A;
        }

        /// <summary>
        /// The upper boundary of <paramref name="zone"/> in µm/s: A gives the A/B boundary, B the B/C, C the C/D;
        /// D has none and gives <see cref="int.MaxValue"/>. The anomaly filter's absolute limits use these.
        /// Throws <see cref="ArgumentOutOfRangeException"/> for an undefined group, foundation or zone.
        /// </summary>
        public static int BoundaryUmS(IsoMachineGroup group, IsoFoundation foundation, IsoZone zone)
        {
            int row;
            if (group == IsoMachineGroup.Group1)
            {
                row = foundation == IsoFoundation.Rigid ? 0 : foundation == IsoFoundation.Flexible ? 1 : -1;
            }
            else if (group == IsoMachineGroup.Group2)
            {
                row = foundation == IsoFoundation.Rigid ? 2 : foundation == IsoFoundation.Flexible ? 3 : -1;
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(group));
            }

            if (row < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(foundation));
            }

            switch (zone)
            {
                case IsoZone.A:
                    return row == 0 ? 2300 : row == 1 ? 3500 : row == 2 ? 1400 : 2300;
                case IsoZone.B:
                    return row == 0 ? 4500 : row == 1 ? 7100 : row == 2 ? 2800 : 4500;
                case IsoZone.C:
                    return row == 0 ? 7100 : row == 1 ? 11000 : row == 2 ? 4500 : 7100;
                case IsoZone.D:
                    return int.MaxValue;
                default:
                    throw new ArgumentOutOfRangeException(nameof(zone));
            }
        }
    }
}
