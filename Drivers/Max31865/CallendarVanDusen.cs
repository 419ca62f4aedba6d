using SensorNode.Core.FixedMath;

namespace SensorNode.Drivers.Max31865
{
    /// <summary>
    /// Platinum RTD resistance ratio W = R(T)/R0 and its inverse by the Callendar-Van Dusen equation of IEC 60751,
    /// in 64-bit integers: W in parts per billion (ppb, 1e-9), temperature in milli-°C.
    /// </summary>
    /// <remarks>
    /// R(T) = R0 (1 + A·T + B·T² + C·(T − 100)·T³), the C term only below 0 °C, with A = 3.9083e-3, B = -5.775e-7,
    /// C = -4.183e-12 (IEC 60751). The coefficients are exact decimal integers here (A = 39083e-7, B = -5775e-10,
    /// C = -4183e-15), so the only errors are the roundings noted at each step, all far below 1 m°C.
    /// Valid from -200 °C to 850 °C, the standard's range; the same ratio serves PT100 and PT1000.
    /// </remarks>
    public static class CallendarVanDusen
    {
        /// <summary>W = 1 exactly (R = R0, 0 °C), in ppb.</summary>
        public const long OnePpb = 1000000000;

        /// <summary>Lowest temperature of IEC 60751's range, in milli-°C.</summary>
        public const long MinMilliC = -200000;

        /// <summary>Highest temperature of IEC 60751's range, in milli-°C.</summary>
        public const long MaxMilliC = 850000;

        private const long CoefficientAE7 = 39083;
        private const long CoefficientBE10 = -5775;
        private const long CoefficientCE15 = -4183;

        // Newton steps from the linear first guess: the error shrinks as (B/A)·e² per step, so 9 °C at 250 °C is
        // below 1 m°C after two steps; eight is a bound for the ends of the range, not the usual count.
        private const int MaxNewtonSteps = 8;

        /// <summary>W at -200 °C in ppb (about 0.18520).</summary>
        public static long MinRatioPpb => RatioPpbFromMilliC(MinMilliC);

        /// <summary>W at 850 °C in ppb (about 3.90481).</summary>
        public static long MaxRatioPpb => RatioPpbFromMilliC(MaxMilliC);

        /// <summary>
        /// W(T) in ppb for <paramref name="tempMilliC"/>, each term rounded to nearest ppb (ties away from zero).
        /// Inputs are clamped to [-250 °C, 900 °C] so no intermediate overflows; the standard covers only -200..850 °C.
        /// </summary>
        public static long RatioPpbFromMilliC(long tempMilliC)
        {
            long m = Clamp(tempMilliC);

            // A·T·1e9 = 39083e-7 · (m/1e3) · 1e9 = 39083·m / 10.
            long ratio = OnePpb + IntDiv.RoundSat(CoefficientAE7 * m, 10);

            // B·T²·1e9 = -5775e-10 · (m/1e3)² · 1e9 = -5775·m² / 1e7; |m²| ≤ 8.1e11, product ≤ 4.7e15.
            ratio += IntDiv.RoundSat(CoefficientBE10 * m * m, 10000000);

            if (m < 0)
            {
                // C·(T-100)·T³·1e9 = -4183·(m - 1e5)·m³ / 1e18, taken in steps that stay below 2^63:
                // m³/1e6 (|m³| ≤ 1.6e16), times (m - 1e5), /1e3, then × C / 1e9.
                long cubeScaled = IntDiv.RoundSat(m * m * m, 1000000);
                long quartic = IntDiv.RoundSat((m - 100000) * cubeScaled, 1000);
                ratio += IntDiv.RoundSat(CoefficientCE15 * quartic, 1000000000);
            }

            return ratio;
        }

        /// <summary>
        /// Temperature in milli-°C whose W is <paramref name="ratioPpb"/>, by Newton's method on
        /// <see cref="RatioPpbFromMilliC"/>; within ±1 m°C of the exact inverse between -200 °C and 850 °C.
        /// Outside that range the result saturates at -250 °C or 900 °C; callers check the ratio against
        /// <see cref="MinRatioPpb"/> and <see cref="MaxRatioPpb"/> first.
        /// </summary>
        public static long MilliCFromRatioPpb(long ratioPpb)
        {
            // Linear first guess T = (W - 1) / A: m = (W - 1e9)·10 / 39083.
            long m = Clamp(IntDiv.RoundSat((ratioPpb - OnePpb) * 10, CoefficientAE7));
            for (int step = 0; step < MaxNewtonSteps; step++)
            {
                long error = RatioPpbFromMilliC(m) - ratioPpb;
                long correction = IntDiv.RoundSat(error * 1000000, SlopePpbPerMilliCE6(m));
                if (correction == 0)
                {
                    break;
                }

                m = Clamp(m - correction);
            }

            return m;
        }

        /// <summary>Temperature in centi-°C for <paramref name="ratioPpb"/>, rounded to nearest (ties away from zero).</summary>
        public static int CentiCFromRatioPpb(long ratioPpb)
        {
            return (int)IntDiv.RoundSat(MilliCFromRatioPpb(ratioPpb), 10);
        }

        // dW/dT in ppb per m°C, times 1e6 so that the integer keeps 7 or more significant digits.
        private static long SlopePpbPerMilliCE6(long m)
        {
            // d(A·T)/dm: 3908.3 ppb per m°C; d(B·T²)/dm: -2·5775·m/1e7, ×1e6 = -1155·m.
            long slope = CoefficientAE7 * 100000 + 2 * CoefficientBE10 * m / 10;
            if (m < 0)
            {
                // d(C·(T-100)·T³)/dm = -4183·(4m³ - 3e5·m²)/1e18, ×1e6 = -4183·((4m³ - 3e5·m²)/1e6)/1e6.
                long inner = IntDiv.RoundSat(4 * m * m * m - 300000 * m * m, 1000000);
                slope += IntDiv.RoundSat(CoefficientCE15 * inner, 1000000);
            }

            return slope;
        }

        private static long Clamp(long m)
        {
            return m < -250000 ? -250000 : m > 900000 ? 900000 : m;
        }
    }
}
