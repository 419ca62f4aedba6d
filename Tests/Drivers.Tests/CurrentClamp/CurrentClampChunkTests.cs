using SensorNode.Drivers.CurrentClamp;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.CurrentClamp
{
    /// <summary>
    /// The chunked measurement: quarter-cycle chunks taken on scheduler ticks, each sample in the phase bin of its place in
    /// the mains cycle. The ADC model is ideal, so the bound is the burst's (0.2 % of the reading plus 10 mA); a chunk
    /// takes no clock time unless the test advances the clock by it, as the virtual board does.
    /// </summary>
    [TestClass]
    public class CurrentClampChunkTests
    {
        private const double BoundFraction = 0.002;
        private const int BoundFloorMa = 10;

        [TestMethod]
        [DataRow(50, 10.0)]
        [DataRow(60, 10.0)]
        [DataRow(50, 1.0)]
        public void TicksOfFiveMs_MeasureTheCycle(int mainsHz, double rmsA)
        {
            // The device's tick at 3200 Hz: the FIFO watermark every 5 ms, whatever the chunks take.
            var rig = new CurrentClampRig(mainsHz);
            rig.SetCurrentRmsA(rmsA);
            rig.Clock.AdvanceUs(1234567);
            int taken = RunTicks(rig, 5000, false, 200);

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.FinishChunks());
            AssertWithinBound(rmsA, rig.Driver.CurrentRmsMa);
            Assert.AreEqual(rig.Driver.SampleRateHz / mainsHz, rig.Driver.CoveredPhaseBins);
            Assert.IsTrue(taken * rig.Driver.ChunkSamples >= rig.Driver.ChunkSamplesPerBin * rig.Driver.CoveredPhaseBins, "chunks " + taken);
        }

        [TestMethod]
        public void TickThatWaitsForTheChunk_SkipsFullPhasesAndCoversTheCycle()
        {
            // A 5 ms step plus the chunk's own 5 ms: every chunk tick is half a mains cycle after the last, so without the
            // skip every chunk would start at one of two phases and half the cycle would never be sampled.
            var rig = new CurrentClampRig(50);
            rig.SetCurrentRmsA(12.0);
            RunTicks(rig, 5000, true, 300);

            Assert.IsTrue(rig.Driver.ChunksComplete);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.FinishChunks());
            Assert.AreEqual(40, rig.Driver.CoveredPhaseBins);
            AssertWithinBound(12.0, rig.Driver.CurrentRmsMa);
            int biasErrorMv = rig.Driver.BiasMv - 1650;
            Assert.IsTrue(biasErrorMv >= -1 && biasErrorMv <= 1, "bias " + rig.Driver.BiasMv + " mV");
        }

        [TestMethod]
        public void Chunk_IsAQuarterCycleAtTheBurstRate()
        {
            var rig = new CurrentClampRig(60);

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.MeasureChunk(0));

            Assert.AreEqual(10, rig.Adc.LastSampleCount);
            Assert.AreEqual(2400, rig.Adc.LastSampleRateHz);
            Assert.AreEqual(10, rig.Driver.ChunkSamples);
            Assert.AreEqual(10, rig.Driver.ChunkSamplesPerBin);
        }

        [TestMethod]
        public void CompleteMeasurement_TakesNoMoreChunks()
        {
            var rig = new CurrentClampRig(50);
            RunTicks(rig, 5000, false, 200);
            int bursts = rig.Adc.BurstCount;

            Assert.IsTrue(rig.Driver.ChunksComplete);
            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.MeasureChunk(rig.Clock.MonotonicUs));
            Assert.AreEqual(bursts, rig.Adc.BurstCount);
        }

        [TestMethod]
        public void FinishWithoutChunks_IsNotReadyAndKeepsTheLastReading()
        {
            var rig = new CurrentClampRig(50);
            rig.SetCurrentRmsA(8.0);
            RunTicks(rig, 5000, false, 200);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.FinishChunks());
            int lastMa = rig.Driver.CurrentRmsMa;

            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.FinishChunks());
            Assert.AreEqual(lastMa, rig.Driver.CurrentRmsMa);
        }

        [TestMethod]
        public void AdcFaultInAnyChunk_IsBusErrorAtFinishThenRecovers()
        {
            var rig = new CurrentClampRig(50);
            rig.SetCurrentRmsA(8.0);
            RunTicks(rig, 5000, false, 200);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.FinishChunks());
            int lastMa = rig.Driver.CurrentRmsMa;

            RunTicks(rig, 5000, false, 20);
            rig.Faults.Unplugged = true;
            Assert.AreEqual(SensorStatus.BusError, rig.Driver.MeasureChunk(rig.Clock.MonotonicUs));
            rig.Faults.Unplugged = false;
            RunTicks(rig, 5000, false, 200);

            Assert.AreEqual(SensorStatus.BusError, rig.Driver.FinishChunks());
            Assert.AreEqual(lastMa, rig.Driver.CurrentRmsMa);

            RunTicks(rig, 5000, false, 200);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.FinishChunks());
            AssertWithinBound(8.0, rig.Driver.CurrentRmsMa);
        }

        [TestMethod]
        public void ClippedChunk_IsOutOfRange()
        {
            var rig = new CurrentClampRig(50);
            rig.SetCurrentRmsA(40.0);
            RunTicks(rig, 5000, false, 200);

            Assert.AreEqual(SensorStatus.OutOfRange, rig.Driver.FinishChunks());
            Assert.IsTrue(rig.Driver.ClippedSamples > 0);
        }

        // Calls MeasureChunk on ticks stepUs apart (plus the chunk's own time when chunkTakesTime), as a scheduler would.
        private static int RunTicks(CurrentClampRig rig, long stepUs, bool chunkTakesTime, int ticks)
        {
            int taken = 0;
            for (int tick = 0; tick < ticks; tick++)
            {
                rig.Clock.AdvanceUs(stepUs);
                if (rig.Driver.MeasureChunk(rig.Clock.MonotonicUs) == SensorStatus.Ok)
                {
                    taken++;
                    if (chunkTakesTime)
                    {
                        rig.Clock.AdvanceUs(rig.Driver.ChunkSamples * 1000000L / rig.Driver.SampleRateHz);
                    }
                }
            }

            return taken;
        }

        private static void AssertWithinBound(double expectedA, int actualMa)
        {
            double expectedMa = expectedA * 1000.0;
            double bound = expectedMa * BoundFraction + BoundFloorMa;
            double error = actualMa - expectedMa;
            Assert.IsTrue(error >= -bound && error <= bound, "expected " + expectedMa + " mA, got " + actualMa + " mA");
        }
    }
}
