using System;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    /// <summary>The chip model's noise against the datasheet's "Noise Performance", read through raw SPI frames.</summary>
    [TestClass]
    public class Adxl345ModelNoiseTests
    {
        private const int BwRate = 0x2C;
        private const int DataFormat = 0x31;
        private const int FullResolution = 0x08;

        // A part lying still and level: 0, 0, +1 g, which full resolution encodes as 0, 0, 256.
        private const int RestZCounts = 256;

        // Enough samples that the RMS scatters by about 1/sqrt(2N) = 1.1 % around its true value.
        private const int SampleCount = 4000;

        // RMS in hundredths of an LSB at 3.9 mg/LSB: normal power 0.75 (X, Y) and 1.1 (Z) up to 100 Hz, √2 more per
        // doubling above (3200 Hz: 4.24, 6.22); low power 1.8 and 2.6 at every rate of Table 8 (12.5-400 Hz); with
        // LOW_POWER at a rate outside Table 8, the normal figure.
        [TestMethod]
        [DataRow(0x0F, 424, 622)]
        [DataRow(0x0C, 150, 220)]
        [DataRow(0x0A, 75, 110)]
        [DataRow(0x07, 75, 110)]
        [DataRow(0x1A, 180, 260)]
        [DataRow(0x1C, 180, 260)]
        [DataRow(0x17, 180, 260)]
        [DataRow(0x1F, 424, 622)]
        public void NoiseOn_StillPart_RmsPerAxisMatchesTheDatasheet(int bwRate, int xyCentiLsb, int zCentiLsb)
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new FixedSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);
            model.NoiseSeed = 12345;
            model.NoiseEnabled = true;
            int[] samples = Collect(model, clock, bwRate, SampleCount);

            AssertRmsWithin15Percent(xyCentiLsb, samples, 0, 0);
            AssertRmsWithin15Percent(xyCentiLsb, samples, 1, 0);
            AssertRmsWithin15Percent(zCentiLsb, samples, 2, RestZCounts);
        }

        [TestMethod]
        public void NoiseOff_IsTheDefault_SamplesAreExact()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new FixedSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);
            int[] samples = Collect(model, clock, 0x0F, 200);

            Assert.IsFalse(model.NoiseEnabled);
            for (int i = 0; i < samples.Length; i += 3)
            {
                Assert.AreEqual(0, samples[i]);
                Assert.AreEqual(0, samples[i + 1]);
                Assert.AreEqual(RestZCounts, samples[i + 2]);
            }
        }

        [TestMethod]
        public void SameSeed_GivesTheSameSamples_AnotherSeedDoesNot()
        {
            int[] first = NoisySamples(7);
            int[] again = NoisySamples(7);
            int[] other = NoisySamples(8);

            int differing = 0;
            for (int i = 0; i < first.Length; i++)
            {
                Assert.AreEqual(first[i], again[i]);
                differing += first[i] != other[i] ? 1 : 0;
            }

            // At 4-6 LSB RMS two independent sequences agree on a value about 1 time in 10.
            Assert.IsTrue(differing > first.Length / 2, "another seed changed only " + differing.ToString() + " values");
        }

        [TestMethod]
        public void SettingTheSeed_RestartsTheSequence()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new FixedSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);
            model.NoiseSeed = 7;
            model.NoiseEnabled = true;
            int[] first = Collect(model, clock, 0x0F, 100);
            Adxl345ModelSpi.Write(model, 0x2D, 0x00);
            model.NoiseSeed = 7;
            int[] again = Collect(model, clock, 0x0F, 100);

            for (int i = 0; i < first.Length; i++)
            {
                Assert.AreEqual(first[i], again[i]);
            }
        }

        // Datasheet "Data Formatting of Upper Data Rates": the forced-zero LSB holds for noisy samples too.
        [TestMethod]
        public void NoiseOn_UpperDataRate_LsbStaysZero()
        {
            int[] samples = NoisySamples(3);

            for (int i = 0; i < samples.Length; i++)
            {
                Assert.AreEqual(0, samples[i] & 1);
            }
        }

        // 200 samples at 3200 Hz, full resolution, from a still part with noise seeded by seed.
        private static int[] NoisySamples(ulong seed)
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new FixedSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);
            model.NoiseSeed = seed;
            model.NoiseEnabled = true;
            return Collect(model, clock, 0x0F, 200);
        }

        // Sets BW_RATE, full resolution and stream mode (through bypass, which empties the FIFO), starts measuring, and reads count samples out of the FIFO as
        // they arrive, 16 sample periods at a time: X, Y, Z of sample i at 3i, 3i+1, 3i+2.
        private static int[] Collect(Adxl345Model model, ManualClock clock, int bwRate, int count)
        {
            Adxl345ModelSpi.Write(model, BwRate, bwRate);
            Adxl345ModelSpi.Write(model, DataFormat, FullResolution);
            Adxl345ModelSpi.Write(model, 0x38, 0x00);
            Adxl345ModelSpi.Write(model, 0x38, 0x80);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);

            // 16 periods of 1 / (3200 Hz / 2^(15 - rate code)), in µs.
            long stepUs = 5000L << (15 - (bwRate & 0x0F));
            int[] samples = new int[count * 3];
            int collected = 0;
            while (collected < count)
            {
                clock.AdvanceUs(stepUs);
                int queued = Adxl345ModelSpi.Read(model, 0x39) & 0x3F;
                for (int i = 0; i < queued && collected < count; i++)
                {
                    byte[] data = Adxl345ModelSpi.Burst(model, 0x32, 6);
                    samples[collected * 3] = (short)(data[0] | (data[1] << 8));
                    samples[collected * 3 + 1] = (short)(data[2] | (data[3] << 8));
                    samples[collected * 3 + 2] = (short)(data[4] | (data[5] << 8));
                    collected++;
                }
            }

            return samples;
        }

        private static void AssertRmsWithin15Percent(int expectedCentiLsb, int[] samples, int axis, int restCounts)
        {
            double sumSquares = 0;
            int n = samples.Length / 3;
            for (int i = 0; i < n; i++)
            {
                double deviation = samples[i * 3 + axis] - restCounts;
                sumSquares += deviation * deviation;
            }

            double rmsLsb = Math.Sqrt(sumSquares / n);
            double expectedLsb = expectedCentiLsb / 100.0;
            Assert.IsTrue(
                rmsLsb >= 0.85 * expectedLsb && rmsLsb <= 1.15 * expectedLsb,
                "axis " + axis.ToString() + ": " + ((int)(rmsLsb * 100)).ToString() + " centi-LSB RMS, datasheet "
                + expectedCentiLsb.ToString());
        }
    }
}
