using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Node;
using SensorNode.Drivers.CurrentClamp;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>
    /// The CT clamp measured in chunks on the virtual board, whose ADC takes its real time: the accelerometer's FIFO
    /// (32 frames, 10 ms at 3200 Hz) is drained around every chunk, so no frame is lost while current is measured, and the
    /// current still reads the machine's RMS.
    /// </summary>
    [TestClass]
    public class ChunkedCurrentTests
    {
        [TestMethod]
        public void AWindowKeepsAllItsFramesWhileCurrentIsMeasured()
        {
            using var rig = new NodeRig(new Scenario("running", "Running at 75 % load.",
                new[] { ScheduleSegment.Running(TestScenarios.Minutes(10), 0.75) }, System.Array.Empty<ScenarioEvent>(),
                ScenarioCatalogue.WatchTimeScale));
            int windows = 0;
            int fullWindows = 0;
            int framesLost = 0;
            int currentWindows = 0;
            int minCurrentMa = int.MaxValue;
            int maxCurrentMa = 0;
            rig.Publisher.WindowSeen = snapshot =>
            {
                // The first windows after boot hold the accelerometer's start-up.
                if (snapshot.WindowCount <= 5)
                {
                    return;
                }

                windows++;
                fullWindows += snapshot.VibrationFrames == 3200 ? 1 : 0;
                framesLost += snapshot.VibrationFramesLost;
                if (snapshot.FeatureValid(NodeFeatures.Current))
                {
                    currentWindows++;
                    int currentMa = snapshot.FeatureValue(NodeFeatures.Current);
                    minCurrentMa = System.Math.Min(minCurrentMa, currentMa);
                    maxCurrentMa = System.Math.Max(maxCurrentMa, currentMa);
                }
            };
            long busyBeforeUs = rig.Board.ClampAdcTimed.BusyUs;

            rig.RunUntilMinute(3);

            Assert.IsTrue(windows > 170, "windows " + windows);
            Assert.AreEqual(windows, fullWindows, "windows without all 3200 frames");
            Assert.AreEqual(0, framesLost);
            Assert.AreEqual(windows, currentWindows, "windows without a current reading");

            // 6.36 A at 75 % load on the simulated motor; the chunks' phase bins make the RMS exact on the ideal ADC.
            double expectedMa = rig.Board.Machine.MotorCurrentRmsA(TestScenarios.Minutes(2)) * 1000;
            Assert.IsTrue(System.Math.Abs(minCurrentMa - expectedMa) <= 0.002 * expectedMa + 10, "current " + minCurrentMa + " vs " + expectedMa);
            Assert.IsTrue(System.Math.Abs(maxCurrentMa - expectedMa) <= 0.002 * expectedMa + 10, "current " + maxCurrentMa + " vs " + expectedMa);

            // The converter really took its time: 400 samples of 0.5 ms per window, 20 % of it.
            double busyPerWindowMs = (rig.Board.ClampAdcTimed.BusyUs - busyBeforeUs) / 1000.0 / (rig.Minutes * 60);
            Assert.IsTrue(busyPerWindowMs > 150 && busyPerWindowMs < 250, "ADC busy " + busyPerWindowMs + " ms per window");
        }

        [TestMethod]
        public void ABlockingBurstWouldOverflowTheFifo()
        {
            // What the chunks avoid: the old 400 ms burst between two drains loses most of the window's samples.
            using var rig = new NodeRig(new Scenario("running", "Running at 75 % load.",
                new[] { ScheduleSegment.Running(TestScenarios.Minutes(10), 0.75) }, System.Array.Empty<ScenarioEvent>(),
                ScenarioCatalogue.WatchTimeScale));
            rig.RunUntilMinute(0.2);
            var burst = new CurrentClampDriver(rig.Board.ClampAdcTimed, VirtualBoard.MainsHz, VirtualBoard.ClampMilliampsPerVolt);

            Assert.AreEqual(Drivers.SensorStatus.Ok, burst.Measure());

            var counts = new short[32 * 3];
            Assert.AreEqual(SensorReadStatus.Overrun, rig.Node.FrontEnd.ReadVibration(counts, 0, 32, out int frames));
            Assert.AreEqual(32, frames);
        }
    }
}
