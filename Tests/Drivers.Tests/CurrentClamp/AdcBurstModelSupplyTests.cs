using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.CurrentClamp
{
    /// <summary>The CT clamp's ADC model with its bias divider on a switched rail: no bias while off, an RC charge after.</summary>
    [TestClass]
    public class AdcBurstModelSupplyTests
    {
        // 1650 mV on 3300 mV full scale, 12 bits.
        private const int BiasCounts = 2048;

        [TestMethod]
        public void RailOff_TheBiasIsGone()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            var adc = new AdcBurstModel(clock, new ToneSignals(), new ChipFaults(), rail);
            short[] counts = new short[4];

            Assert.AreEqual(BusStatus.Ok, adc.ReadBurst(counts, 0, 4, 2000));
            Assert.AreEqual((short)0, counts[0]);
            Assert.AreEqual((short)0, counts[3]);
        }

        [TestMethod]
        public void AfterSwitchOn_TheBiasChargesWithItsTimeConstant()
        {
            var clock = new ManualClock();
            var rail = new SupplyRail(clock);
            var adc = new AdcBurstModel(clock, new ToneSignals(), new ChipFaults(), rail);
            adc.BiasTimeConstantMs = 6.0;
            short[] counts = new short[1];
            clock.AdvanceMs(500);
            rail.Write(true);

            clock.AdvanceMs(6);
            adc.ReadBurst(counts, 0, 1, 2000);
            int oneTau = counts[0];
            clock.AdvanceMs(60);
            adc.ReadBurst(counts, 0, 1, 2000);

            // 1 - 1/e = 63.2 % after one time constant; within a count of the full bias after ten.
            Assert.IsTrue(oneTau >= 1292 && oneTau <= 1297, "after 1 tau: " + oneTau);
            Assert.IsTrue(counts[0] >= BiasCounts - 1 && counts[0] <= BiasCounts, "after 11 tau: " + counts[0]);
        }

        [TestMethod]
        public void WithoutARail_TheBiasIsThereAtOnce()
        {
            var clock = new ManualClock();
            var adc = new AdcBurstModel(clock, new ToneSignals(), new ChipFaults());
            short[] counts = new short[1];

            adc.ReadBurst(counts, 0, 1, 2000);
            Assert.AreEqual((short)BiasCounts, counts[0]);
        }
    }
}
