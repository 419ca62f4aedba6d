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
    /// then this class sleeps the thread instead, in slices of <see cref="IdleSliceMs"/>, and returns
    /// <see cref="WakeCause.ConsoleUart"/> as soon as the console has input (when a console line was given), otherwise
    /// <see cref="WakeCause.Timer"/> after the whole delay.</para>
    /// <para>Deep sleep arms the timer and never returns: the chip restarts and <see cref="BootWakeCause"/> of the next
    /// run reads <see cref="WakeCause.Timer"/>.</para>
    /// </remarks>
    public sealed class Esp32SleepControl : ISleepControl
    {
        /// <summary>RX level changes the UART counts before it wakes the chip.</summary>
        public const int ConsoleWakeEdges = 3;

        /// <summary>Slice of a thread sleep standing in for a refused light sleep, ms: the console's worst-case delay.</summary>
        public const int IdleSliceMs = 100;

        private readonly SerialPortLine console;

        /// <summary>Sleep control; <paramref name="console"/> (or null) ends an idle wait early when it has input.</summary>
        public Esp32SleepControl(SerialPortLine console)
        {
            this.console = console;
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
                return IdleInstead(durationMs, wakeOnConsole);
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

        // Light sleep was refused (Wi-Fi on): wait on the thread, watching the console as the UART wake would.
        private WakeCause IdleInstead(int durationMs, bool wakeOnConsole)
        {
            int leftMs = durationMs;
            while (leftMs > 0)
            {
                if (wakeOnConsole && console != null && console.HasInput)
                {
                    return WakeCause.ConsoleUart;
                }

                int sliceMs = leftMs < IdleSliceMs ? leftMs : IdleSliceMs;
                Thread.Sleep(sliceMs);
                leftMs -= sliceMs;
            }

            return WakeCause.Timer;
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
