using System;
using SensorNode.Drivers.CurrentClamp;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.CurrentClamp
{
    [TestClass]
    public class CurrentClampTests
    {
        // One ADC count is 3300/4095 mV = 0.806 mV, 24.2 mA of primary at 30 A/V. Over 800 samples the rounding of
        // each sample averages out: on the ideal converter model the error stayed within 15 mA from 0.5 A to 30 A at
        // any phase and bias. The bound, 0.2 % of the reading plus 10 mA, leaves room for that.
        private const double BoundFraction = 0.002;
        private const int BoundFloorMa = 10;

        [TestMethod]
        [DataRow(50, 1.0)]
        [DataRow(50, 10.0)]
        [DataRow(50, 25.0)]
        [DataRow(60, 1.0)]
        [DataRow(60, 10.0)]
        [DataRow(60, 25.0)]
        public void KnownSine_RmsWithinBound(int mainsHz, double rmsA)
        {
            var rig = new CurrentClampRig(mainsHz);
            rig.SetCurrentRmsA(rmsA);

            // An arbitrary start: the burst spans whole cycles, so the phase it starts at does not matter.
            rig.Clock.AdvanceUs(1234567);
            SensorStatus status = rig.Driver.Measure();

            Assert.AreEqual(SensorStatus.Ok, status);
            AssertWithinBound(rmsA, rig.Driver.CurrentRmsMa);
        }

        [TestMethod]
        [DataRow(50, 2000)]
        [DataRow(60, 2400)]
        public void Burst_SpansTwentyWholeCycles(int mainsHz, int expectedRateHz)
        {
            var rig = new CurrentClampRig(mainsHz);

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Measure());

            Assert.AreEqual(expectedRateHz, rig.Adc.LastSampleRateHz);
            Assert.AreEqual(800, rig.Adc.LastSampleCount);
            Assert.AreEqual(expectedRateHz, rig.Driver.SampleRateHz);

            // 800 samples at 40 per cycle: exactly 20 cycles of the mains.
            Assert.AreEqual(20 * 40, rig.Driver.SampleCount);
        }

        [TestMethod]
        [DataRow(1400.0)]
        [DataRow(1650.0)]
        [DataRow(1900.0)]
        public void BiasDrift_IsRemovedByTheBurstMean(double biasMv)
        {
            var rig = new CurrentClampRig(50);
            rig.Adc.BiasMillivolts = biasMv;
            rig.SetCurrentRmsA(12.0);

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Measure());

            AssertWithinBound(12.0, rig.Driver.CurrentRmsMa);
            int biasErrorMv = rig.Driver.BiasMv - (int)biasMv;
            Assert.IsTrue(biasErrorMv >= -1 && biasErrorMv <= 1, "bias " + rig.Driver.BiasMv + " mV");
        }

        [TestMethod]
        public void NoCurrent_ReadsZero()
        {
            var rig = new CurrentClampRig(50);

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Measure());
            Assert.AreEqual(0, rig.Driver.CurrentRmsMa);
            Assert.AreEqual(1650, rig.Driver.BiasMv);
            Assert.AreEqual(0, rig.Driver.ClippedSamples);
        }

        [TestMethod]
        public void ClippedWaveform_IsOutOfRange()
        {
            // 40 A RMS at 30 A/V is 1.886 V peak on a 1.65 V bias: both rails are hit.
            var rig = new CurrentClampRig(50);
            rig.SetCurrentRmsA(40.0);

            SensorStatus status = rig.Driver.Measure();

            Assert.AreEqual(SensorStatus.OutOfRange, status);
            Assert.IsTrue(rig.Driver.ClippedSamples > 0);
            Assert.IsTrue(rig.Driver.CurrentRmsMa < 40000);
        }

        [TestMethod]
        public void BiasNearARail_ClipsOneSideAndIsOutOfRange()
        {
            // A broken divider leg: bias at 3.2 V, 5 A RMS (0.236 V peak) runs into the top rail.
            var rig = new CurrentClampRig(60);
            rig.Adc.BiasMillivolts = 3200.0;
            rig.SetCurrentRmsA(5.0);

            Assert.AreEqual(SensorStatus.OutOfRange, rig.Driver.Measure());
        }

        [TestMethod]
        public void AdcFault_IsBusErrorAndKeepsTheLastReading()
        {
            var rig = new CurrentClampRig(50);
            rig.SetCurrentRmsA(8.0);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Measure());
            int lastMa = rig.Driver.CurrentRmsMa;

            rig.Faults.Unplugged = true;

            Assert.AreEqual(SensorStatus.BusError, rig.Driver.Measure());
            Assert.AreEqual(lastMa, rig.Driver.CurrentRmsMa);
        }

        [TestMethod]
        public void StuckConverter_ReadsAFlatLineAsZeroCurrent()
        {
            var rig = new CurrentClampRig(50);
            rig.SetCurrentRmsA(8.0);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Measure());

            rig.Faults.Stuck = true;

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Measure());
            Assert.AreEqual(0, rig.Driver.CurrentRmsMa);
        }

        [TestMethod]
        public void CalibrationConstant_ScalesTheResult()
        {
            // The same 0.2 V RMS at the pin: 6 A on an SCT-013-030, 20 A on an SCT-013-100 (100 A per volt).
            var clock = new ManualClock();
            var signals = new ToneSignals();
            var adc = new AdcBurstModel(clock, signals, new ChipFaults());
            adc.AmpsPerVolt = 100.0;
            signals.CurrentPeakA = 20.0 * 1.4142135623730951;
            var driver = new CurrentClampDriver(adc, 50, 100000);

            Assert.AreEqual(SensorStatus.Ok, driver.Measure());
            AssertWithinBound(20.0, driver.CurrentRmsMa);
        }

        [TestMethod]
        public void RateAboveTheAdcsMaximum_IsAProgrammingError()
        {
            var clock = new ManualClock();
            var adc = new AdcBurstModel(clock, new ToneSignals(), new ChipFaults(), 4095, 3300, 1000);
            bool threw = false;
            try
            {
                new CurrentClampDriver(adc, 50, 30000);
            }
            catch (ArgumentOutOfRangeException)
            {
                threw = true;
            }

            Assert.IsTrue(threw);
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
