using System;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>
    /// One simulated week of a node under one <see cref="EnergyPolicy"/>, through the real firmware: the scheduler
    /// (<see cref="SensorNodeCore"/>), the <see cref="PowerManager"/> with its state file, and the real
    /// <see cref="MqttPublisher"/> with its event sequence and pending-event files, on a virtual clock. Every deep sleep is
    /// a restart: new objects built from what the flash holds, as on the chip. The sensors are the cheap
    /// <see cref="WeekFrontEnd"/> and the broker is <see cref="CountingTransport"/>; what the run yields is the firmware's
    /// own <see cref="PowerLedger"/> and the radio traffic, which <see cref="EnergyResult"/> turns into current.
    /// </summary>
    internal static class EnergyRun
    {
        // The FIFO's 32 frames at the harness's 400 Hz: one tick per watermark, as on the device.
        private const int TickMs = 32 * 1000 / WeekFrontEnd.RateHz;

        public static EnergyResult Run(EnergyPolicy policy)
        {
            var world = new VirtualClock();
            var storage = new CountingStorage(new RamFileStorage());
            var settings = new ConfigStore(SettingsTable.All);
            Set(settings, "mqtt.host", "broker.plant");
            Set(settings, "wifi.ssid", "plant");
            for (int i = 0; i + 1 < policy.Settings.Length; i += 2)
            {
                Set(settings, policy.Settings[i], policy.Settings[i + 1]);
            }

            if (settings.Save(storage) != ConfigResult.Ok)
            {
                throw new InvalidOperationException("config not saved");
            }

            var frontEnd = new WeekFrontEnd(world);
            // The ESP32's radio at a restart, joining in WifiJoinMs; a boot's join is counted from the firmware's first
            // tick, not overlapped with the boot, which errs on the high side.
            var network = new VirtualNetworkLink(true, world, EnergyCurrents.WifiJoinMs);
            var transport = new CountingTransport(network, world);
            var ledger = new PowerLedger();
            WakeCause cause = WakeCause.PowerOn;
            var wakes = new WakeStatistics();
            while (world.MonotonicMs < WeekSchedule.WeekMs)
            {
                long awakeBeforeMs = ledger.AwakeMs;
                int startsBefore = ledger.NetworkStarts;
                bool woken = cause == WakeCause.Timer;
                var config = new ConfigStore(SettingsTable.All);
                ConfigLoadOutcome outcome = config.Load(storage);
                var publisher = new MqttPublisher(transport, world, null);
                var core = new SensorNodeCore(config, frontEnd, new BootClock(world), publisher, null, "node-energy");
                publisher.Attach(core, new CommandInterpreter(core, storage, new NoReboot()), storage);
                var sleep = new VirtualSleepControl(world, cause, () => false);
                network.Reboot();
                var power = new PowerManager(core, sleep, network, publisher, frontEnd, new NodeStateStore(storage), ledger);
                power.Boot(cause, outcome);
                if (cause == WakeCause.PowerOn && policy.Forced != PowerModeRequest.Auto)
                {
                    core.RequestPowerMode(policy.Forced, "console");
                }

                cause = WakeCause.Timer;
                try
                {
                    while (world.MonotonicMs < WeekSchedule.WeekMs)
                    {
                        world.AdvanceMs(TickMs);
                        core.RunOnce();
                        publisher.Service();
                        power.RunOnce();
                    }
                }
                catch (DeepSleepRestartException)
                {
                    // The chip restarts from its flash: the next turn of the loop boots it.
                    if (woken)
                    {
                        wakes.Add(ledger.AwakeMs - awakeBeforeMs, ledger.NetworkStarts > startsBefore);
                    }
                }
            }

            long worst = 0;
            int missed = 0;
            foreach (long onset in WeekSchedule.FaultOnsetsMs)
            {
                long delivered = -1;
                foreach (long at in transport.AlarmDeliveriesMs)
                {
                    if (at >= onset)
                    {
                        delivered = at;
                        break;
                    }
                }

                if (delivered < 0 || delivered > onset + WeekSchedule.FaultMs)
                {
                    missed++;
                }
                else
                {
                    worst = Math.Max(worst, delivered - onset);
                }
            }

            return new EnergyResult(policy, ledger, frontEnd.TemperatureReads, transport.Messages, transport.Bytes,
                transport.Connects, storage.Mutations, network.RadioChoiceWrites, worst, missed, wakes);
        }

        private static void Set(ConfigStore config, string key, string value)
        {
            if (config.TrySet(key, value, SettingSource.Console, out string error) != ConfigResult.Ok)
            {
                throw new ArgumentException(key + ": " + error);
            }
        }

        private sealed class NoReboot : ISystemControl
        {
            public void RequestReboot()
            {
            }
        }
    }
}
