using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class SimulatedDigitalInputTests
    {
        [TestMethod]
        public void ARisingTriggerReportsRisingEdgesOnlyWithTheClocksTime()
        {
            var clock = new VirtualClock();
            var pin = new SimulatedDigitalInput(clock, PinEdgeTrigger.Rising, initiallyHigh: false);
            var edges = new List<string>();
            pin.Edge += (rising, us) => edges.Add(rising + "@" + us);

            clock.AdvanceUs(1250);
            pin.SetLevel(true);
            pin.SetLevel(true);
            clock.AdvanceUs(100);
            pin.SetLevel(false);

            CollectionAssert.AreEqual(new[] { "True@1250" }, edges);
            Assert.IsFalse(pin.Read());
        }

        [TestMethod]
        public void ABothTriggerReportsEveryChangeAndNoRepeats()
        {
            var clock = new VirtualClock();
            var pin = new SimulatedDigitalInput(clock, PinEdgeTrigger.Both, initiallyHigh: true);
            var edges = new List<bool>();
            pin.Edge += (rising, _) => edges.Add(rising);

            Assert.IsTrue(pin.Read());
            pin.SetLevel(true);
            pin.SetLevel(false);
            pin.SetLevel(false);
            pin.SetLevel(true);

            CollectionAssert.AreEqual(new[] { false, true }, edges);
        }

        [TestMethod]
        public void AFallingTriggerIgnoresRisingEdges()
        {
            var pin = new SimulatedDigitalInput(new VirtualClock(), PinEdgeTrigger.Falling, initiallyHigh: false);
            int count = 0;
            pin.Edge += (rising, _) =>
            {
                Assert.IsFalse(rising);
                count++;
            };

            pin.SetLevel(true);
            pin.SetLevel(false);
            Assert.AreEqual(1, count);
        }
    }
}
