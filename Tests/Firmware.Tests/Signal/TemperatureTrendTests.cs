using System;
using SensorNode.Core.Signal;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>
    /// Least-squares temperature slope. Bounds: exact for straight lines (the slope is rounded once); within 1
    /// centi-°C/min of the double least-squares fit for noisy readings at irregular times.
    /// </summary>
    [TestClass]
    public class TemperatureTrendTests
    {
        [TestMethod]
        public void Ramp_GivesItsSlopeExactly()
        {
            // 2 centi-°C every 10 s is 12 centi-°C per minute.
            TemperatureTrend trend = new TemperatureTrend(16, 600000);
            for (int i = 0; i < 40; i++)
            {
                trend.Add(4000 + 2 * i, 10000L * i);
            }

            Assert.AreEqual(4078, trend.TempCentiC);
            Assert.AreEqual(12, trend.SlopeCentiCPerMin);
            Assert.IsTrue(trend.HasSlope);
            Assert.AreEqual(16, trend.ReadingsInSpan);
        }

        [TestMethod]
        public void FallingRamp_IsNegative()
        {
            TemperatureTrend trend = new TemperatureTrend(8, 60000);
            for (int i = 0; i < 8; i++)
            {
                trend.Add(-500 - 25 * i, 5000L * i);
            }

            Assert.AreEqual(-300, trend.SlopeCentiCPerMin);
        }

        [TestMethod]
        public void OneReading_HasNoSlope()
        {
            TemperatureTrend trend = new TemperatureTrend(8, 60000);
            Assert.IsFalse(trend.HasSlope);
            trend.Add(2512, 1000);
            Assert.AreEqual(2512, trend.TempCentiC);
            Assert.IsFalse(trend.HasSlope);
            Assert.AreEqual(0, trend.SlopeCentiCPerMin);
        }

        [TestMethod]
        public void ReadingsOlderThanTheSpan_AreLeftOut()
        {
            // A ramp, then a flat minute: once the ramp is older than the 60 s span the slope is 0.
            TemperatureTrend trend = new TemperatureTrend(32, 60000);
            for (int i = 0; i <= 10; i++)
            {
                trend.Add(3000 + 10 * i, 6000L * i);
            }

            Assert.AreEqual(100, trend.SlopeCentiCPerMin);
            for (int i = 11; i <= 21; i++)
            {
                trend.Add(3100, 6000L * i);
            }

            Assert.AreEqual(0, trend.SlopeCentiCPerMin);
            Assert.AreEqual(11, trend.ReadingsInSpan);
        }

        [TestMethod]
        public void NoisyIrregularReadings_MatchDoubleLeastSquares()
        {
            GaussianNoise noise = new GaussianNoise(42);
            TemperatureTrend trend = new TemperatureTrend(20, 3600000);
            double[] times = new double[20];
            double[] temps = new double[20];
            long timeMs = 0;
            for (int i = 0; i < 20; i++)
            {
                timeMs += 5000 + (long)(noise.NextUniform() * 20000);
                int temp = (int)(6000 + 0.0007 * timeMs + noise.Next(30));
                trend.Add(temp, timeMs);
                times[i] = timeMs;
                temps[i] = temp;
            }

            double meanT = 0;
            double meanY = 0;
            for (int i = 0; i < 20; i++)
            {
                meanT += times[i] / 20;
                meanY += temps[i] / 20;
            }

            double covariance = 0;
            double variance = 0;
            for (int i = 0; i < 20; i++)
            {
                covariance += (times[i] - meanT) * (temps[i] - meanY);
                variance += (times[i] - meanT) * (times[i] - meanT);
            }

            double slopePerMinute = covariance / variance * 60000;
            Assert.IsTrue(SignalReference.Distance(trend.SlopeCentiCPerMin, slopePerMinute) <= 1, "slope " + trend.SlopeCentiCPerMin);
        }

        [TestMethod]
        public void ClockGoingBack_StartsAFreshHistory()
        {
            TemperatureTrend trend = new TemperatureTrend(8, 60000);
            trend.Add(1000, 50000);
            trend.Add(1100, 60000);
            Assert.AreEqual(600, trend.SlopeCentiCPerMin);
            trend.Add(2000, 1000);
            Assert.IsFalse(trend.HasSlope);
            Assert.AreEqual(1, trend.ReadingsInSpan);
            trend.Add(1990, 31000);
            Assert.AreEqual(-20, trend.SlopeCentiCPerMin);
        }

        [TestMethod]
        public void BadConfiguration_Throws()
        {
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new TemperatureTrend(1, 60000));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new TemperatureTrend(TemperatureTrend.MaxCapacity + 1, 60000));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new TemperatureTrend(8, 0));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new TemperatureTrend(8, TemperatureTrend.MaxSpanMs + 1));
        }
    }
}
