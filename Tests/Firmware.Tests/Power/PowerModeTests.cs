using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Core.Tests.Node;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Power
{
    [TestClass]
    public class PowerModeTests
    {
        [TestMethod]
        public void RunningMachineKeepsTheNodeActiveWithTheRadioListening()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            Assert.IsFalse(rig.RunFor(120000));
            Assert.AreEqual((int)PowerMode.Active, (int)rig.Power.Mode);
            Assert.AreEqual("active", rig.Core.Snapshot.PowerMode);
            Assert.AreEqual(0, rig.Sleep.LightSleeps);
            Assert.IsTrue(rig.Network.IsUp);
            Assert.IsFalse(rig.Network.PowerSave);
        }

        [TestMethod]
        public void StoppedMachineGoesToEcoOnlyAfterTheDwell()
        {
            var settings = new string[PowerRig.Fast.Length];
            for (int i = 0; i < settings.Length; i++)
            {
                settings[i] = PowerRig.Fast[i];
            }

            settings[9] = "off";
            var rig = new PowerRig(settings);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(20000);
            rig.Sensors.Running = false;

            // Off after the 3-window debounce; 30 s of not running before eco.
            rig.RunFor(25000);
            Assert.AreEqual((int)PowerMode.Active, (int)rig.Power.Mode);
            rig.RunFor(10000);
            Assert.AreEqual((int)PowerMode.Eco, (int)rig.Power.Mode);
            NodeEvent power = rig.Newest(EventType.Power);
            Assert.AreEqual("eco", power.Level);
            Assert.AreEqual("machine_off", power.Reason);

            // Sleep is disabled: however long it stays off, eco with light sleeps between bursts, radio in power save.
            Assert.IsFalse(rig.RunFor(600000));
            Assert.AreEqual((int)PowerMode.Eco, (int)rig.Power.Mode);
            Assert.IsTrue(rig.Sleep.LightSleeps >= 25);
            // Each burst of a stopped machine is one quick window.
            Assert.IsTrue(rig.Sleep.LastLightSleepMs >= 20000 - SensorNodeCore.QuickWindowMs - 3 * PowerRig.TickMs
                && rig.Sleep.LastLightSleepMs < 20000, rig.Sleep.LastLightSleepMs.ToString());
            Assert.IsTrue(rig.Network.PowerSave);
            Assert.IsTrue(rig.Power.Ledger.LightSleepMs > rig.Power.Ledger.AwakeMs);
        }

        [TestMethod]
        public void MachineOffLongEnoughGoesThroughEcoToDeepSleep()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(20000);
            rig.Sensors.Running = false;
            rig.RunUntilDeepSleep(120000);

            // Eco after 30 s, sleep after 60 s of off.
            Assert.IsTrue(rig.Log.IndexOf("power:eco:machine_off", 0) >= 0);
            Assert.IsTrue(rig.Log.IndexOf("power:eco:machine_off", 0) < rig.Log.IndexOf("power:sleep:machine_off", 0));
            Assert.AreEqual((int)PowerMode.Sleep, (int)rig.Power.Mode);
            Assert.IsTrue(rig.SleptMs > 250000 && rig.SleptMs <= 300000);
        }

        [TestMethod]
        public void EveryChangeIsAnnouncedBeforeItTakesEffect()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(20000);
            rig.Sensors.Running = false;
            rig.RunUntilDeepSleep(120000);
            CallLog log = rig.Log;

            // Eco: power topic, then the event, then the radio's power save and the first light sleep.
            int ecoPower = log.IndexOf("power:eco:machine_off", 0);
            int ecoEvent = log.IndexOf("event:power:eco", 0);
            Assert.IsTrue(ecoPower >= 0 && ecoPower < ecoEvent);
            Assert.IsTrue(ecoEvent < log.IndexOf("radio:powersave", ecoEvent));
            Assert.IsTrue(ecoEvent < log.IndexOf("lightsleep:console", ecoEvent));

            // Sleep: power topic and event, delivered, then availability sleeping and a clean hand-over, then deep sleep.
            int sleepPower = log.IndexOf("power:sleep:machine_off", 0);
            int sleepEvent = log.IndexOf("event:power:sleep", sleepPower);
            int delivered = log.IndexOf("delivered", sleepEvent);
            int sleeping = log.IndexOf("availability:sleeping", delivered);
            int deepSleep = log.IndexOf("deepsleep", sleeping);
            Assert.IsTrue(sleepPower >= 0 && sleepPower < sleepEvent);
            Assert.IsTrue(sleepEvent < delivered && delivered < sleeping && sleeping < deepSleep);
            Assert.IsTrue(log.IndexOf("savepending", sleeping) < deepSleep);
            Assert.IsTrue(log.IndexOf("radio:stop", sleeping) < deepSleep);

            // The mode in effect when each change was handed over was still the old one.
            Assert.AreEqual("active", rig.Announcer.ModeWhenFirstAnnounced("eco"));
            Assert.AreEqual("eco", rig.Announcer.ModeWhenFirstAnnounced("sleep"));
        }

        [TestMethod]
        public void ConsoleForcesAModeAndAutoReturnsToThePolicy()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(10000);
            rig.Command("mode eco");
            rig.RunFor(100);
            Assert.AreEqual((int)PowerMode.Eco, (int)rig.Power.Mode);
            Assert.IsTrue(rig.Log.IndexOf("power:eco:console", 0) >= 0);
            Assert.AreEqual("console", rig.Power.ModeReason);

            // Forced: the running machine does not bring it back.
            rig.RunFor(60000);
            Assert.AreEqual((int)PowerMode.Eco, (int)rig.Power.Mode);

            rig.Command("mode auto");
            rig.RunFor(30000);
            Assert.AreEqual((int)PowerMode.Active, (int)rig.Power.Mode);
            Assert.IsTrue(rig.Log.IndexOf("power:active:auto", 0) >= 0);
        }

        [TestMethod]
        public void FailedAnnouncementIsReportedAndTheModeWaitsForIt()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(5000);
            rig.Announcer.ThrowOnPower = true;
            rig.Command("mode eco");
            rig.RunFor(3000);

            // Not announced, so not taken; the failure is an error event and the loop goes on.
            Assert.AreEqual((int)PowerMode.Active, (int)rig.Power.Mode);
            NodeEvent error = rig.Newest(EventType.Error);
            Assert.AreEqual("power", error.Channel);
            Assert.AreEqual("InvalidOperationException", error.Reason);
            Assert.IsTrue(rig.Power.ErrorCount >= 1);

            rig.Announcer.ThrowOnPower = false;
            rig.RunFor(3000);
            Assert.AreEqual((int)PowerMode.Eco, (int)rig.Power.Mode);
        }

        [TestMethod]
        public void ForcedSleepSleepsEvenWhileTheMachineRuns()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Sensors.Running = true;
            rig.Boot();
            rig.RunFor(5000);
            rig.Command("mode sleep");
            rig.RunUntilDeepSleep(30000);
            Assert.IsTrue(rig.Log.IndexOf("power:sleep:console", 0) >= 0);

            // The wake keeps the request: a running machine gets a burst of windows, then sleeps again.
            PowerRig woken = rig.WakeUp(WakeCause.Timer);
            Assert.AreEqual((int)PowerModeRequest.Sleep, (int)woken.Core.Snapshot.RequestedPowerMode);
            woken.RunUntilDeepSleep(30000);
            Assert.IsTrue(woken.Core.Snapshot.WindowCount >= PowerManager.RunningBurstWindows);
        }

        [TestMethod]
        public void ConsoleWakeFromLightSleepIsReportedAndKeepsTheNodeAwake()
        {
            var rig = new PowerRig(PowerRig.Fast);
            rig.Boot();
            rig.Command("mode eco");
            rig.RunFor(25000);
            int sleeps = rig.Sleep.LightSleeps;
            Assert.IsTrue(sleeps > 0);

            rig.Sleep.ConsoleWaiting = true;
            while (rig.Sleep.ConsoleWaiting)
            {
                rig.RunFor(PowerRig.TickMs);
            }

            NodeEvent wake = rig.Newest(EventType.Power);
            Assert.AreEqual("wake_console_uart", wake.Reason);
            Assert.AreEqual("console_uart", rig.Core.Snapshot.WakeCause);
            rig.Command("status");
            Assert.IsTrue(TextSearch.Contains(rig.Reply.ToString(), "power eco (requested eco)  woke console_uart"), rig.Reply.ToString());
            int afterWake = rig.Sleep.LightSleeps;

            // A minute awake for the technician: no light sleep in the next 50 s.
            rig.RunFor(50000);
            Assert.AreEqual(afterWake, rig.Sleep.LightSleeps);
            rig.RunFor(40000);
            Assert.IsTrue(rig.Sleep.LightSleeps > afterWake);
            Assert.AreEqual("timer", rig.Core.Snapshot.WakeCause);
        }
    }
}
