using System;
using System.Threading;
using nanoFramework.Hardware.Esp32;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="ISleepControl"/> over nanoFramework's ESP32 <see cref="Sleep"/> class.</summary>
    /// <remarks>
    /// <para>Light sleep arms the timer (and, when asked, UART wake on COM2 after <see cref="ConsoleWakeEdges"/> RX
    /// edges; ESP-IDF loses the characters that wake the chip, so the technician presses Enter once). nanoFramework has
    /// no call to disarm a wake source, so once console wake has been armed it stays armed for later light sleeps.</para>
    /// <para>ESP-IDF refuses light sleep while Wi-Fi or Bluetooth is running (<see cref="EspNativeError.INVALID_STATE"/>);
    /// then this class sleeps the thread instead, so the caller still gets its delay and a <see cref="WakeCause.Timer"/>.</para>
    /// <para>Deep sleep arms the timer and never returns: the chip restarts and <see cref="BootWakeCause"/> of the next
    /// run reads <see cref="WakeCause.Timer"/>.</para>
    /// </remarks>
    public sealed class Esp32SleepControl : ISleepControl
    {
        /// <summary>RX level changes the UART counts before it wakes the chip.</summary>
        public const int ConsoleWakeEdges = 3;

        public Esp32SleepControl()
        {
            BootWakeCause = ToWakeCause(Sleep.GetWakeupCause());
        }

        public WakeCause BootWakeCause { get; }

        public WakeCause LightSleep(int durationMs, bool wakeOnConsole)
        {
            if (durationMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(durationMs));
            }

            Sleep.EnableWakeupByTimer(TimeSpan.FromMilliseconds(durationMs));
            if (wakeOnConsole)
            {
                Sleep.EnableWakeupByUart(Sleep.WakeUpPort.COM2, ConsoleWakeEdges);
            }

            if (Sleep.StartLightSleep() != EspNativeError.OK)
            {
                Thread.Sleep(durationMs);
                return WakeCause.Timer;
            }

            return ToWakeCause(Sleep.GetWakeupCause());
        }

        public void DeepSleep(int durationMs)
        {
            if (durationMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(durationMs));
            }

            Sleep.EnableWakeupByTimer(TimeSpan.FromMilliseconds(durationMs));
            Sleep.StartDeepSleep();
        }

        private static WakeCause ToWakeCause(Sleep.WakeupCause cause)
        {
            switch (cause)
            {
                case Sleep.WakeupCause.Undefined:
                    return WakeCause.PowerOn;
                case Sleep.WakeupCause.Timer:
                    return WakeCause.Timer;
                case Sleep.WakeupCause.Uart:
                    return WakeCause.ConsoleUart;
                case Sleep.WakeupCause.Ext0:
                case Sleep.WakeupCause.Ext1:
                case Sleep.WakeupCause.Gpio:
                    return WakeCause.Pin;
                default:
                    return WakeCause.Other;
            }
        }
    }
}
