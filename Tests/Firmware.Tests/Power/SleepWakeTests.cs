using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Power
{
    [TestClass]
    public class SleepWakeTests
    {
        [TestMethod]
        public void QuietWakeDecidesAndSleepsWithoutRadioEventsOrWrites()
        {
            PowerRig rig = Sleeping();
            int writes = rig.Storage.MutatingOperations;

            PowerRig woken = rig.WakeUp(WakeCause.Timer);
            Assert.IsTrue(woken.Power.PlannedWake);
            Assert.AreEqual((int)PowerMode.Sleep, (int)woken.Power.Mode);
            Assert.AreEqual("timer", woken.Core.Snapshot.WakeCause);
            woken.RunUntilDeepSleep(10000);

            // One quick window, no boot event, no network, nothing written.
            Assert.AreEqual(1L, woken.Core.Snapshot.WindowCount);
            Assert.IsTrue(woken.SleptAtMs <= SensorNodeCore.QuickWindowMs + 2 * PowerRig.TickMs, woken.SleptAtMs.ToString());
            Assert.AreEqual(0, woken.Announcer.EventsSeen);
            Assert.AreEqual(0, woken.Network.Starts);
            Assert.AreEqual(writes, woken.Storage.MutatingOperations);
            Assert.IsTrue(woken.SleptAtMs + woken.SleptMs >= 299000 && woken.SleptAtMs + woken.SleptMs <= 301000);
        }

        [TestMethod]
        public void ARunningMachineWakeTakesTheQuickWindowAndOneFullWindowWithVelocity()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(20000);
            rig.Command("mode sleep");
            rig.RunUntilDeepSleep(30000);

            PowerRig woken = rig.WakeUp(WakeCause.Timer);
            Assert.IsTrue(woken.Power.PlannedWake);
            woken.RunUntilDeepSleep(10000);

            long burstMs = SensorNodeCore.QuickWindowMs + SensorNodeCore.WindowMs;
            Assert.AreEqual(2L, woken.Core.Snapshot.WindowCount);
            Assert.IsTrue(woken.SleptAtMs >= burstMs && woken.SleptAtMs <= burstMs + 2 * PowerRig.TickMs, woken.SleptAtMs.ToString());
            Assert.IsTrue(woken.Core.Snapshot.FeatureValid(NodeFeatures.VelocityRms));
            Assert.AreEqual(0, woken.Network.Starts);
        }

        [TestMethod]
        public void ASleepRightAfterAWriteWhileAwakeIsStillAPlannedOne()
        {
            // An offline node forced to sleep from the console, which keeps it awake a minute: the mode change is written
            // while awake (a minute after boot), and nothing else changes (no report) before the deep sleep.
            var rig = new PowerRig(PowerRig.Fast);
            rig.Network.Configured = false;
            rig.Boot();
            rig.RunFor(5000);
            rig.Command("mode sleep");
            rig.Power.NoteConsoleActivity();
            rig.RunUntilDeepSleep(120000);
            Assert.IsTrue(rig.SleptAtMs >= PowerManager.ConsoleAwakeMs, rig.SleptAtMs.ToString());

            PowerRig woken = rig.WakeUp(WakeCause.Timer);
            Assert.IsTrue(woken.Power.PlannedWake);
            Assert.AreEqual((int)PowerMode.Sleep, (int)woken.Power.Mode);
            Assert.IsTrue(woken.Newest(EventType.Boot) == null);
        }

        [TestMethod]
        public void ARoutineWakeDoesNotReportAMissingConfigFileAgainButACorruptOneItDoes()
        {
            // The first boot said "defaults, no file"; a routine wake without the file says nothing and stays quiet.
            PowerRig rig = Sleeping();
            PowerRig woken = rig.WakeUp(WakeCause.Timer, ConfigLoadOutcome.Defaults);
            Assert.IsTrue(woken.Newest(EventType.Config) == null);
            woken.RunUntilDeepSleep(10000);
            Assert.AreEqual(0, woken.Network.Starts);

            // A corrupt file is news on any boot, and so is a missing one after a reset.
            PowerRig corrupt = woken.WakeUp(WakeCause.Timer, ConfigLoadOutcome.Recovered);
            Assert.AreEqual("corrupt_file", corrupt.Newest(EventType.Config).Reason);
            PowerRig reset = rig.WakeUp(WakeCause.PowerOn, ConfigLoadOutcome.Defaults);
            Assert.AreEqual("no_file", reset.Newest(EventType.Config).Reason);
        }

        [TestMethod]
        public void HeartbeatReportsOnlyWhenDue()
        {
            // Wakes every 300 s, heartbeat every 3600 s: the 12th wake after the report joins the network again.
            PowerRig rig = Sleeping();
            int joined = 0;
            for (int wake = 1; wake <= 12; wake++)
            {
                rig = rig.WakeUp(WakeCause.Timer);
                rig.RunUntilDeepSleep(60000);
                if (rig.Network.Starts > 0)
                {
                    joined = wake;
                    break;
                }
            }

            Assert.AreEqual(12, joined);
            Assert.IsTrue(rig.Log.IndexOf("availability:sleeping", 0) >= 0);
        }

        [TestMethod]
        public void EventOnAWakeWithoutTheRadioRestartsWithItAndIsPublishedThen()
        {
            PowerRig rig = Sleeping();
            Assert.IsFalse(rig.Network.RadioAtNextBoot, "a quiet wake was due: no radio for it");
            rig.Sensors.Running = true;
            PowerRig woken = rig.WakeUp(WakeCause.Timer);
            Assert.IsFalse(woken.Network.RadioAvailable);

            // The machine starts: the burst lasts the debounce, then the node cannot send, so it restarts with the radio.
            woken.RunUntilDeepSleep(10000);
            Assert.IsTrue(woken.Log.IndexOf("event:machine:running", 0) >= 0);
            Assert.AreEqual(0, woken.Network.Starts);
            Assert.IsTrue(woken.Network.RadioAtNextBoot);
            Assert.AreEqual((int)PowerManager.MinSleepMs, woken.SleptMs);

            // The next boot has the radio: active mode, the network joined, everything delivered.
            PowerRig radio = woken.WakeUp(WakeCause.Timer);
            Assert.IsTrue(radio.Network.RadioAvailable);
            radio.RunFor(10000);
            Assert.AreEqual((int)PowerMode.Active, (int)radio.Power.Mode);
            Assert.IsTrue(radio.Log.IndexOf("power:active:machine_running", 0) >= 0);
            Assert.IsTrue(radio.Network.IsUp);
            Assert.IsTrue(radio.Log.IndexOf("delivered", 0) >= 0);
        }

        [TestMethod]
        public void OnlyTheWakeBeforeWhichAReportIsDueBootsWithTheRadio()
        {
            // Wakes every 300 s, heartbeat every 3600 s: eleven wakes without the radio, the twelfth with it.
            PowerRig rig = Sleeping();
            for (int wake = 1; wake <= 12; wake++)
            {
                bool radioNext = rig.Network.RadioAtNextBoot;
                rig = rig.WakeUp(WakeCause.Timer);
                Assert.AreEqual(radioNext, rig.Network.RadioAvailable);
                Assert.AreEqual(wake == 12, rig.Network.RadioAvailable, "wake " + wake);
                rig.RunUntilDeepSleep(60000);
                Assert.AreEqual(wake == 12 ? 1 : 0, rig.Network.Starts, "wake " + wake);

                // The stored choice (a flash write on the device) changes only around the report: on before it, off after.
                Assert.AreEqual(wake >= 11 ? 1 : 0, rig.Network.RadioChoiceChanges, "wake " + wake);
            }

            Assert.IsFalse(rig.Network.RadioAtNextBoot);
        }

        [TestMethod]
        public void AChoiceThatCannotBeStoredIsAnErrorNotARestartLoop()
        {
            PowerRig rig = Sleeping();
            rig.Sensors.Running = true;
            PowerRig woken = rig.WakeUp(WakeCause.Timer);
            woken.Network.ChoiceStoreFails = true;

            // The machine starts, so the node goes active, but the next boot's radio cannot be stored: one error event,
            // and the node runs on offline (its events queued) instead of restarting again and again.
            Assert.IsFalse(woken.RunFor(30000), "restarted although the radio could not be had");
            Assert.AreEqual((int)PowerMode.Active, (int)woken.Power.Mode);
            NodeEvent error = woken.Newest(EventType.Error);
            Assert.IsNotNull(error);
            Assert.AreEqual("power", error.Channel);
            Assert.AreEqual(PowerReasons.RadioChoiceFailed, error.Reason);
            Assert.AreEqual(1, woken.Log.Occurrences("event:error:error"));
            Assert.AreEqual(0, woken.Network.Starts);
        }

        [TestMethod]
        public void ActiveModeReachedWithoutTheRadioRestartsWithIt()
        {
            // A power cut while the radio was chosen off, the machine started meanwhile: the node boots active (a
            // power-on) with no radio.
            PowerRig rig = Sleeping();
            rig.Sensors.Running = true;
            PowerRig cut = rig.WakeUp(WakeCause.PowerOn);
            Assert.IsFalse(cut.Network.RadioAvailable);
            cut.RunUntilDeepSleep(5000);
            Assert.AreEqual((int)PowerManager.MinSleepMs, cut.SleptMs);
            Assert.IsTrue(cut.Network.RadioAtNextBoot);

            PowerRig radio = cut.WakeUp(WakeCause.Timer);
            radio.RunFor(5000);
            Assert.AreEqual((int)PowerMode.Active, (int)radio.Power.Mode);
            Assert.AreEqual(1, radio.Network.Starts);
            Assert.IsTrue(radio.Network.IsUp);
        }

        [TestMethod]
        public void TimeAwakeIsBoundedWhenTheBrokerIsDown()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Announcer.BrokerUp = false;
            rig.Boot();
            rig.RunUntilDeepSleep(200000);

            // Entering sleep: the announcement could not be delivered; given up after awake_max_s (20 s) plus the hand-over.
            long sleepMs = rig.Power.ModeSinceMs;
            Assert.IsTrue(rig.SleptAtMs - sleepMs <= 20000 + PowerManager.HandOverMs + 1000);
            Assert.IsTrue(rig.Announcer.PendingSaves == 1);
            Assert.IsTrue(rig.Announcer.DeliveredSeq < rig.Announcer.LastSeq);

            // Each following wake tries again (events are still waiting), and gives up again in the same time.
            for (int wake = 0; wake < 3; wake++)
            {
                rig = rig.WakeUp(WakeCause.Timer);
                rig.Announcer.BrokerUp = false;
                rig.RunUntilDeepSleep(60000);
                Assert.AreEqual(1, rig.Network.Starts);
                Assert.IsTrue(rig.SleptAtMs <= 20000 + PowerManager.HandOverMs + 1000);
                Assert.IsTrue(rig.Power.Ledger.AwakeMs <= 20000 + PowerManager.HandOverMs + 1000);
            }

            // The broker is back: the next wake delivers and stops trying.
            rig = rig.WakeUp(WakeCause.Timer);
            rig.RunUntilDeepSleep(60000);
            Assert.IsTrue(rig.Log.IndexOf("delivered", 0) >= 0);
            rig = rig.WakeUp(WakeCause.Timer);
            rig.RunUntilDeepSleep(60000);
            Assert.AreEqual(0, rig.Network.Starts);
        }

        [TestMethod]
        public void PinWakeRecordsTheBootEventWithItsCause()
        {
            PowerRig woken = Sleeping().WakeUp(WakeCause.Pin);
            Assert.IsFalse(woken.Power.PlannedWake);
            NodeEvent boot = woken.Newest(EventType.Boot);
            Assert.IsNotNull(boot);
            Assert.AreEqual("pin", boot.Reason);
        }

        // A node that went to sleep with the machine off and reported on the way.
        private static PowerRig Sleeping()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Boot();
            rig.RunUntilDeepSleep(200000);
            Assert.AreEqual((int)PowerMode.Sleep, (int)rig.Power.Mode);
            return rig;
        }
    }
}
