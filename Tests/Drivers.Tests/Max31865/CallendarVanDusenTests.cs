using SensorNode.Drivers.Max31865;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Max31865
{
    [TestClass]
    public class CallendarVanDusenTests
    {
        /// <summary>
        /// The reference table: W(T) = R(T)/R0 by the IEC 60751 equation in double, every 10 °C from -50 to 250 °C.
        /// The fixed-point inverse must give T to within 1 centi-°C (the requirement is 5, i.e. 0.05 °C).
        /// </summary>
        [TestMethod]
        public void Inverse_MatchesTheStandardEvery10CFromMinus50To250()
        {
            for (int temperatureC = -50; temperatureC <= 250; temperatureC += 10)
            {
                long ratioPpb = RoundToLong(ReferenceRatio(temperatureC) * 1e9);

                int centiC = CallendarVanDusen.CentiCFromRatioPpb(ratioPpb);

                int error = centiC - temperatureC * 100;
                Assert.IsTrue(error >= -1 && error <= 1, "at " + temperatureC + " °C got " + centiC + " centi-°C");
            }
        }

        /// <summary>The same over the standard's whole range, -200..850 °C every 25 °C.</summary>
        [TestMethod]
        public void Inverse_MatchesTheStandardOverItsWholeRange()
        {
            for (int temperatureC = -200; temperatureC <= 850; temperatureC += 25)
            {
                long ratioPpb = RoundToLong(ReferenceRatio(temperatureC) * 1e9);

                long milliC = CallendarVanDusen.MilliCFromRatioPpb(ratioPpb);

                long error = milliC - temperatureC * 1000L;
                Assert.IsTrue(error >= -1 && error <= 1, "at " + temperatureC + " °C got " + milliC + " m°C");
            }
        }

        /// <summary>The integer forward equation against the double one, within 2 ppb (0.0005 °C).</summary>
        [TestMethod]
        public void Forward_MatchesTheDoubleEquation()
        {
            for (int milliC = -200000; milliC <= 850000; milliC += 12345)
            {
                long expected = RoundToLong(ReferenceRatio(milliC / 1000.0) * 1e9);

                long actual = CallendarVanDusen.RatioPpbFromMilliC(milliC);

                long error = actual - expected;
                Assert.IsTrue(error >= -2 && error <= 2, "at " + milliC + " m°C got " + actual + " ppb, expected " + expected);
            }
        }

        /// <summary>
        /// Published PT100 table values (IEC 60751; also the MAX31865 datasheet's Table 9): 80.31 Ω at -50 °C,
        /// 100.00 Ω at 0 °C, 138.51 Ω at 100 °C, 175.86 Ω at 200 °C, 194.10 Ω at 250 °C, each within 0.05 °C.
        /// </summary>
        [TestMethod]
        [DataRow(8031, -5000)]
        [DataRow(10000, 0)]
        [DataRow(13851, 10000)]
        [DataRow(17586, 20000)]
        [DataRow(19410, 25000)]
        public void PublishedPt100Points_AreWithin5CentiC(int centiOhms, int expectedCentiC)
        {
            // W = R / 100 Ω; centi-ohms × 1e5 is W in ppb.
            long ratioPpb = centiOhms * 100000L;

            int centiC = CallendarVanDusen.CentiCFromRatioPpb(ratioPpb);

            int error = centiC - expectedCentiC;
            Assert.IsTrue(error >= -5 && error <= 5, "for " + centiOhms + " centi-ohm got " + centiC + " centi-°C");
        }

        [TestMethod]
        public void RangeLimits_AreTheStandardsEnds()
        {
            // R(-200 °C) = 18.52 Ω and R(850 °C) = 390.48 Ω for a PT100 (IEC 60751 table).
            Assert.AreEqual(185201L, (CallendarVanDusen.MinRatioPpb + 500) / 1000);
            Assert.AreEqual(3904811L, (CallendarVanDusen.MaxRatioPpb + 500) / 1000);
        }

        // W = R/R0 = 1 + A·T + B·T² + C·(T − 100)·T³ (C term below 0 °C), IEC 60751 coefficients.
        private static double ReferenceRatio(double temperatureC)
        {
            const double a = 3.9083e-3;
            const double b = -5.775e-7;
            const double c = -4.183e-12;
            double t = temperatureC;
            double ratio = 1.0 + a * t + b * t * t;
            if (t < 0.0)
            {
                ratio += c * (t - 100.0) * t * t * t;
            }

            return ratio;
        }

        private static long RoundToLong(double value)
        {
            return value >= 0.0 ? (long)(value + 0.5) : -(long)(-value + 0.5);
        }
    }
}
