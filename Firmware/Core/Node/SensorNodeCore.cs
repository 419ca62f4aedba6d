using System;
using SensorNode.Core.Anomaly;
using SensorNode.Core.Config;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Machine;
using SensorNode.Core.Signal;
using SensorNode.Hardware;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The node's scheduler: on its <see cref="IClock"/> it drains the accelerometer every tick and, once per
    /// <see cref="WindowMs"/>, finishes the vibration features, reads temperature and current, updates the machine state,
    /// runs one <see cref="AnomalyChannel"/> per <see cref="NodeChannels"/> channel, aggregates health, records events
    /// and hands the window to the <see cref="ITelemetryPublisher"/>.
    /// </summary>
    /// <remarks>
    /// <para>Use: construct, <see cref="Start"/> once, then call <see cref="RunOnce"/> from the node's loop often enough to
    /// drain the accelerometer FIFO (32 frames: every 10 ms at 3200 Hz, or on the FIFO watermark interrupt). A front end
    /// that is also an <see cref="IChunkedCurrent"/> takes a current chunk in every tick between two drains, so no tick
    /// blocks for a whole current burst.</para>
    /// <para>Fault isolation: every step (<see cref="NodeSubsystem"/>) runs inside its own exception guard, each anomaly
    /// channel inside its own. An exception is counted against its step (<see cref="ErrorCount"/>) and reported as an
    /// <see cref="EventType.Error"/> event whose reason is the exception's type name, at most once per
    /// <see cref="ErrorEventIntervalMs"/> per step (the event's value is the step's count so far); the loop goes on. A
    /// window whose sensor step failed counts as a window without that reading, so a sensor that keeps throwing ends in
    /// its channels' missing fault. The watchdog is fed at the end of every <see cref="RunOnce"/>.</para>
    /// <para>Which windows teach and score the baselines: only those of a running machine whose motor draws at least
    /// machine.run_ma (a coast-down, vibrating without current, is neither learned nor scored; a node without a current
    /// sensor goes by the machine state alone), and for temperature only once the machine has run for temp.warmup_s
    /// since it started. A repeated value still counts towards a stuck sensor whenever the machine runs, and a vibration
    /// window whose raw samples did not move on any axis is a stuck accelerometer
    /// (<see cref="AnomalyChannel.MarkSensorStuck"/>). The per-channel tuning is <see cref="NodeParameters"/>'s.</para>
    /// <para>Config: a changed <see cref="ConfigStore.Version"/> is applied at the start of the next tick
    /// (<see cref="NodeParameters"/>); the vibration format is the front end's and changes with a new front end.</para>
    /// <para>Memory: everything is allocated by the constructor. A steady-state tick or window allocates nothing: features,
    /// scores and the snapshot are updated in place, events reuse the ring's objects and carry constant strings. The
    /// exceptions are error events (the exception's type name) and whatever the publisher allocates.</para>
    /// <para>Not thread-safe: the loop, the console and the MQTT command handler must call it from one thread.</para>
    /// </remarks>
    public sealed class SensorNodeCore
    {
        /// <summary>Length of a feature window, ms of node time.</summary>
        public const int WindowMs = 1000;

        /// <summary>
        /// Length of a quick window, ms: the first look of an eco or sleep burst (<see cref="StartQuickWindow"/>). Long enough
        /// for the velocity filters to settle (<see cref="VibrationFeatureExtractor.SettlingMs"/>), so the next full window
        /// has a velocity, and for 12 mains cycles of current and 800 frames at 3200 Hz for the machine state.
        /// </summary>
        public const int QuickWindowMs = VibrationFeatureExtractor.SettlingMs;

        /// <summary>Events kept in <see cref="Events"/>.</summary>
        public const int EventCapacity = 32;

        /// <summary>Shortest time between two error events of the same step, ms.</summary>
        public const long ErrorEventIntervalMs = 60000;

        private const int SubsystemCount = (int)NodeSubsystem.Publish + 1;
        private const int BufferFrames = 32;
        private const int ReadsPerTick = 4;
        private const int TrendCapacity = 30;
        private const long TrendIntervalMs = 10000;
        private const long TrendSpanMs = 300000;

        private readonly ConfigStore config;
        private readonly ISensorFrontEnd sensors;
        private readonly IChunkedCurrent chunkedCurrent;
        private readonly IClock clock;
        private readonly ITelemetryPublisher publisher;
        private readonly IWatchdog watchdog;
        private readonly string defaultNodeId;
        private readonly NodeParameters parameters = new NodeParameters();
        private readonly VibrationFeatureExtractor extractor;
        private readonly LinearScale milliGPerCount;
        private readonly short[] vibrationBuffer;
        private readonly int axisCount;
        private readonly int minValidFrames;
        private readonly TemperatureTrend trend = new TemperatureTrend(TrendCapacity, TrendSpanMs);
        private readonly MachineStateDetector machine;
        private readonly AnomalyChannel[] channels = new AnomalyChannel[NodeChannels.Count];
        private readonly int[] channelValues = new int[NodeChannels.Count];
        private readonly bool[] channelHasValue = new bool[NodeChannels.Count];
        private readonly bool[] channelSettling = new bool[NodeChannels.Count];
        private readonly bool[] channelFrozen = new bool[NodeChannels.Count];
        private readonly HealthAggregator health = new HealthAggregator();
        private readonly EventLog events = new EventLog(EventCapacity);
        private readonly NodeSnapshot snapshot = new NodeSnapshot();
        private readonly long[] errorCounts = new long[SubsystemCount];
        private readonly long[] lastErrorEventMs = new long[SubsystemCount];
        private readonly bool[] errorReported = new bool[SubsystemCount];

        private bool started;
        private int appliedConfigVersion;
        private long nextWindowMs;
        private long lastTrendMs;
        private bool trendStarted;
        private int windowFrames;
        private int windowFramesLost;
        private bool vibrationGap;
        private bool quickWindow;
        private bool publishFailurePending;
        private string publishFailureType;
        private string powerRequestReason = "";
        private long runningWindows;

        /// <summary>
        /// Builds the scheduler and everything it needs. The vibration format is read from <paramref name="sensors"/> now.
        /// </summary>
        /// <param name="config">The settings; changes are picked up by <see cref="ConfigStore.Version"/>.</param>
        /// <param name="sensors">The sensor front end.</param>
        /// <param name="clock">The node's only time source.</param>
        /// <param name="publisher">Where events and windows go; <see cref="OfflinePublisher"/> for none.</param>
        /// <param name="watchdog">The device watchdog, or null for none.</param>
        /// <param name="defaultNodeId">The node id while node.id is empty: node- and the last 6 hex digits of the MAC.</param>
        public SensorNodeCore(ConfigStore config, ISensorFrontEnd sensors, IClock clock, ITelemetryPublisher publisher,
            IWatchdog watchdog, string defaultNodeId)
        {
            if (config == null)
            {
                throw new ArgumentNullException(nameof(config));
            }

            if (sensors == null)
            {
                throw new ArgumentNullException(nameof(sensors));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (publisher == null)
            {
                throw new ArgumentNullException(nameof(publisher));
            }

            if (defaultNodeId == null)
            {
                throw new ArgumentNullException(nameof(defaultNodeId));
            }

            this.config = config;
            this.sensors = sensors;
            chunkedCurrent = sensors as IChunkedCurrent;
            this.clock = clock;
            this.publisher = publisher;
            this.watchdog = watchdog;
            this.defaultNodeId = defaultNodeId;

            VibrationParameters vibration = new VibrationParameters();
            vibration.AxisCount = sensors.VibrationAxisCount;
            vibration.SampleRateHz = sensors.VibrationSampleRateHz;
            vibration.MilliGPerCount = sensors.VibrationMilliGPerCount;
            extractor = new VibrationFeatureExtractor(vibration);
            milliGPerCount = vibration.MilliGPerCount;
            axisCount = vibration.AxisCount;
            vibrationBuffer = new short[BufferFrames * axisCount];

            // A window with less than a quarter of its frames (a stalled FIFO, a loop far too slow) has no vibration.
            int expectedFrames = (int)((long)vibration.SampleRateHz * WindowMs / 1000);
            minValidFrames = expectedFrames / 4 > 0 ? expectedFrames / 4 : 1;

            machine = new MachineStateDetector(parameters.Machine);
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                channels[i] = new AnomalyChannel(parameters.Channel(i));
            }

            appliedConfigVersion = config.Version - 1;
            snapshot.NodeId = defaultNodeId;
            snapshot.VibrationAxisCount = axisCount;
            snapshot.VibrationSampleRateHz = vibration.SampleRateHz;
        }

        /// <summary>The node's state after the last window (updated in place).</summary>
        public NodeSnapshot Snapshot => snapshot;

        /// <summary>The last <see cref="EventCapacity"/> events.</summary>
        public EventLog Events => events;

        /// <summary>The settings the node runs with.</summary>
        public ConfigStore Config => config;

        /// <summary>The node's clock.</summary>
        public IClock Clock => clock;

        /// <summary>Where events and windows go.</summary>
        public ITelemetryPublisher Publisher => publisher;

        /// <summary>The tuning taken from the settings.</summary>
        public NodeParameters Parameters => parameters;

        /// <summary>Milli-g per raw vibration count of the front end.</summary>
        public LinearScale VibrationMilliGPerCount => milliGPerCount;

        /// <summary>Exceptions caught in <paramref name="subsystem"/>'s step since boot.</summary>
        public long ErrorCount(NodeSubsystem subsystem) => errorCounts[(int)subsystem];

        /// <summary>
        /// Applies the settings and records the boot event (reason: the wake cause) and, when the config file was
        /// missing or corrupt, a config event saying so (level "defaults" with reason "no_file", or "recovered" with
        /// reason "corrupt_file"). The first window ends <see cref="WindowMs"/> later. Throws
        /// <see cref="InvalidOperationException"/> if called twice.
        /// </summary>
        public void Start(WakeCause wake, ConfigLoadOutcome configOutcome)
        {
            Start(wake, configOutcome, true);
        }

        /// <summary>
        /// <see cref="Start(WakeCause, ConfigLoadOutcome)"/>, for the power manager's routine timer wakes from a planned
        /// deep sleep when <paramref name="recordBoot"/> is false: no boot event, and no repeat of a missing config file
        /// (the power-on reported it), which would otherwise fill the event stream at every wake. A corrupt config file is
        /// recorded either way.
        /// </summary>
        public void Start(WakeCause wake, ConfigLoadOutcome configOutcome, bool recordBoot)
        {
            if (started)
            {
                throw new InvalidOperationException("Start was already called");
            }

            started = true;
            long nowMs = clock.MonotonicMs;
            RunStep(NodeSubsystem.Config, nowMs);
            if (recordBoot)
            {
                RecordEvent(EventType.Boot, "node", "", 0, 0, "", 0, NodeNames.Wake(wake));
            }

            if (configOutcome == ConfigLoadOutcome.Defaults && recordBoot)
            {
                RecordEvent(EventType.Config, "config", "defaults", 0, 0, "", 0, "no_file");
            }
            else if (configOutcome == ConfigLoadOutcome.Recovered)
            {
                RecordEvent(EventType.Config, "config", "recovered", 0, 0, "", 0, "corrupt_file");
            }

            nextWindowMs = nowMs + WindowMs;
        }

        /// <summary>
        /// One tick: applies a changed config, drains the accelerometer, finishes the window when its time has come (a
        /// late loop finishes one window and realigns rather than catching up), then feeds the watchdog. Throws
        /// <see cref="InvalidOperationException"/> before <see cref="Start"/>; nothing else escapes.
        /// </summary>
        public void RunOnce()
        {
            if (!started)
            {
                throw new InvalidOperationException("call Start first");
            }

            long nowMs = clock.MonotonicMs;
            snapshot.UptimeMs = nowMs;
            if (publishFailurePending)
            {
                publishFailurePending = false;
                ReportError(NodeSubsystem.Publish, publishFailureType, nowMs);
            }

            RunStep(NodeSubsystem.Config, nowMs);
            RunStep(NodeSubsystem.Vibration, nowMs);
            if (chunkedCurrent != null)
            {
                // A current chunk between two drains: the FIFO never holds more than a tick's frames plus a chunk's.
                SampleCurrentChunk(nowMs);
                RunStep(NodeSubsystem.Vibration, nowMs);
            }

            if (nowMs >= nextWindowMs)
            {
                nextWindowMs += WindowMs;
                if (nextWindowMs <= nowMs)
                {
                    nextWindowMs = nowMs + WindowMs;
                }

                for (int i = 0; i < NodeChannels.Count; i++)
                {
                    channelHasValue[i] = false;
                    channelSettling[i] = false;
                    channelFrozen[i] = false;
                }

                RunStep(NodeSubsystem.Features, nowMs);
                RunStep(NodeSubsystem.Temperature, nowMs);
                RunStep(NodeSubsystem.Current, nowMs);
                RunStep(NodeSubsystem.Machine, nowMs);
                RunStep(NodeSubsystem.Anomaly, nowMs);
                RunStep(NodeSubsystem.Health, nowMs);

                // Counted before publishing, so the published state counts the window it describes.
                snapshot.WindowCount++;
                RunStep(NodeSubsystem.Publish, nowMs);
                windowFrames = 0;
                windowFramesLost = 0;
                quickWindow = false;
            }

            if (watchdog != null)
            {
                watchdog.Feed();
            }
        }

        /// <summary>
        /// The learn command: forgets the baseline of <paramref name="channel"/> (a <see cref="NodeChannels"/> index, or
        /// -1 for all) and learns again from the next running windows. A channel that was not ok records a clear event
        /// with reason "relearn". Throws <see cref="ArgumentOutOfRangeException"/> for another channel number.
        /// </summary>
        public void Relearn(int channel)
        {
            if (channel < -1 || channel >= NodeChannels.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(channel));
            }

            int first = channel < 0 ? 0 : channel;
            int last = channel < 0 ? NodeChannels.Count - 1 : channel;
            for (int i = first; i <= last; i++)
            {
                AnomalyChannel c = channels[i];
                c.Relearn();
                if (c.LevelChanged)
                {
                    RecordLevelEvent(i, c);
                }

                snapshot.SetChannel(i, c.Level, c.ScoreQ15, c.IsLearned);
            }

            health.Evaluate(channels);
            CopyHealth();
        }

        /// <summary>
        /// Stores the power mode asked for (the power manager acts on it) and records a power event: level the mode's
        /// name, reason <paramref name="reason"/> (e.g. "console").
        /// </summary>
        public void RequestPowerMode(PowerModeRequest mode, string reason)
        {
            snapshot.RequestedPowerMode = mode;
            powerRequestReason = reason == null ? "" : reason;
            RecordEvent(EventType.Power, "power", NodeNames.PowerMode(mode), 0, 0, "", 0, reason);
        }

        /// <summary>Why the power mode was last requested (the <see cref="RequestPowerMode"/> reason, "" before any).</summary>
        internal string PowerRequestReason => powerRequestReason;

        /// <summary>Sets the power mode request kept across a deep sleep, without an event (it was recorded when made).</summary>
        internal void RestorePowerRequest(PowerModeRequest mode, string reason)
        {
            snapshot.RequestedPowerMode = mode;
            powerRequestReason = reason == null ? "" : reason;
        }

        /// <summary>Windows in which the machine ran (the channels learned or scored) since this boot.</summary>
        internal long RunningWindows => runningWindows;

        /// <summary>The anomaly channel of a <see cref="NodeChannels"/> index, for the power manager's persistence.</summary>
        internal AnomalyChannel Channel(int channel) => channels[channel];

        /// <summary>The machine state detector, for the power manager's persistence.</summary>
        internal MachineStateDetector MachineDetector => machine;

        /// <summary>
        /// True while a machine state or channel level change is under way (debounce, dwell, missing or recovery count):
        /// a burst of windows should go on until it settles.
        /// </summary>
        internal bool ChangePending
        {
            get
            {
                if (machine.ChangePending)
                {
                    return true;
                }

                for (int i = 0; i < NodeChannels.Count; i++)
                {
                    if (snapshot.ChannelFitted(i) && channels[i].ChangePending)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// After the power manager restored the channels and the machine state from flash: the snapshot and health follow
        /// them, and the machine state is <paramref name="machineSinceMs"/> old (node time, negative before this boot).
        /// </summary>
        internal void AfterRestore(long machineSinceMs)
        {
            snapshot.Machine = machine.State;
            snapshot.MachineSinceMs = machineSinceMs;
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                AnomalyChannel c = channels[i];
                snapshot.SetChannel(i, c.Level, c.ScoreQ15, c.IsLearned);
            }

            health.Evaluate(channels);
            CopyHealth();
        }

        /// <summary>
        /// Sampling starts again after a sleep: what the accelerometer FIFO held from before is discarded, the vibration
        /// filters restart, and a fresh window ends <see cref="WindowMs"/> from now. Exceptions from the front end are
        /// counted against the vibration step, as in a tick.
        /// </summary>
        internal void ResumeSampling()
        {
            long nowMs = clock.MonotonicMs;
            try
            {
                for (int read = 0; read < ReadsPerTick; read++)
                {
                    int frames;
                    sensors.ReadVibration(vibrationBuffer, 0, BufferFrames, out frames);
                    if (frames < BufferFrames)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex)
            {
                CountError(NodeSubsystem.Vibration);
                ReportError(NodeSubsystem.Vibration, ex.GetType().Name, nowMs);
            }

            extractor.Restart();
            windowFrames = 0;
            windowFramesLost = 0;
            vibrationGap = false;
            nextWindowMs = nowMs + WindowMs;
        }

        /// <summary>
        /// Makes the window that has just begun (call right after <see cref="Start(WakeCause, ConfigLoadOutcome, bool)"/>
        /// or <see cref="ResumeSampling"/>) a quick one: it ends <see cref="QuickWindowMs"/> from now instead of
        /// <see cref="WindowMs"/>. A quick window gives the machine state its readings and the temperature channel its
        /// value as usual, and a missing or stuck sensor still counts; the vibration and current channels sit it out (their
        /// baselines describe full windows, the velocity has not settled yet, and a motor starting in those 250 ms would
        /// show nothing but its inrush). The power manager starts each eco and sleep burst with one, so a wake that finds
        /// the machine still off is over in a quarter of a second.
        /// </summary>
        public void StartQuickWindow()
        {
            quickWindow = true;
            nextWindowMs = clock.MonotonicMs + QuickWindowMs;
        }

        /// <summary>
        /// Records an event with the next sequence number and the clock's times, and hands it to the publisher (whose
        /// exceptions are counted against <see cref="NodeSubsystem.Publish"/> and reported on the next tick). Returns the
        /// log's slot. For the console, config and power code as well as the scheduler itself.
        /// </summary>
        /// <param name="type">Kind of event.</param>
        /// <param name="channel">Channel, subsystem or setting.</param>
        /// <param name="level">Level or state after the event, "" if none.</param>
        /// <param name="value">Scaled value: value / 10^<paramref name="decimals"/> in <paramref name="unit"/>.</param>
        /// <param name="decimals">Decimal places of <paramref name="value"/>.</param>
        /// <param name="unit">Unit of the scaled value, "" if none.</param>
        /// <param name="scoreQ15">Anomaly score, Q1.15, 0 if none.</param>
        /// <param name="reason">Why, as a snake_case word.</param>
        public NodeEvent RecordEvent(EventType type, string channel, string level, int value, int decimals, string unit,
            int scoreQ15, string reason)
        {
            long unixTimeMs;
            if (!clock.TryGetUnixTimeMs(out unixTimeMs))
            {
                unixTimeMs = 0;
            }

            NodeEvent recorded = events.Add(clock.MonotonicMs, unixTimeMs, type, channel, level, value, decimals, unit,
                scoreQ15, reason);
            snapshot.LastEventSeq = recorded.Seq;
            try
            {
                publisher.PublishEvent(recorded);
            }
            catch (Exception ex)
            {
                // Reported from the next tick: an error event from here would call the failing publisher again.
                CountError(NodeSubsystem.Publish);
                publishFailureType = ex.GetType().Name;
                publishFailurePending = true;
            }

            return recorded;
        }

        private void RunStep(NodeSubsystem step, long nowMs)
        {
            try
            {
                switch (step)
                {
                    case NodeSubsystem.Config:
                        ApplyConfig();
                        break;
                    case NodeSubsystem.Vibration:
                        DrainVibration();
                        break;
                    case NodeSubsystem.Features:
                        FinishVibrationWindow();
                        break;
                    case NodeSubsystem.Temperature:
                        ReadTemperature(nowMs);
                        break;
                    case NodeSubsystem.Current:
                        ReadCurrent();
                        break;
                    case NodeSubsystem.Machine:
                        UpdateMachine(nowMs);
                        break;
                    case NodeSubsystem.Anomaly:
                        UpdateChannels(nowMs);
                        break;
                    case NodeSubsystem.Health:
                        health.Evaluate(channels);
                        CopyHealth();
                        break;
                    case NodeSubsystem.Publish:
                        Publish();
                        break;
                }
            }
            catch (Exception ex)
            {
                CountError(step);
                ReportError(step, ex.GetType().Name, nowMs);
            }
        }

        private void SampleCurrentChunk(long nowMs)
        {
            try
            {
                chunkedCurrent.SampleCurrentChunk();
            }
            catch (Exception ex)
            {
                CountError(NodeSubsystem.Current);
                ReportError(NodeSubsystem.Current, ex.GetType().Name, nowMs);
            }
        }

        private void ApplyConfig()
        {
            int version = config.Version;
            if (version == appliedConfigVersion)
            {
                return;
            }

            // Marked applied first: a config that cannot be applied is reported once, not on every tick.
            appliedConfigVersion = version;
            string nodeId = config.GetText(ConfigKeys.NodeId);
            snapshot.NodeId = nodeId == null || nodeId.Length == 0 ? defaultNodeId : nodeId;
            parameters.Apply(config);
        }

        private void DrainVibration()
        {
            for (int read = 0; read < ReadsPerTick; read++)
            {
                int frames;
                SensorReadStatus status = sensors.ReadVibration(vibrationBuffer, 0, BufferFrames, out frames);
                bool hasData = status == SensorReadStatus.Ok || status == SensorReadStatus.Overrun
                    || status == SensorReadStatus.OutOfRange;
                if (!hasData)
                {
                    // Whatever the reason, samples stop here: the next data restarts the filters.
                    snapshot.RecordRead(NodeSensors.Vibration, status, false);
                    vibrationGap = status != SensorReadStatus.NotFitted;
                    return;
                }

                if (frames == 0)
                {
                    return;
                }

                // Lost samples break the velocity filters' history: restart them (the window's frames so far go too).
                if (status == SensorReadStatus.Overrun || vibrationGap)
                {
                    extractor.Restart();
                    windowFramesLost += windowFrames;
                    windowFrames = 0;
                    vibrationGap = false;
                }

                int taken = extractor.AddSamples(vibrationBuffer, 0, frames);
                windowFrames += taken;
                windowFramesLost += frames - taken;
                snapshot.RecordRead(NodeSensors.Vibration, status, true);
                if (frames < BufferFrames)
                {
                    return;
                }
            }
        }

        private void FinishVibrationWindow()
        {
            extractor.FinishWindow();
            int neededFrames = quickWindow ? minValidFrames * QuickWindowMs / WindowMs : minValidFrames;
            bool valid = windowFrames >= (neededFrames > 0 ? neededFrames : 1);
            int velocity = 0;
            int accel = 0;
            int peak = 0;
            int crest = 0;
            int kurtosis = 0;
            bool settled = true;

            // A window of one repeated sample on every axis is a stuck part, not a still machine (its noise alone moves
            // every axis by a few counts): its features are not readings, and the vibration channels count it as stuck.
            bool frozen = valid;
            for (int axis = 0; axis < axisCount; axis++)
            {
                frozen = frozen && extractor.Axis(axis).RangeCounts == 0;
            }

            if (frozen)
            {
                valid = false;
                for (int channel = NodeChannels.Velocity; channel <= NodeChannels.Kurtosis; channel++)
                {
                    channelFrozen[channel] = true;
                }
            }

            for (int axis = 0; axis < 3; axis++)
            {
                if (axis >= axisCount)
                {
                    snapshot.SetFeature(NodeFeatures.VelocityRmsX + axis, 0, false);
                    continue;
                }

                VibrationFeatures f = extractor.Axis(axis);
                velocity = Max(velocity, f.VelocityRmsUmS);
                accel = Max(accel, f.AccelRmsMilliG);
                peak = Max(peak, f.AccelPeakMilliG);
                crest = Max(crest, f.CrestFactorX100);
                kurtosis = Max(kurtosis, f.KurtosisX100);
                settled = settled && f.VelocitySettled;
                snapshot.SetFeature(NodeFeatures.VelocityRmsX + axis, f.VelocityRmsUmS, valid && f.VelocitySettled);
            }

            // The velocity filters carry a start-up transient for 250 ms after a (re)start: no velocity that window.
            bool velocityValid = valid && settled;
            snapshot.SetFeature(NodeFeatures.VelocityRms, velocity, velocityValid);
            snapshot.SetFeature(NodeFeatures.AccelRms, accel, valid);
            snapshot.SetFeature(NodeFeatures.AccelPeak, peak, valid);
            snapshot.SetFeature(NodeFeatures.CrestFactor, crest, valid);
            snapshot.SetFeature(NodeFeatures.Kurtosis, kurtosis, valid);
            snapshot.IsoZone = IsoZoneLimits.Classify(velocityValid ? velocity : 0, parameters.Group, parameters.Foundation);
            snapshot.VibrationFrames = windowFrames;
            snapshot.VibrationFramesLost = windowFramesLost;
            SetChannelValue(NodeChannels.Velocity, velocity, velocityValid);

            // Settling after a (re)start is no sign of a missing sensor: that window leaves the velocity channel alone. A
            // quick window's readings go to the machine state only.
            channelSettling[NodeChannels.Velocity] = valid && (!settled || quickWindow);
            channelSettling[NodeChannels.Acceleration] = valid && quickWindow;
            channelSettling[NodeChannels.Kurtosis] = valid && quickWindow;
            SetChannelValue(NodeChannels.Acceleration, accel, valid);
            SetChannelValue(NodeChannels.Kurtosis, kurtosis, valid);
        }

        private void ReadTemperature(long nowMs)
        {
            int tempCentiC;
            SensorReadStatus status = sensors.ReadTemperature(out tempCentiC);
            bool ok = status == SensorReadStatus.Ok;
            snapshot.RecordRead(NodeSensors.Temperature, status, ok);
            if (ok && (!trendStarted || nowMs - lastTrendMs >= TrendIntervalMs))
            {
                trend.Add(tempCentiC, nowMs);
                lastTrendMs = nowMs;
                trendStarted = true;
            }

            snapshot.SetFeature(NodeFeatures.Temperature, tempCentiC, ok);
            snapshot.SetFeature(NodeFeatures.TemperatureSlope, trend.SlopeCentiCPerMin, ok && trend.HasSlope);

            // A clamped (out of range) reading goes to the channel, whose plausible range turns it into an impossible fault.
            SetChannelValue(NodeChannels.Temperature, tempCentiC, ok || status == SensorReadStatus.OutOfRange);
        }

        private void ReadCurrent()
        {
            int currentMa;
            SensorReadStatus status = sensors.ReadCurrent(out currentMa);
            bool hasData = status == SensorReadStatus.Ok || status == SensorReadStatus.OutOfRange;
            snapshot.RecordRead(NodeSensors.Current, status, hasData);
            snapshot.SetFeature(NodeFeatures.Current, currentMa, hasData);
            SetChannelValue(NodeChannels.Current, currentMa, hasData);

            // A quick window may be all start-up inrush (several times the running current for a fraction of a second): it
            // tells the machine state, but only full windows are scored.
            channelSettling[NodeChannels.Current] = hasData && quickWindow;
        }

        private void UpdateMachine(long nowMs)
        {
            bool hasCurrent = channelHasValue[NodeChannels.Current];
            bool hasVibration = channelHasValue[NodeChannels.Acceleration];
            if (!hasCurrent && !hasVibration)
            {
                return;
            }

            // A missing signal reads as 0, as for a node without that sensor: the other one alone can say running.
            int currentMa = hasCurrent ? channelValues[NodeChannels.Current] : 0;
            machine.Update(currentMa, hasVibration ? channelValues[NodeChannels.Acceleration] : 0, nowMs);
            if (!machine.StateChanged)
            {
                return;
            }

            snapshot.Machine = machine.State;
            snapshot.MachineSinceMs = nowMs;
            RecordEvent(EventType.Machine, "machine", NodeNames.Machine(machine.State), currentMa,
                NodeFeatures.Decimals(NodeFeatures.Current), NodeFeatures.Unit(NodeFeatures.Current), 0,
                MachineReason(machine.PreviousState));
        }

        private void UpdateChannels(long nowMs)
        {
            bool running = machine.IsRunning;
            if (running)
            {
                runningWindows++;
            }

            // The baselines describe the running machine: a motor that no longer draws its running current is coasting
            // down, and those windows are neither learned nor scored. Temperature waits for the warm-up after each start.
            bool energised = !channelHasValue[NodeChannels.Current]
                || channelValues[NodeChannels.Current] >= parameters.Machine.CurrentRunMa;
            bool learning = running && energised;
            bool warm = learning && nowMs - machine.ChangedAtMs >= parameters.TemperatureWarmupMs;

            for (int i = 0; i < NodeChannels.Count; i++)
            {
                if (!snapshot.ChannelFitted(i))
                {
                    continue;
                }

                // Guarded one by one: a channel that throws does not stop the others.
                try
                {
                    AnomalyChannel c = channels[i];
                    if (channelSettling[i])
                    {
                        continue;
                    }

                    if (channelHasValue[i])
                    {
                        c.Update(channelValues[i], running, i == NodeChannels.Temperature ? warm : learning);
                    }
                    else if (channelFrozen[i])
                    {
                        c.MarkSensorStuck(channelValues[i]);
                    }
                    else
                    {
                        c.MarkSensorMissing();
                    }

                    if (c.LevelChanged)
                    {
                        RecordLevelEvent(i, c);
                    }

                    snapshot.SetChannel(i, c.Level, c.ScoreQ15, c.IsLearned);
                }
                catch (Exception ex)
                {
                    CountError(NodeSubsystem.Anomaly);
                    ReportError(NodeSubsystem.Anomaly, ex.GetType().Name, nowMs);
                }
            }
        }

        private void Publish()
        {
            snapshot.Connected = publisher.IsConnected;
            snapshot.QueueDepth = publisher.QueueDepth;
            snapshot.DroppedCount = publisher.DroppedCount;
            publisher.PublishWindow(snapshot);
        }

        private void CopyHealth()
        {
            snapshot.Health = health.Health;
            snapshot.MachineLevel = health.MachineLevel;
            snapshot.AlarmCount = health.AlarmCount;
            snapshot.FaultCount = health.FaultCount;
            snapshot.WatchCount = health.WatchCount;
        }

        private void SetChannelValue(int channel, int value, bool hasValue)
        {
            channelValues[channel] = value;
            channelHasValue[channel] = hasValue;
        }

        private void RecordLevelEvent(int channel, AnomalyChannel c)
        {
            // Worse is an alarm (watch or alarm raised), a fault is a fault, anything better is a clear.
            EventType type = c.Level == ChannelLevel.Fault ? EventType.Fault
                : c.PreviousLevel != ChannelLevel.Fault && c.Level > c.PreviousLevel ? EventType.Alarm
                : EventType.Clear;
            int feature = NodeChannels.Feature(channel);
            RecordEvent(type, NodeChannels.Name(channel), NodeNames.Level(c.Level), c.EventValue, NodeFeatures.Decimals(feature),
                NodeFeatures.Unit(feature), c.EventScoreQ15, NodeNames.Reason(c.Reason));
        }

        private void CountError(NodeSubsystem step)
        {
            errorCounts[(int)step]++;
            snapshot.ErrorCount++;
        }

        private void ReportError(NodeSubsystem step, string exceptionType, long nowMs)
        {
            int index = (int)step;
            if (errorReported[index] && nowMs - lastErrorEventMs[index] < ErrorEventIntervalMs)
            {
                return;
            }

            errorReported[index] = true;
            lastErrorEventMs[index] = nowMs;
            long count = errorCounts[index];
            RecordEvent(EventType.Error, NodeNames.Subsystem(step), "error", count > int.MaxValue ? int.MaxValue : (int)count,
                0, "", 0, exceptionType);
        }

        private static string MachineReason(MachineState previous)
        {
            switch (previous)
            {
                case MachineState.Off: return "from_off";
                case MachineState.Idle: return "from_idle";
                case MachineState.Running: return "from_running";
                default: return NodeNames.Unknown;
            }
        }

        private static int Max(int a, int b)
        {
            return a > b ? a : b;
        }
    }
}
