using System;
using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class ReconnectBackoffTests
    {
        [TestMethod]
        public void BaseDelayDoublesFromOneSecondToTheFiveMinuteCap()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 300000, 0, 1);

            long[] expected = { 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], backoff.NextDelayMs(), "attempt " + i);
            }

            Assert.AreEqual(300000L, backoff.BaseDelayMs(1000));
        }

        [TestMethod]
        public void JitterStaysWithinPlusMinus25PercentAndSpreads()
        {
            for (int attempt = 0; attempt < 12; attempt++)
            {
                long low = long.MaxValue;
                long high = long.MinValue;
                for (uint node = 1; node <= 200; node++)
                {
                    ReconnectBackoff backoff = new ReconnectBackoff(1000, 300000, 25, ReconnectBackoff.SeedFrom("node-" + node));
                    long delay = 0;
                    for (int i = 0; i <= attempt; i++)
                    {
                        delay = backoff.NextDelayMs();
                    }

                    long baseMs = backoff.BaseDelayMs(attempt);
                    Assert.IsTrue(delay >= baseMs - baseMs / 4 && delay <= baseMs + baseMs / 4, "attempt " + attempt + ": " + delay);
                    low = delay < low ? delay : low;
                    high = delay > high ? delay : high;
                }

                // 200 nodes do not retry together: their delays cover most of the ±25 % band.
                long band = high - low;
                long baseDelay = new ReconnectBackoff(1000, 300000, 25, 1).BaseDelayMs(attempt);
                Assert.IsTrue(band * 10 >= baseDelay * 4, "attempt " + attempt + " spread only " + band + " ms");
            }
        }

        [TestMethod]
        public void TheSameNodeRepeatsItsDelaysOnHostAndDevice()
        {
            // Worked out by hand from FNV-1a and xorshift32: the device computes the same numbers.
            uint seed = ReconnectBackoff.SeedFrom("node-a1b2c3");
            Assert.AreEqual(0x56D25538u, seed);
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 300000, 25, seed);

            long[] expected = { 1210, 1502, 4877, 7092, 18756 };
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], backoff.NextDelayMs(), "attempt " + i);
            }
        }

        [TestMethod]
        public void DifferentNodesGetDifferentSeeds()
        {
            Assert.IsTrue(ReconnectBackoff.SeedFrom("node-000001") != ReconnectBackoff.SeedFrom("node-000002"));
            Assert.IsTrue(ReconnectBackoff.SeedFrom("") != 0);
            Assert.IsTrue(ReconnectBackoff.SeedFrom(null) != 0);
        }

        [TestMethod]
        public void ResetStartsAgainFromTheFirstDelay()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(500, 8000, 0, 7);
            backoff.NextDelayMs();
            backoff.NextDelayMs();
            backoff.NextDelayMs();
            Assert.AreEqual(3, backoff.Attempt);

            backoff.Reset();

            Assert.AreEqual(0, backoff.Attempt);
            Assert.AreEqual(500L, backoff.NextDelayMs());
        }

        [TestMethod]
        public void RandomFirstDelayStaysWithinItsLimit()
        {
            ReconnectBackoff backoff = new ReconnectBackoff(1000, 300000, 25, 99);
            bool sawLow = false;
            bool sawHigh = false;
            for (int i = 0; i < 500; i++)
            {
                long delay = backoff.RandomDelayMs(1000);
                Assert.IsTrue(delay >= 0 && delay <= 1000);
                sawLow = sawLow || delay < 250;
                sawHigh = sawHigh || delay > 750;
            }

            Assert.IsTrue(sawLow && sawHigh);
            Assert.AreEqual(0L, backoff.RandomDelayMs(0));
        }

        [TestMethod]
        public void BadParametersAreProgrammingErrors()
        {
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new ReconnectBackoff(0, 1000, 25, 1));
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new ReconnectBackoff(1000, 999, 25, 1));
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new ReconnectBackoff(1000, 2000, 101, 1));
        }
    }
}
