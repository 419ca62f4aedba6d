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
    /// Current RMS from chunks against a 50 Hz sine sampled at 40 samples per cycle (2 kHz) on a 2048-count bias, chunks of
    /// a quarter cycle (10 samples). Bounds: chunks on the sample grid covering every phase bin give the exact RMS of one
    /// quantised cycle (1 mA plus 1/256 count, as a burst); chunk starts off the grid by up to half a sample keep the
    /// error below 2/B of the RMS (5 % at 40 bins) whatever the offsets, and below 1 % when they vary at random.
    /// </summary>
    [TestClass]
    public class CurrentChunkTests
    {
        private const int SamplesPerCycle = 40;
        private const int ChunkSamples = 10;
        private const double AmplitudeCounts = 1000;
        private const double BiasCounts = 2048;

        // 24.18 mA per count, as in CurrentTests: an SCT-013-030 on a 12-bit ADC over 3.3 V.
        private const long MilliampsNumerator = 3300L * 30000;
        private const long MilliampsDenominator = 4095L * 1000;

        [TestMethod]
        public void ChunksAtScatteredPhases_GiveTheCyclesRms()
        {
            CurrentBurstRms rms = NewBinned();
            GaussianNoise random = new GaussianNoise(7);
            short[] chunk = new short[ChunkSamples];
            rms.Begin();
            for (int k = 0; k < 60; k++)
            {
                int startBin = (int)(random.NextUniform() * SamplesPerCycle);
                SignalReference.Sine(chunk, 0, 1, ChunkSamples, startBin, SamplesPerCycle, 1, AmplitudeCounts, BiasCounts);
                rms.Accumulate(chunk, 0, ChunkSamples, startBin);
            }

            int currentMa = rms.Finish();

            Assert.AreEqual(SamplesPerCycle, rms.CoveredPhaseBins);
            Assert.AreEqual(60 * ChunkSamples, rms.SampleCount);
            double milliampsPerCount = (double)MilliampsNumerator / MilliampsDenominator;
            double reference = OneCycleRmsCounts() * milliampsPerCount;
            Assert.IsTrue(SignalReference.Distance(currentMa, reference) <= 1 + milliampsPerCount / 256, "current " + currentMa + " vs " + reference);
            Assert.IsTrue(SignalReference.Distance(rms.MeanCountsQ8, BiasCounts * 256) <= 256, "bias " + rms.MeanCountsQ8 / 256.0);
        }

        [TestMethod]
        public void ChunksLockedToOnePhase_PlainSumsMissAndBinsSayWhatIsCovered()
        {
            // Every chunk starts at the same point of the cycle, as on a tick locked to the mains: plain sums measure the
            // spread of that quarter cycle alone, far from the cycle's RMS (sin ωL / ωL = 0.64 of the mean square off).
            CurrentBurstRms plain = new CurrentBurstRms(MilliampsNumerator, MilliampsDenominator, 0, 4095);
            CurrentBurstRms binned = NewBinned();
            short[] chunk = new short[ChunkSamples];
            SignalReference.Sine(chunk, 0, 1, ChunkSamples, 0, SamplesPerCycle, 1, AmplitudeCounts, BiasCounts);
            plain.Begin();
            binned.Begin();
            for (int k = 0; k < 40; k++)
            {
                plain.Accumulate(chunk, 0, ChunkSamples, 0);
                binned.Accumulate(chunk, 0, ChunkSamples, 0);
            }

            plain.Finish();
            binned.Finish();

            double milliampsPerCount = (double)MilliampsNumerator / MilliampsDenominator;
            double cycleMa = OneCycleRmsCounts() * milliampsPerCount;
            Assert.IsTrue(SignalReference.RelativeError(plain.CurrentRmsMa, cycleMa) > 0.3, "plain " + plain.CurrentRmsMa + " vs " + cycleMa);
            Assert.AreEqual(ChunkSamples, binned.CoveredPhaseBins);
        }

        [TestMethod]
        public void ChunkStartsOffTheSampleGrid_StayWithinTheBound()
        {
            // Adversarial: each chunk's start is half a sample early or late, whichever moves its bin's mean square
            // furthest the same way. Random: offsets uniform in half a sample either side.
            double adversarial = OffGridRelativeError(true);
            double random = OffGridRelativeError(false);

            Assert.IsTrue(adversarial <= 2.0 / SamplesPerCycle, "adversarial offsets: " + adversarial);
            Assert.IsTrue(random <= 0.01, "random offsets: " + random);
        }

        [TestMethod]
        public void WholeCycleBurst_BinsAndPlainSumsAgree()
        {
            short[] samples = new short[800];
            SignalReference.Sine(samples, 0, 1, 800, 0, SamplesPerCycle, 1, AmplitudeCounts, BiasCounts);
            CurrentBurstRms plain = new CurrentBurstRms(MilliampsNumerator, MilliampsDenominator, 0, 4095);
            CurrentBurstRms binned = NewBinned();

            Assert.AreEqual(plain.Measure(samples, 0, 800), binned.Measure(samples, 0, 800));
            Assert.AreEqual(plain.RmsCountsQ8, binned.RmsCountsQ8);
            Assert.AreEqual(plain.MeanCountsQ8, binned.MeanCountsQ8);
        }

        [TestMethod]
        public void BeginForgetsAndFinishWithoutSamplesIsZero()
        {
            CurrentBurstRms rms = NewBinned();
            short[] chunk = new short[ChunkSamples];
            SignalReference.Sine(chunk, 0, 1, ChunkSamples, 0, SamplesPerCycle, 1, AmplitudeCounts, BiasCounts);
            rms.Accumulate(chunk, 0, ChunkSamples, 0);
            Assert.AreEqual(ChunkSamples, rms.AccumulatedSamples);

            rms.Begin();

            Assert.AreEqual(0, rms.AccumulatedSamples);
            Assert.AreEqual(0, rms.Finish());
            Assert.AreEqual(0, rms.CoveredPhaseBins);
            Assert.AreEqual(0, rms.SampleCount);
        }

        [TestMethod]
        public void ChunkArguments_AreChecked()
        {
            CurrentBurstRms rms = NewBinned();
            short[] samples = new short[16];
            Support.AssertThrows.Exactly(typeof(ArgumentNullException), () => rms.Accumulate(null, 0, 1, 0));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => rms.Accumulate(samples, 8, 9, 0));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => rms.Accumulate(samples, 0, 1, SamplesPerCycle));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => rms.Accumulate(samples, 0, 1, -1));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException),
                () => new CurrentBurstRms(1, 1, 0, 4095, CurrentBurstRms.MaxPhaseBins + 1));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new CurrentBurstRms(1, 1, 0, 4095, 0));

            // A measurement holds at most MaxSamples samples, however they arrive.
            short[] big = new short[CurrentBurstRms.MaxSamples];
            rms.Begin();
            rms.Accumulate(big, 0, CurrentBurstRms.MaxSamples, 0);
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => rms.Accumulate(samples, 0, 1, 0));
        }

        private static CurrentBurstRms NewBinned()
        {
            return new CurrentBurstRms(MilliampsNumerator, MilliampsDenominator, 0, 4095, SamplesPerCycle);
        }

        // RMS of one cycle of the quantised samples about their mean, counts.
        private static double OneCycleRmsCounts()
        {
            short[] cycle = new short[SamplesPerCycle];
            SignalReference.Sine(cycle, 0, 1, SamplesPerCycle, 0, SamplesPerCycle, 1, AmplitudeCounts, BiasCounts);
            return SignalReference.Rms(cycle, 0, 1, SamplesPerCycle);
        }

        // 80 chunks, start bins cycling through the cycle, each start offset from its bin by up to half a sample; samples
        // unquantised (in Q.4 counts) so that only the offsets make the error. Returns |RMS / (A/√2) - 1|.
        private static double OffGridRelativeError(bool adversarial)
        {
            CurrentBurstRms rms = new CurrentBurstRms(1, 16, short.MinValue, short.MaxValue, SamplesPerCycle);
            GaussianNoise random = new GaussianNoise(11);
            short[] chunk = new short[ChunkSamples];
            double amplitudeQ4 = AmplitudeCounts * 16;
            rms.Begin();
            for (int k = 0; k < 80; k++)
            {
                int startBin = (k * 7) % SamplesPerCycle;
                double offset;
                if (adversarial)
                {
                    // The mean square of bin j moves with sin(4π j / B): push every sample of the chunk that way.
                    offset = Math.Sin(4 * Math.PI * (startBin + ChunkSamples / 2.0) / SamplesPerCycle) >= 0 ? 0.5 : -0.5;
                }
                else
                {
                    offset = random.NextUniform() - 0.5;
                }

                for (int i = 0; i < ChunkSamples; i++)
                {
                    double phase = 2 * Math.PI * (startBin + i + offset) / SamplesPerCycle;
                    chunk[i] = SignalReference.ToCount(amplitudeQ4 * Math.Sin(phase));
                }

                rms.Accumulate(chunk, 0, ChunkSamples, startBin);
            }

            rms.Finish();
            return SignalReference.RelativeError(rms.RmsCountsQ8 / 256.0, amplitudeQ4 / Math.Sqrt(2));
        }
    }
}
