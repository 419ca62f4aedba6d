using System;
using System.Text;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Core.Telemetry;
using SensorNode.Drivers;
using SensorNode.Hardware.Virtual.Board;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Node
{
    /// <summary>
    /// The virtual node's composition root: the real firmware core (<see cref="SensorNodeCore"/>, its console and its
    /// config) on a <see cref="VirtualBoard"/>, wired as the device app wires it on the ESP32. It moves only when told to:
    /// each <see cref="Step"/> advances the world clock by one scheduler tick and runs the firmware once, so a caller can
    /// pace it against wall time (the CLI) or run it as fast as it goes (tests).
    /// </summary>
    /// <remarks>
    /// <para>Boot, as on the device: load the config from the flash files (reporting a missing or corrupt file), build the
    /// drivers and front end at the configured vibration rate and range, the core, the command interpreter and the serial
    /// console, then start the core. The <c>reboot</c> command restarts the firmware after its reply: the node's clock
    /// starts again from 0 and unsaved settings are lost, while the machine, the chips and the flash files carry on.</para>
    /// <para>Every event the firmware records is also printed on the console line, one line each in the format of the
    /// <c>events</c> command, after the tick or the command that raised it (with piped input, after the replies to all the
    /// lines the console read in that poll). The device console does not do this (a technician asks with <c>events</c>);
    /// it is what the virtual node is for.</para>
    /// <para>Power, as on the device: the firmware's <see cref="PowerManager"/> boots the core and runs after every tick.
    /// Its light sleeps move the world's clock at once (console input ends them); a deep sleep moves it by the whole sleep
    /// and restarts the firmware from its flash files (config, node state, undelivered events, sequence numbers), woken by
    /// the timer: a simulated deep sleep is a real restart of the core from what it saved.</para>
    /// <para>Not thread-safe: one thread steps it.</para>
    /// </remarks>
    public sealed class VirtualNode : ISystemControl
    {
        /// <summary>Longest simulated time between two scheduler ticks, µs (the FIFO holds 10 ms at 3200 Hz).</summary>
        public const long MaxStepUs = 10000;

        private readonly IFileStorage _storage;
        private readonly ISerialLine _line;
        private readonly ITelemetryPublisher _publisher;
        private readonly ConsoleReply _echo = new ConsoleReply(SerialConsole.ReplyCapacityChars);
        private SerialConsole _console;
        private CommandInterpreter _interpreter;
        private long _echoedSeq;
        private bool _rebootRequested;
        private VirtualSleepControl _sleep;
        private WakeCause _nextBootCause = WakeCause.PowerOn;

        /// <summary>Builds the node; nothing runs until <see cref="Boot"/>.</summary>
        /// <param name="board">The hardware.</param>
        /// <param name="storage">The node's flash: where config.dat lives.</param>
        /// <param name="consoleLine">The technician's line (stdin/stdout in the CLI).</param>
        /// <param name="publisher">Where telemetry goes; <see cref="OfflinePublisher"/> runs the node as if no broker were reachable.</param>
        public VirtualNode(VirtualBoard board, IFileStorage storage, ISerialLine consoleLine, ITelemetryPublisher publisher)
        {
            Board = board ?? throw new ArgumentNullException(nameof(board));
            _storage = storage ?? throw new ArgumentNullException(nameof(storage));
            _line = consoleLine ?? throw new ArgumentNullException(nameof(consoleLine));
            _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
            Network = new VirtualNetworkLink(!(publisher is OfflinePublisher), board.Clock);
        }

        public VirtualBoard Board { get; }

        /// <summary>The firmware of the current boot (a new one after each reboot).</summary>
        public SensorNodeCore Core { get; private set; }

        /// <summary>The sensor front end of the current boot.</summary>
        public DriverSensorFrontEnd FrontEnd { get; private set; }

        /// <summary>The firmware's clock for the current boot.</summary>
        public BootClock NodeClock { get; private set; }

        /// <summary>What loading the config found at the current boot.</summary>
        public ConfigLoadOutcome ConfigLoad { get; private set; }

        /// <summary>The power manager of the current boot: it boots the core, and its deep sleeps restart the firmware.</summary>
        public PowerManager Power { get; private set; }

        /// <summary>Where the firmware's time went, over every boot of this node.</summary>
        public PowerLedger PowerLedger { get; } = new PowerLedger();

        /// <summary>The node's network link (the radio); <see cref="VirtualNetworkLink.Reachable"/> simulates an outage.</summary>
        public VirtualNetworkLink Network { get; }

        /// <summary>Deep sleeps so far: each one restarted the firmware from its flash files.</summary>
        public int DeepSleeps { get; private set; }

        /// <summary>Boots so far, the first included.</summary>
        public int Boots { get; private set; }

        /// <summary>Simulated time between ticks for the current boot, µs: the FIFO watermark's period, at most <see cref="MaxStepUs"/>.</summary>
        public long StepUs { get; private set; }

        /// <summary>Starts the firmware: the first boot, or the restart after a reboot.</summary>
        public void Boot()
        {
            _rebootRequested = false;
            var config = new ConfigStore(SettingsTable.All);
            ConfigLoad = config.Load(_storage);

            NodeClock = new BootClock(Board.Clock);
            FrontEnd = Board.CreateFrontEnd(NodeClock, config.GetInt(ConfigKeys.VibRateHz), config.GetInt(ConfigKeys.VibRangeG));
            long watermarkUs = Adxl345Settings.WatermarkSamples * 1000000L / FrontEnd.VibrationSampleRateHz;
            StepUs = Math.Min(MaxStepUs, watermarkUs);

            Core = new SensorNodeCore(config, FrontEnd, NodeClock, _publisher, null, Board.DefaultNodeId);
            _interpreter = new CommandInterpreter(Core, _storage, this);

            // The MQTT publisher takes commands through the same interpreter and continues seq from flash.
            (_publisher as MqttPublisher)?.Attach(Core, _interpreter, _storage);
            _console = new SerialConsole(_line, _interpreter, false);
            _echoedSeq = 0;
            Boots++;

            Board.ApplySensorFaults();

            // A (re)boot brings the radio up only if the last boot asked for it; the power manager restores the saved
            // state, starts the core and decides.
            Network.Reboot();
            _sleep = new VirtualSleepControl(Board.Clock, _nextBootCause, ConsoleInputWaiting);
            _nextBootCause = WakeCause.PowerOn;
            Power = new PowerManager(Core, _sleep, Network, _publisher as IPowerAnnouncer, FrontEnd,
                new NodeStateStore(_storage), PowerLedger);
            Power.Boot(_sleep.BootWakeCause, ConfigLoad);
        }

        /// <summary>
        /// One scheduler tick: world time moves by <see cref="StepUs"/>, the scenario's sensor faults are applied, the
        /// firmware runs once, then <see cref="PollConsole"/>.
        /// </summary>
        public void Step()
        {
            RequireBooted();
            Board.Clock.AdvanceUs(StepUs);
            Board.ApplySensorFaults();
            Core.RunOnce();
            try
            {
                Power.RunOnce();
            }
            catch (DeepSleepRestartException)
            {
                WakeFromDeepSleep();
                return;
            }

            // A catch-all in the firmware may have swallowed the exception: the chip would have restarted all the same.
            if (_sleep.DeepSleepRequestedMs >= 0)
            {
                WakeFromDeepSleep();
                return;
            }

            PollConsole();
        }

        /// <summary>
        /// Runs the commands received over MQTT (with an <see cref="MqttPublisher"/>), prints the events recorded since the
        /// last print, answers the console input waiting on the line (as the device loop does between ticks, without moving
        /// time), prints the events the commands raised, and reboots if a command asked for it.
        /// </summary>
        public void PollConsole()
        {
            RequireBooted();
            (_publisher as MqttPublisher)?.RunCommands();
            EchoNewEvents();
            if (_console.Poll() > 0)
            {
                Power.NoteConsoleActivity();
            }

            EchoNewEvents();
            if (_rebootRequested)
            {
                Boot();
            }
        }

        /// <summary>Steps until the world clock has moved by at least <paramref name="simulatedMs"/>.</summary>
        public void RunFor(long simulatedMs)
        {
            long endUs = Board.Clock.MonotonicUs + simulatedMs * 1000;
            while (Board.Clock.MonotonicUs < endUs)
            {
                Step();
            }
        }

        /// <summary>Writes one line to the console line (UTF-8, CR LF), between the firmware's own output.</summary>
        public void WriteLine(string text)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text + "\r\n");
            _line.Write(bytes, 0, bytes.Length);
        }

        /// <inheritdoc/>
        public void RequestReboot()
        {
            _rebootRequested = true;
        }

        // The sleep control has moved the world's clock by the sleep: the chip restarts from its flash, woken by the timer.
        private void WakeFromDeepSleep()
        {
            EchoNewEvents();
            DeepSleeps++;
            _nextBootCause = WakeCause.Timer;
            Boot();
        }

        private bool ConsoleInputWaiting()
        {
            return _line is StreamSerialLine stream && stream.HasInput;
        }

        private void RequireBooted()
        {
            if (Core == null)
            {
                throw new InvalidOperationException("call Boot first");
            }
        }

        // Prints the events recorded since the last call through the interpreter's own events command, so the lines are
        // exactly what a technician sees from "events".
        private void EchoNewEvents()
        {
            long newest = Core.Events.LastSeq;
            if (newest == _echoedSeq)
            {
                return;
            }

            // A woken core continues the sequence with an empty log: nothing of it to print yet.
            long fresh = Math.Min(newest - _echoedSeq, Core.Events.Count);
            _echoedSeq = newest;
            if (fresh <= 0)
            {
                return;
            }

            _interpreter.Execute("events " + fresh, SettingSource.Console, _echo);
            WriteLine(_echo.ToString().Replace("\n", "\r\n", StringComparison.Ordinal));
        }
    }
}
