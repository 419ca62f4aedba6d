using System;
using SensorNode.Core.Config;
using SensorNode.Core.Machine;
using SensorNode.Core.Node;
using SensorNode.Hardware;

namespace SensorNode.Core.Power
{
    /// <summary>
    /// The node's power modes (<see cref="PowerMode"/>): follows the machine state with the dwell times of
    /// <see cref="PowerPolicy"/>, honours the console's <c>mode</c> request, announces every change before it takes effect,
    /// runs the bursts and sleeps of eco and sleep mode, bounds the time awake when the network does not deliver, and keeps
    /// the node's learned state in flash (<see cref="NodeStateStore"/>) so that a woken node continues instead of relearning.
    /// </summary>
    /// <remarks>
    /// <para><b>Loop.</b> The composition root calls <see cref="Boot"/> once instead of <see cref="SensorNodeCore.Start"/>,
    /// then <see cref="RunOnce"/> after every <see cref="SensorNodeCore.RunOnce"/>. RunOnce may sleep: a light sleep returns
    /// (the node clock has moved on), a deep sleep does not return on the device (the chip restarts and the composition
    /// root boots again; the virtual node's sleep control throws instead).</para>
    /// <para><b>Changes.</b> A new mode is announced first: the retained <c>power</c> message
    /// (<see cref="IPowerAnnouncer.PublishPower"/>) and a power event (type power, level the mode, reason why), both queued
    /// for the broker when the calls return; only then does the mode take effect (snapshot, radio, bursts). Entering sleep,
    /// the node then waits for delivery, publishes availability "sleeping" and disconnects before its first deep sleep. A
    /// forced mode (console or MQTT <c>mode</c>) applies at the next call; <c>mode auto</c> returns to the policy. Policy
    /// changes are decided only with fresh information: in active mode once the machine state has no change pending, in
    /// eco and sleep mode at the end of a burst.</para>
    /// <para><b>Bursts.</b> Eco and sleep mode sample in bursts that open with a quick window
    /// (<see cref="SensorNodeCore.QuickWindowMs"/>: machine state and temperature only): that window alone when
    /// the machine does not run, <see cref="RunningBurstWindows"/> windows when it does (the full window after the quick
    /// one has the velocity and scores vibration and current), longer while a
    /// machine or channel change is under way (debounce, dwell, missing or recovery counts; at most
    /// <see cref="MaxBurstWindows"/>), so that an alarm or a fault completes within one burst. Eco: bursts every
    /// report.eco_s, light sleep between them with the console UART as a wake source, radio in power save; a console wake
    /// keeps the node awake for <see cref="ConsoleAwakeMs"/> after the last console activity. Sleep: a deep sleep of
    /// report.sleep_s between wakes; a wake takes its burst and decides; it joins the network only when a new event is
    /// waiting or power.heartbeat_s is due, otherwise it goes straight back to sleep without starting the radio.</para>
    /// <para><b>Radio at boot.</b> Where the platform fixes the radio before the firmware runs (the ESP32 joins Wi-Fi from
    /// its stored configuration during boot; <see cref="INetworkLink.RadioAvailable"/>), every deep sleep first chooses the
    /// next wake's radio (<see cref="INetworkLink.SetRadioAtNextBoot"/>): on when that wake will report (undelivered
    /// events, or the heartbeat due by then), off otherwise, so quiet wakes never power the radio and a reporting wake's
    /// join overlaps the firmware's start. A wake without the radio that finds something new to send, and active or eco
    /// mode reached without it, keep the events in flash and restart with the radio after <see cref="MinSleepMs"/>. The
    /// choice changes at most twice per heartbeat plus twice per unplanned report, which bounds the platform's flash
    /// writes for it. Should the platform fail to store the choice, the node records an error event and carries on
    /// without the radio for that boot (the events stay in flash) rather than restarting in a loop.</para>
    /// <para><b>Bounded time awake.</b> A sleep-mode wake that joins the network gives up after power.awake_max_s (plus
    /// <see cref="HandOverMs"/> for the clean disconnect): the events stay queued and are kept in flash
    /// (<see cref="IPowerAnnouncer.SavePending"/>), and the next wake tries again.</para>
    /// <para><b>Wake causes.</b> A power-on, reboot or pin wake records the boot event with its cause; a routine timer wake
    /// from a planned deep sleep records none (a sleeping node would otherwise fill the event stream with them). A light
    /// sleep that ends early records a power event whose reason names the cause (wake_console_uart, wake_pin).</para>
    /// <para><b>Write policy and loss window.</b> The state file (about 0.6 KB) is written: before a planned deep sleep when
    /// anything in it changed (a level, learned flag, machine state, mode or request, baseline learning or adaptation, or a
    /// completed report); while awake, at most every <see cref="MaterialSaveIntervalMs"/> for a change of level, machine
    /// state, mode or request, and at most every <see cref="BaselineSaveIntervalMs"/> for baseline progress alone. A wake
    /// on which nothing changed (the machine off, no report) writes nothing. An unplanned reset (power cut, brown-out,
    /// crash) therefore loses at most the last 15 minutes of baseline learning or adaptation and the last minute of
    /// level, machine and mode changes (their events were already queued, and their sequence numbers never repeat); dwell
    /// timers restart from the saved ages. A planned deep sleep loses nothing.</para>
    /// <para>Allocation-free in steady state (events carry constant strings). Not thread-safe: the node's loop thread.</para>
    /// </remarks>
    public sealed class PowerManager
    {
        /// <summary>Most windows in one burst, however long a change takes to settle.</summary>
        public const int MaxBurstWindows = 12;

        /// <summary>
        /// Windows in a burst while the machine runs: the quick window that opens every burst has no velocity, the full one
        /// after it has.
        /// </summary>
        public const int RunningBurstWindows = 2;

        /// <summary>Time the node stays awake after console activity in eco or sleep mode, ms.</summary>
        public const long ConsoleAwakeMs = 60000;

        /// <summary>Shortest sleep worth taking, ms.</summary>
        public const long MinSleepMs = 1000;

        /// <summary>Time allowed after power.awake_max_s for the clean disconnect before a deep sleep, ms.</summary>
        public const long HandOverMs = 5000;

        /// <summary>Shortest time between two state writes for a level, machine, mode or request change, ms.</summary>
        public const long MaterialSaveIntervalMs = 60000;

        /// <summary>Shortest time between two state writes for baseline learning or adaptation alone, ms.</summary>
        public const long BaselineSaveIntervalMs = 900000;

        private const int PhaseDeciding = 0;
        private const int PhaseDelivering = 1;
        private const int PhaseHandingOver = 2;

        private readonly SensorNodeCore core;
        private readonly NodeSnapshot snapshot;
        private readonly ConfigStore config;
        private readonly IClock clock;
        private readonly ISleepControl sleep;
        private readonly INetworkLink network;
        private readonly IPowerAnnouncer announcer;
        private readonly ISensorPower sensorPower;
        private readonly NodeStateStore store;
        private readonly PowerLedger ledger;
        private readonly PowerSettings settings = new PowerSettings();

        private bool started;
        private int appliedConfigVersion;
        private PowerMode mode;
        private long modeSinceMs;
        private string modeReason = PowerReasons.Boot;
        private PowerModeRequest lastRequest;
        private MachineState lastMachine;
        private long notRunningSinceMs;
        private long offSinceMs;
        private long lastAccountMs;
        private bool sensorsActive = true;
        private bool powerSaveOn;
        private long cycleStartMs;
        private long burstStartWindow;
        private long nextWakeDueMs;
        private long consoleAwakeUntilMs = long.MinValue;
        private int sleepPhase;
        private bool inSleepCall;
        private long lastErrorEventMs;
        private bool linkSeenUp;
        private bool radioChoiceFailed;
        private bool reportKnown;
        private long lastReportMs;
        private long reportedSeq;
        private long lastEventSeq;
        private long savedLastEventSeq;
        private bool everSaved;
        private long lastSaveMs;
        private int savedSignature;
        private long savedRunningWindows;
        private long savedReportedSeq;
        private long savedLastReportMs;
        private bool savedAsPlanned;

        /// <summary>Wires the power manager; nothing happens before <see cref="Boot"/>.</summary>
        /// <param name="core">The node; its config, clock and events are used.</param>
        /// <param name="sleep">The chip's sleep states.</param>
        /// <param name="network">The network link, or null for a node without one.</param>
        /// <param name="announcer">The MQTT publisher's power side, or null for a node without a broker.</param>
        /// <param name="sensorPower">Sensor standby, or null when the sensors stay powered.</param>
        /// <param name="store">The state file, or null to keep nothing across restarts.</param>
        /// <param name="ledger">Where the time goes, or null for a new one.</param>
        public PowerManager(SensorNodeCore core, ISleepControl sleep, INetworkLink network, IPowerAnnouncer announcer,
            ISensorPower sensorPower, NodeStateStore store, PowerLedger ledger)
        {
            if (core == null)
            {
                throw new ArgumentNullException(nameof(core));
            }

            if (sleep == null)
            {
                throw new ArgumentNullException(nameof(sleep));
            }

            this.core = core;
            snapshot = core.Snapshot;
            config = core.Config;
            clock = core.Clock;
            this.sleep = sleep;
            this.network = network;
            this.announcer = announcer;
            this.sensorPower = sensorPower;
            this.store = store;
            this.ledger = ledger == null ? new PowerLedger() : ledger;
            appliedConfigVersion = config.Version - 1;
        }

        /// <summary>The mode in effect.</summary>
        public PowerMode Mode => mode;

        /// <summary>Node time the mode took effect, ms (negative when that was before this boot).</summary>
        public long ModeSinceMs => modeSinceMs;

        /// <summary>Why the mode is in effect.</summary>
        public string ModeReason => modeReason;

        /// <summary>Where the time went.</summary>
        public PowerLedger Ledger => ledger;

        /// <summary>What loading the state file found at boot.</summary>
        public StateLoadOutcome StateLoad { get; private set; }

        /// <summary>True when this boot is a routine timer wake from a planned deep sleep.</summary>
        public bool PlannedWake { get; private set; }

        /// <summary>Exceptions caught from the seams since boot (each reported as an error event, at most one a minute).</summary>
        public long ErrorCount { get; private set; }

        /// <summary>The settings in use.</summary>
        public PowerSettings Settings => settings;

        /// <summary>
        /// Starts the node after a power-on, reboot or wake: restores the saved state (baselines, machine state, mode, request,
        /// report bookkeeping), starts the core (<see cref="SensorNodeCore.Start(WakeCause, ConfigLoadOutcome, bool)"/>; no
        /// boot event on a routine timer wake), records a state event when the file was corrupt or of another format,
        /// and hands the publisher the power message as it stands (sent with the next connection). A routine wake continues
        /// in its saved mode; any other boot starts active. Throws <see cref="InvalidOperationException"/> when called
        /// twice.
        /// </summary>
        public void Boot(WakeCause wake, ConfigLoadOutcome configOutcome)
        {
            if (started)
            {
                throw new InvalidOperationException("Boot was already called");
            }

            ApplyConfig();
            long nowMs = clock.MonotonicMs;
            lastAccountMs = nowMs;
            lastSaveMs = nowMs;
            notRunningSinceMs = nowMs;
            offSinceMs = nowMs;
            modeSinceMs = nowMs;
            lastMachine = snapshot.Machine;
            StateLoad = store == null ? StateLoadOutcome.NoFile : store.Load(core);
            bool restored = StateLoad == StateLoadOutcome.Loaded;
            PlannedWake = restored && wake == WakeCause.Timer && store.Record.PlannedSleepMs > 0;

            // The channels hold their saved state now; the rest follows once Start has applied the settings.
            core.Start(wake, configOutcome, !PlannedWake);
            if (restored)
            {
                Restore(nowMs);
            }

            if (PlannedWake && mode != PowerMode.Active)
            {
                // A burst of eco or sleep mode: the first look is a quick window.
                core.StartQuickWindow();
            }

            if (StateLoad == StateLoadOutcome.Corrupt)
            {
                core.RecordEvent(EventType.Config, "state", "recovered", 0, 0, "", 0, "corrupt_file");
            }
            else if (StateLoad == StateLoadOutcome.Incompatible)
            {
                core.RecordEvent(EventType.Config, "state", "discarded", 0, 0, "", 0, "other_format");
            }

            // A platform that starts the radio during boot (INetworkLink.SetRadioAtNextBoot) is joining already.
            bool radioAtBoot = network != null && network.IsStarted;
            ledger.CountBoot(radioAtBoot);
            if (radioAtBoot)
            {
                ledger.CountNetworkStart();
            }

            started = true;
            snapshot.PowerMode = PowerModeNames.Name(mode);
            snapshot.WakeCause = NodeNames.Wake(wake);
            lastRequest = snapshot.RequestedPowerMode;
            StartCycle(nowMs);
            if (announcer != null)
            {
                // A publisher that outlived a sleep (the virtual node keeps its object) connects again, unless this is a
                // routine wake, which connects only if it has something to report.
                if (!PlannedWake && announcer.ReadyForSleep)
                {
                    announcer.Resume();
                }

                // The retained power message as it stands (sent with the next connection; a routine wake sends nothing).
                announcer.PublishPower(PowerModeNames.Name(mode), modeReason, modeSinceMs, NextReportInMs(nowMs));
            }

            if (restored)
            {
                // What was just restored is what the file holds: nothing to write until something changes.
                MarkSaved();
            }
        }

        /// <summary>
        /// One step after the scheduler's tick: accounts time, follows the machine and the request, announces and applies
        /// a mode change, runs the mode's bursts, sleeps and network hand-over, and writes the state file when the write
        /// policy says so. May sleep (see the class remarks). Throws <see cref="InvalidOperationException"/> before
        /// <see cref="Boot"/>; an exception from a seam (publisher, network, sensors) is caught, counted in
        /// <see cref="ErrorCount"/> and reported as an error event (channel "power", at most one a minute); one from the
        /// sleep call (a host platform's restart) goes on up.
        /// </summary>
        public void RunOnce()
        {
            if (!started)
            {
                throw new InvalidOperationException("call Boot first");
            }

            long nowMs = clock.MonotonicMs;
            try
            {
                Step(nowMs);
            }
            catch (Exception ex) when (!inSleepCall)
            {
                // A seam failed (publisher, network, sensors): counted and reported, and the next call tries again. An
                // exception out of the sleep call itself is the platform's restart and goes on up.
                ErrorCount++;
                if (ErrorCount == 1 || nowMs - lastErrorEventMs >= SensorNodeCore.ErrorEventIntervalMs)
                {
                    lastErrorEventMs = nowMs;
                    core.RecordEvent(EventType.Error, "power", "error", ErrorCount > int.MaxValue ? int.MaxValue : (int)ErrorCount,
                        0, "", 0, ex.GetType().Name);
                }
            }
        }

        private void Step(long nowMs)
        {
            Account(nowMs);
            ApplyConfig();
            TrackMachine(nowMs);
            TrackEvents();
            bool burstDone = BurstDone();
            PowerModeRequest request = snapshot.RequestedPowerMode;
            if (request != lastRequest || ChangeAllowed(burstDone))
            {
                string reason;
                PowerMode desired = Desired(nowMs, request, out reason);
                lastRequest = request;
                if (desired != mode)
                {
                    ChangeMode(desired, reason, nowMs);
                    burstDone = false;
                }
            }

            if (mode != PowerMode.Sleep && RadioMissing() && RestartWithRadio(nowMs))
            {
                // Active and eco publish as they go: restarted at once with the radio (the events waited in flash).
                return;
            }

            switch (mode)
            {
                case PowerMode.Active:
                    EnsureRadio(false);
                    SetSensors(true);
                    break;
                case PowerMode.Eco:
                    EnsureRadio(true);
                    if (burstDone && nowMs >= consoleAwakeUntilMs)
                    {
                        LightSleepUntilNextBurst(nowMs);
                    }

                    break;
                case PowerMode.Sleep:
                    if (burstDone && nowMs >= consoleAwakeUntilMs)
                    {
                        FinishSleepWake(nowMs);
                    }

                    break;
            }

            SaveIfDue(clock.MonotonicMs, 0);
        }

        /// <summary>
        /// The console handled input: stay awake (no light or deep sleep) for <see cref="ConsoleAwakeMs"/> from now, so the
        /// technician is not cut off.
        /// </summary>
        public void NoteConsoleActivity()
        {
            consoleAwakeUntilMs = clock.MonotonicMs + ConsoleAwakeMs;
        }

        /// <summary>
        /// Time from now to the next report a sleeping node makes at the latest (its heartbeat, on the wake grid), ms;
        /// -1 unless in sleep mode. This is the power message's next wake: the node also wakes every report.sleep_s to
        /// check the machine, and reports at once when something changed.
        /// </summary>
        public long NextReportInMs(long nowMs)
        {
            if (mode != PowerMode.Sleep)
            {
                return -1;
            }

            long interval = settings.SleepIntervalMs;
            long wakes = (settings.HeartbeatMs + interval / 2) / interval;
            if (wakes < 1)
            {
                wakes = 1;
            }

            long next = cycleStartMs + wakes * interval - nowMs;
            return next > 0 ? next : 0;
        }

        private void Restore(long nowMs)
        {
            PowerStateRecord r = store.Record;
            // Ages move on by the wall time since the save (the RTC keeps it across deep sleep once SNTP has set it), else by
            // the sleep that followed the save: quiet wakes write nothing, so without wall time the ages may be stale.
            long unixMs;
            bool wallKnown = clock.TryGetUnixTimeMs(out unixMs) && r.SavedAtUnixMs > 0 && unixMs >= r.SavedAtUnixMs;
            long elapsedMs = wallKnown ? unixMs - r.SavedAtUnixMs : r.PlannedSleepMs;
            long machineSinceMs = nowMs - (r.MachineAgeMs + elapsedMs);
            core.MachineDetector.Restore(r.Machine, r.MachinePrevious, machineSinceMs, r.MachineChanged);
            core.AfterRestore(machineSinceMs);
            lastMachine = r.Machine;
            notRunningSinceMs = r.NotRunningAgeMs < 0 ? nowMs : nowMs - (r.NotRunningAgeMs + elapsedMs);
            offSinceMs = r.OffAgeMs < 0 ? nowMs : nowMs - (r.OffAgeMs + elapsedMs);
            // Without wall time the time since the last report is unknown: report now rather than miss a heartbeat.
            reportKnown = r.LastReportAgeMs >= 0 && wallKnown;
            lastReportMs = reportKnown ? nowMs - (r.LastReportAgeMs + elapsedMs) : 0;
            reportedSeq = r.ReportedSeq;
            lastEventSeq = r.LastEventSeq;
            core.RestorePowerRequest(r.Request, PowerReasons.Word(r.RequestReason));
            if (PlannedWake)
            {
                mode = r.Mode;
                modeReason = PowerReasons.Word(r.ModeReason);
                modeSinceMs = nowMs - (r.ModeAgeMs + elapsedMs);
            }
        }

        private void ApplyConfig()
        {
            int version = config.Version;
            if (version != appliedConfigVersion)
            {
                appliedConfigVersion = version;
                settings.Apply(config);
            }
        }

        private void Account(long nowMs)
        {
            bool radioOn = network != null && network.IsStarted;
            ledger.AddAwake(nowMs - lastAccountMs, sensorsActive, radioOn, radioOn && powerSaveOn && network.IsUp);
            lastAccountMs = nowMs;
        }

        private void TrackMachine(long nowMs)
        {
            MachineState machine = snapshot.Machine;
            if (machine == lastMachine)
            {
                return;
            }

            if (lastMachine == MachineState.Running)
            {
                notRunningSinceMs = nowMs;
            }

            if (machine == MachineState.Off)
            {
                offSinceMs = nowMs;
            }

            lastMachine = machine;
        }

        // The newest event recorded, this boot or an earlier one; sequence numbers may skip at a boot (the publisher's
        // reservation), so the log's LastSeq is not used.
        private void TrackEvents()
        {
            EventLog log = core.Events;
            if (log.Count > 0 && log.Newest(0).Seq > lastEventSeq)
            {
                lastEventSeq = log.Newest(0).Seq;
            }
        }

        private bool BurstDone()
        {
            long windows = snapshot.WindowCount - burstStartWindow;
            int needed = lastMachine == MachineState.Running ? RunningBurstWindows : 1;
            if (windows < needed)
            {
                return false;
            }

            return windows >= MaxBurstWindows || !core.ChangePending;
        }

        private bool ChangeAllowed(bool burstDone)
        {
            if (mode != PowerMode.Active)
            {
                return burstDone;
            }

            return snapshot.WindowCount > burstStartWindow && !core.MachineDetector.ChangePending;
        }

        private PowerMode Desired(long nowMs, PowerModeRequest request, out string reason)
        {
            if (request != PowerModeRequest.Auto)
            {
                string source = core.PowerRequestReason;
                reason = source.Length == 0 ? PowerReasons.Console : source;
                return PowerModeNames.FromRequest(request);
            }

            long notRunningForMs = nowMs - notRunningSinceMs;
            long offForMs = nowMs - offSinceMs;
            PowerMode desired = PowerPolicy.Decide(lastMachine, notRunningForMs, offForMs, settings, out reason);
            if (lastRequest != PowerModeRequest.Auto)
            {
                reason = PowerReasons.Auto;
            }

            return desired;
        }

        // Announce first (retained power message, power event), then the mode takes effect.
        private void ChangeMode(PowerMode next, string reason, long nowMs)
        {
            string name = PowerModeNames.Name(next);
            PowerMode previous = mode;
            mode = next;
            long nextReportInMs = NextReportInMs(nowMs);
            mode = previous;
            if (announcer != null)
            {
                announcer.PublishPower(name, reason, nowMs, nextReportInMs);
            }

            core.RecordEvent(EventType.Power, "power", name, 0, 0, "", 0, reason);

            mode = next;
            modeSinceMs = nowMs;
            modeReason = reason;
            snapshot.PowerMode = name;
            if (previous == PowerMode.Sleep && announcer != null && (sleepPhase == PhaseHandingOver || announcer.ReadyForSleep))
            {
                announcer.Resume();
            }

            StartCycle(nowMs);
        }

        private void StartCycle(long nowMs)
        {
            cycleStartMs = nowMs;
            burstStartWindow = snapshot.WindowCount;
            sleepPhase = PhaseDeciding;
            linkSeenUp = false;
            nextWakeDueMs = nowMs + (mode == PowerMode.Sleep ? settings.SleepIntervalMs : settings.EcoIntervalMs);
        }

        private void EnsureRadio(bool powerSave)
        {
            if (network == null || !network.IsConfigured)
            {
                return;
            }

            if (!network.IsStarted)
            {
                network.SetPowerSave(powerSave);
                powerSaveOn = powerSave;
                network.Start();
                ledger.CountNetworkStart();
            }
            else if (powerSaveOn != powerSave)
            {
                network.SetPowerSave(powerSave);
                powerSaveOn = powerSave;
            }
        }

        private void SetSensors(bool active)
        {
            if (sensorsActive == active)
            {
                return;
            }

            sensorsActive = active;
            if (sensorPower != null)
            {
                sensorPower.SetActive(active);
            }
        }

        private void LightSleepUntilNextBurst(long nowMs)
        {
            long sleepMs = nextWakeDueMs - nowMs;
            if (sleepMs < MinSleepMs)
            {
                // The burst took the whole interval: the next one starts now.
                StartCycle(nowMs);
                return;
            }

            bool radioOn = network != null && network.IsStarted;
            SetSensors(false);
            Account(nowMs);
            inSleepCall = true;
            WakeCause cause = sleep.LightSleep(sleepMs > int.MaxValue ? int.MaxValue : (int)sleepMs, true);
            inSleepCall = false;
            long afterMs = clock.MonotonicMs;
            ledger.AddLightSleep(afterMs - nowMs, radioOn);
            StartBurstAfterSleep(afterMs);
            snapshot.WakeCause = NodeNames.Wake(cause);
            if (cause == WakeCause.ConsoleUart)
            {
                consoleAwakeUntilMs = afterMs + ConsoleAwakeMs;
            }

            if (cause != WakeCause.Timer)
            {
                core.RecordEvent(EventType.Power, "power", PowerModeNames.Name(mode), 0, 0, "", 0, WakeReason(cause));
            }
        }

        // End of a sleep-mode burst: decide whether to report, deliver within the awake budget, hand over, deep sleep.
        private void FinishSleepWake(long nowMs)
        {
            long awakeMs = nowMs - cycleStartMs;
            switch (sleepPhase)
            {
                case PhaseDeciding:
                    bool canDeliver = announcer != null && network != null && network.IsConfigured;
                    if (!canDeliver || !ReportDueAt(nowMs))
                    {
                        EnterDeepSleep(nowMs);
                        return;
                    }

                    if (RadioMissing())
                    {
                        // Booted without the radio (nothing was due when it went to sleep): the events wait in flash
                        // while the node restarts with it, or, if that cannot be arranged, for a later wake.
                        if (!RestartWithRadio(nowMs))
                        {
                            EnterDeepSleep(nowMs);
                        }

                        return;
                    }

                    EnsureRadio(false);
                    if (announcer.ReadyForSleep)
                    {
                        announcer.Resume();
                    }

                    sleepPhase = PhaseDelivering;
                    break;
                case PhaseDelivering:
                    if (!linkSeenUp && network.IsUp)
                    {
                        // Attempts made before the link was up have backed off: try the broker now.
                        linkSeenUp = true;
                        if (!announcer.IsConnected)
                        {
                            announcer.Resume();
                        }
                    }

                    if (announcer.IsConnected && announcer.IsIdle)
                    {
                        // Everything up to the newest event is acknowledged: a complete report.
                        reportKnown = true;
                        lastReportMs = nowMs;
                        TrackEvents();
                        reportedSeq = lastEventSeq;
                        announcer.PublishPower(PowerModeNames.Name(mode), modeReason, modeSinceMs, NextReportInMs(nowMs));
                        announcer.RequestSleep();
                        sleepPhase = PhaseHandingOver;
                    }
                    else if (awakeMs >= settings.AwakeMaxMs)
                    {
                        announcer.RequestSleep();
                        sleepPhase = PhaseHandingOver;
                    }

                    break;
                default:
                    if (announcer.ReadyForSleep || awakeMs >= settings.AwakeMaxMs + HandOverMs)
                    {
                        EnterDeepSleep(nowMs);
                    }

                    break;
            }
        }

        private void EnterDeepSleep(long nowMs)
        {
            long sleepMs = nextWakeDueMs - nowMs;
            if (sleepMs < MinSleepMs)
            {
                sleepMs = MinSleepMs;
            }

            if (sleepMs > int.MaxValue)
            {
                sleepMs = int.MaxValue;
            }

            EnterDeepSleep(nowMs, sleepMs, RadioNeededAt(nowMs + sleepMs));
        }

        private void EnterDeepSleep(long nowMs, long sleepMs, bool radioAtWake)
        {
            if (announcer != null)
            {
                announcer.SavePending();
            }

            if (network != null && network.IsConfigured)
            {
                network.SetRadioAtNextBoot(radioAtWake);
            }

            if (network != null && network.IsStarted)
            {
                network.Stop();
            }

            SetSensors(false);
            SaveIfDue(nowMs, sleepMs);
            Account(clock.MonotonicMs);
            ledger.AddDeepSleep(sleepMs);
            inSleepCall = true;
            sleep.DeepSleep((int)sleepMs);
            inSleepCall = false;

            // Only a platform without deep sleep gets here: carry on as after a wake.
            StartBurstAfterSleep(clock.MonotonicMs);
        }

        // Awake again at nowMs: sensors on, sampling afresh, the burst opening with a quick window.
        private void StartBurstAfterSleep(long nowMs)
        {
            lastAccountMs = nowMs;
            SetSensors(true);
            core.ResumeSampling();
            core.StartQuickWindow();
            StartCycle(nowMs);
        }

        // The network is configured but this boot has no radio (the platform left it off), and asking for it can work.
        private bool RadioMissing()
        {
            return network != null && network.IsConfigured && !network.RadioAvailable && !radioChoiceFailed;
        }

        // Deep sleep for MinSleepMs into a boot with the radio. False, with an error event, when the platform could not
        // store that choice: the node then carries on without the radio this boot instead of restarting for nothing.
        private bool RestartWithRadio(long nowMs)
        {
            if (!network.SetRadioAtNextBoot(true))
            {
                radioChoiceFailed = true;
                ErrorCount++;
                core.RecordEvent(EventType.Error, "power", "error", 0, 0, "", 0, PowerReasons.RadioChoiceFailed);
                return false;
            }

            EnterDeepSleep(nowMs, MinSleepMs, true);
            return true;
        }

        // Whether the wake at wakeMs will report (ReportDueAt), so that only those wakes boot with the radio.
        private bool RadioNeededAt(long wakeMs)
        {
            return announcer == null || mode != PowerMode.Sleep || ReportDueAt(wakeMs);
        }

        // A sleep-mode report is due at atMs: events not yet delivered, none known yet, or the heartbeat less half a wake
        // interval has passed (wakes fall on a grid, so the wake nearest the heartbeat reports).
        private bool ReportDueAt(long atMs)
        {
            TrackEvents();
            return lastEventSeq > reportedSeq || !reportKnown
                || atMs - lastReportMs >= settings.HeartbeatMs - settings.SleepIntervalMs / 2;
        }

        private void SaveIfDue(long nowMs, long plannedSleepMs)
        {
            if (store == null)
            {
                return;
            }

            int signature = Signature();
            bool structural = !everSaved || signature != savedSignature;
            bool learning = core.RunningWindows != savedRunningWindows;
            bool report = reportedSeq != savedReportedSeq || lastEventSeq != savedLastEventSeq
                || (reportKnown && lastReportMs != savedLastReportMs);
            bool write;
            if (plannedSleepMs > 0)
            {
                // The file must say the sleep was planned, or the wake would boot as after a reset (a write while awake
                // a moment ago says it was not).
                write = structural || learning || report || !savedAsPlanned;
            }
            else
            {
                long sinceSaveMs = nowMs - lastSaveMs;
                write = (structural && sinceSaveMs >= MaterialSaveIntervalMs)
                    || (learning && sinceSaveMs >= BaselineSaveIntervalMs);
            }

            if (!write)
            {
                return;
            }

            FillRecord(nowMs, plannedSleepMs);
            lastSaveMs = nowMs;
            if (store.Save(core))
            {
                MarkSaved();
            }
        }

        private void MarkSaved()
        {
            everSaved = true;
            savedSignature = Signature();
            savedRunningWindows = core.RunningWindows;
            savedReportedSeq = reportedSeq;
            savedLastEventSeq = lastEventSeq;
            savedLastReportMs = lastReportMs;
            savedAsPlanned = store.Record.PlannedSleepMs > 0;
        }

        private void FillRecord(long nowMs, long plannedSleepMs)
        {
            PowerStateRecord r = store.Record;
            MachineStateDetector machine = core.MachineDetector;
            r.Mode = mode;
            r.ModeReason = PowerReasons.Code(modeReason);
            r.Request = snapshot.RequestedPowerMode;
            r.RequestReason = PowerReasons.Code(core.PowerRequestReason);
            r.ModeAgeMs = nowMs - modeSinceMs;
            r.Machine = machine.State;
            r.MachinePrevious = machine.PreviousState;
            r.MachineChanged = machine.HasChanged;
            r.MachineAgeMs = machine.HasChanged ? nowMs - machine.ChangedAtMs : 0;
            r.NotRunningAgeMs = lastMachine == MachineState.Running ? -1 : nowMs - notRunningSinceMs;
            r.OffAgeMs = lastMachine == MachineState.Off ? nowMs - offSinceMs : -1;
            r.LastReportAgeMs = reportKnown ? nowMs - lastReportMs : -1;
            r.ReportedSeq = reportedSeq;
            r.LastEventSeq = lastEventSeq;
            r.PlannedSleepMs = plannedSleepMs;
            long unixMs;
            r.SavedAtUnixMs = clock.TryGetUnixTimeMs(out unixMs) ? unixMs : 0;
        }

        // Changes worth a prompt write: levels, learned flags, the machine state, the mode and the request.
        private int Signature()
        {
            MachineStateDetector machine = core.MachineDetector;
            int h = (int)mode;
            h = h * 31 + (int)snapshot.RequestedPowerMode;
            h = h * 31 + (int)machine.State;
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                Anomaly.AnomalyChannel c = core.Channel(i);
                h = h * 31 + c.ChangeCount;
                h = h * 31 + (int)c.Level * 2 + (c.IsLearned ? 1 : 0);
            }

            return h;
        }

        private static string WakeReason(WakeCause cause)
        {
            switch (cause)
            {
                case WakeCause.ConsoleUart: return PowerReasons.WakeConsole;
                case WakeCause.Pin: return PowerReasons.WakePin;
                default: return PowerReasons.WakeOther;
            }
        }
    }
}
