using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class VirtualSleepControlTests
    {
        [TestMethod]
        public void LightSleepAdvancesTheClockByTheWholeDuration()
        {
            var clock = new VirtualClock();
            var sleep = new VirtualSleepControl(clock, WakeCause.PowerOn, () => false);
            Assert.AreEqual(WakeCause.Timer, sleep.LightSleep(1500, wakeOnConsole: true));
            Assert.AreEqual(1500L, clock.MonotonicMs);
        }

        [TestMethod]
        public void WaitingConsoleInputWakesAtOnceWhenAsked()
        {
            var clock = new VirtualClock();
            var sleep = new VirtualSleepControl(clock, WakeCause.PowerOn, () => true);
            Assert.AreEqual(WakeCause.ConsoleUart, sleep.LightSleep(1500, wakeOnConsole: true));
            Assert.AreEqual(0L, clock.MonotonicMs);

            Assert.AreEqual(WakeCause.Timer, sleep.LightSleep(1500, wakeOnConsole: false));
            Assert.AreEqual(1500L, clock.MonotonicMs);
        }

        [TestMethod]
        public void DeepSleepDoesNotReturnAndLeavesItsRequestBehind()
        {
            var clock = new VirtualClock();
            var sleep = new VirtualSleepControl(clock, WakeCause.PowerOn, () => false);
            Assert.AreEqual(-1, sleep.DeepSleepRequestedMs);

            var signal = Assert.ThrowsExactly<DeepSleepRestartException>(() => sleep.DeepSleep(60000));
            Assert.AreEqual(60000, signal.DurationMs);
            Assert.AreEqual(60000, sleep.DeepSleepRequestedMs);
            Assert.AreEqual(60000L, clock.MonotonicMs);
        }

        [TestMethod]
        public void TheBootCauseIsWhatTheNodeWasStartedWith()
        {
            var sleep = new VirtualSleepControl(new VirtualClock(), WakeCause.Timer, () => false);
            Assert.AreEqual(WakeCause.Timer, sleep.BootWakeCause);
        }

        [TestMethod]
        public void ANegativeDurationIsAProgrammingError()
        {
            var clock = new VirtualClock();
            var sleep = new VirtualSleepControl(clock, WakeCause.PowerOn, () => false);
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sleep.LightSleep(-1, false));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => sleep.DeepSleep(-1));
            Assert.AreEqual(0L, clock.MonotonicUs);
        }
    }
}
