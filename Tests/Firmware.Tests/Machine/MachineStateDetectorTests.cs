using SensorNode.Core.Machine;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Machine
{
    [TestClass]
    public class MachineStateDetectorTests
    {
        // Defaults: off below 200 mA and 5 milli-g; running from 1000 mA or 20 milli-g;
        // debounce 3 windows; dwell 10 s.
        private static MachineStateDetector Detector()
        {
            return new MachineStateDetector(new MachineStateParameters());
        }

        [TestMethod]
        [DataRow(0, 0, (byte)0)]
        [DataRow(199, 39, (byte)0)]
        [DataRow(200, 0, (byte)1)]
        [DataRow(0, 40, (byte)1)]
        [DataRow(999, 79, (byte)1)]
        [DataRow(1000, 0, (byte)2)]
        [DataRow(0, 80, (byte)2)]
        [DataRow(5000, 100, (byte)2)]
        public void Classify_UsesThresholds(int currentMa, int vibrationMilliG, byte expected)
        {
            Assert.AreEqual((MachineState)expected, Detector().Classify(currentMa, vibrationMilliG));
        }

        [TestMethod]
        public void StartsOffAndChangesAfterDebounce()
        {
            MachineStateDetector detector = Detector();
            Assert.AreEqual(MachineState.Off, detector.State);
            detector.Update(3000, 50, 1000);
            detector.Update(3000, 50, 2000);
            Assert.AreEqual(MachineState.Off, detector.State);
            Assert.IsFalse(detector.StateChanged);
            detector.Update(3000, 50, 3000);
            Assert.IsTrue(detector.StateChanged);
            Assert.AreEqual(MachineState.Running, detector.State);
            Assert.AreEqual(MachineState.Off, detector.PreviousState);
            Assert.AreEqual(3000L, detector.ChangedAtMs);
            Assert.IsTrue(detector.IsRunning);
            Assert.AreEqual(1, detector.ChangeCount);
        }

        [TestMethod]
        public void InterruptedDebounceStartsAgain()
        {
            MachineStateDetector detector = Detector();
            detector.Update(3000, 50, 1000);
            detector.Update(3000, 50, 2000);
            detector.Update(0, 0, 3000);
            detector.Update(3000, 50, 4000);
            detector.Update(3000, 50, 5000);
            Assert.AreEqual(MachineState.Off, detector.State);
            detector.Update(3000, 50, 6000);
            Assert.AreEqual(MachineState.Running, detector.State);
        }

        [TestMethod]
        public void DisagreeingCandidatesDoNotAddUp()
        {
            MachineStateDetector detector = Detector();
            detector.Update(3000, 50, 1000);
            detector.Update(500, 0, 2000);
            detector.Update(3000, 50, 3000);
            Assert.AreEqual(MachineState.Off, detector.State);
        }

        [TestMethod]
        public void MinimumDwellHoldsTheStateThenLetsItChange()
        {
            MachineStateDetector detector = Detector();
            for (int i = 1; i <= 3; i++)
            {
                detector.Update(3000, 50, i * 1000L);
            }

            Assert.AreEqual(MachineState.Running, detector.State);

            // Debounced Idle readings from 4 s on: held until 10 s after the change at 3 s.
            long now = 4000;
            for (; now < 13000; now += 1000)
            {
                detector.Update(500, 10, now);
                Assert.AreEqual(MachineState.Running, detector.State);
            }

            detector.Update(500, 10, now);
            Assert.IsTrue(detector.StateChanged);
            Assert.AreEqual(MachineState.Idle, detector.State);
            Assert.AreEqual(13000L, detector.ChangedAtMs);
        }

        [TestMethod]
        public void SteadyReadingsNeverChangeState()
        {
            MachineStateDetector detector = Detector();
            for (int i = 0; i < 100; i++)
            {
                detector.Update(0, 0, i * 1000L);
                Assert.IsFalse(detector.StateChanged);
            }

            Assert.AreEqual(0, detector.ChangeCount);
        }

        [TestMethod]
        public void InconsistentThresholdsAreRejected()
        {
            MachineStateParameters p = new MachineStateParameters();
            p.CurrentRunMa = p.CurrentOffMa - 1;
            SensorNode.Core.Tests.Support.AssertThrows.Exactly(typeof(System.ArgumentOutOfRangeException), () => new MachineStateDetector(p));
        }
    }
}
