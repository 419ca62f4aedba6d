using System;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Machine;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Hardware;

namespace SensorNode.Core.Telemetry
{
    /// <summary>
    /// The node's MQTT client: implements the telemetry contract (DESIGN.md, README) over an <see cref="IMqttTransport"/>.
    /// Root <c>{mqtt.prefix}/{nodeId}</c>; availability (retained, will "offline"), state (retained, on change and at the
    /// report period), event (QoS 1, persistent <c>seq</c>, through the bounded <see cref="PublishQueue"/>), power
    /// (retained), telemetry (QoS 0, at the power mode's period and on deadband moves), cmd / cmd/reply (one console line
    /// through the node's own <see cref="CommandInterpreter"/>, <see cref="SettingSource.Remote"/>) and Home Assistant
    /// discovery.
    /// </summary>
    /// <remarks>
    /// <para><b>Threads.</b> Three parties meet here, and every piece of shared state is guarded by one lock:</para>
    /// <list type="bullet">
    /// <item>the node's loop thread: <see cref="Attach"/>, the <see cref="ITelemetryPublisher"/> calls (format JSON into
    /// the queue or the pending state and power buffers; never the network), <see cref="PublishPower"/>,
    /// <see cref="RequestSleep"/> and <see cref="RunCommands"/> (runs received commands through the interpreter, which is
    /// not thread-safe, and records connection-refusal events);</item>
    /// <item>the network thread: <see cref="Service"/>, the only caller of the transport (connect with back-off, then
    /// discovery, power, state, reply and the queue, oldest first). The device app and the virtual node run it on a
    /// thread of its own; tests call it directly;</item>
    /// <item>the transport's receive thread: the message handler only copies a command into the inbox (or notes Home
    /// Assistant's birth message) and returns.</item>
    /// </list>
    /// <para><b>Reconnect.</b> The first attempt comes a random 0 to <see cref="MqttPublisherOptions.BackoffInitialMs"/>
    /// after the first <see cref="Service"/> call; each failure or lost connection waits by <see cref="ReconnectBackoff"/>
    /// (1 s doubling to 5 min, ±25 %, seeded from the node id); a connection that holds for
    /// <see cref="MqttPublisherOptions.StableConnectionMs"/> resets it. The client id is the node id. A refusal (bad
    /// credentials, not authorised) shows in <see cref="StatusText"/> and becomes one error event (channel "mqtt") per run
    /// of refusals; the retries go on with the back-off, and a corrected mqtt.user / mqtt.password is used at the next
    /// attempt. Changing node.id or mqtt.prefix publishes "offline" on the old root and reconnects under the new one.
    /// mqtt.host, port and TLS belong to the transport: they apply at the next boot.</para>
    /// <para><b>No broker.</b> With a null transport (mqtt.host empty) the node runs offline: events and telemetry go
    /// into the queue (oldest telemetry, then oldest ordinary events dropped when full) and the console works.</para>
    /// <para><b>Memory.</b> All buffers are allocated by the constructor; formatting, queueing and sending allocate
    /// nothing in steady state. Allocations happen only when settings change (topic strings), for a received command
    /// (the line as a string, as the interpreter takes it) and in <see cref="StatusText"/>.</para>
    /// </remarks>
    public sealed class MqttPublisher : ITelemetryPublisher, IPowerAnnouncer
    {
        private const int PowerBytes = 256;
        private const int AllEntities = (1 << HomeAssistantDiscovery.EntityCount) - 1;
        private const string ReasonBoot = "boot";
        private const string ReasonModeChange = "mode_change";

        private readonly IMqttTransport transport;
        private readonly IClock clock;
        private readonly MqttPublisherOptions options;
        private readonly object sync = new object();
        private readonly PublishQueue queue;

        // Loop thread only.
        private readonly JsonWriter staging;
        private readonly JsonWriter replyWriter;
        private readonly ConsoleReply reply;
        private readonly int[] lastSentValues = new int[NodeFeatures.Count];
        private readonly bool[] lastSentValid = new bool[NodeFeatures.Count];
        private readonly byte[] commandBytes = new byte[CommandPayload.MaxBytes];
        private readonly char[] commandChars = new char[CommandPayload.MaxBytes];
        private SensorNodeCore core;
        private CommandInterpreter interpreter;
        private IFileStorage flash;
        private EventSequenceStore sequence;
        private int appliedConfigVersion;
        private int appliedFittedMask;
        private bool telemetrySent;
        private long lastTelemetryMs;
        private bool stateFormatted;
        private long lastStateMs;
        private int lastStateSignature;
        private string lastPowerMode;

        // Shared: read and written under sync.
        private readonly byte[] stateBuffer;
        private readonly byte[] powerBuffer = new byte[PowerBytes];
        private readonly byte[] replyBuffer;
        private readonly byte[][] inbox;
        private readonly int[] inboxLengths;
        private readonly CommandPayloadStatus[] inboxStatus;
        private Identity identity;
        private int stateLength;
        private bool stateDirty;
        private int powerLength;
        private bool powerDirty;
        private int replyLength;
        private bool replyPending;
        private int inboxHead;
        private int inboxCount;
        private int busyReplies;
        private bool discoveryDirty;
        private bool discoveryCleared;
        private string pendingRefusal;
        private int pendingRefusalAttempts;
        private bool sleepRequested;
        private bool readyForSleep;
        private bool linkUp;
        private MqttStatus lastStatus = MqttStatus.Accepted;
        private MqttStatus lostReason = MqttStatus.NotConnected;
        private int attempts;
        private bool attempted;
        private long nextAttemptMs;
        private long connectedAtMs;
        private int connections;

        // Network thread only.
        private readonly byte[] sendBuffer;
        private readonly JsonWriter discoveryWriter;
        private ReconnectBackoff backoff;
        private MqttTopics connectedTopics;
        private bool firstAttemptScheduled;
        private bool refusalReported;

        /// <summary>
        /// Creates the publisher. Nothing is sent before <see cref="Attach"/> and the first <see cref="Service"/>.
        /// </summary>
        /// <param name="transport">The broker session, or null when no broker is configured (offline node).</param>
        /// <param name="clock">Time for reconnect scheduling (on the host: real time, as the broker is real).</param>
        /// <param name="options">Sizes and timings; null for the defaults.</param>
        public MqttPublisher(IMqttTransport transport, IClock clock, MqttPublisherOptions options)
        {
            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            this.transport = transport;
            this.clock = clock;
            this.options = options == null ? new MqttPublisherOptions() : options;
            MqttPublisherOptions o = this.options;
            queue = new PublishQueue(o.QueueCapacity, o.SlotBytes);
            staging = new JsonWriter(new byte[o.StateBytes > o.SlotBytes ? o.StateBytes : o.SlotBytes]);
            stateBuffer = new byte[o.StateBytes];
            reply = new ConsoleReply(o.ReplyCapacityChars);

            // Every reply character takes at most two bytes in the JSON string ('"', '\', '\n' and the 2-byte UTF-8 of
            // "°"); the rare worse case (other non-ASCII) overflows and is answered with an error instead.
            replyBuffer = new byte[2 * o.ReplyCapacityChars + 64];
            replyWriter = new JsonWriter(replyBuffer);
            int sendBytes = o.StateBytes > HomeAssistantDiscovery.MaxPayloadBytes ? o.StateBytes : HomeAssistantDiscovery.MaxPayloadBytes;
            sendBuffer = new byte[sendBytes > PowerBytes ? sendBytes : PowerBytes];
            discoveryWriter = new JsonWriter(sendBuffer);
            inbox = new byte[o.InboxCapacity][];
            for (int i = 0; i < inbox.Length; i++)
            {
                inbox[i] = new byte[CommandPayload.MaxBytes];
            }

            inboxLengths = new int[o.InboxCapacity];
            inboxStatus = new CommandPayloadStatus[o.InboxCapacity];
            if (transport != null)
            {
                transport.MessageReceived += OnMessage;
                transport.ConnectionLost += OnConnectionLost;
            }
        }

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                lock (sync)
                {
                    return linkUp;
                }
            }
        }

        /// <inheritdoc/>
        public int QueueDepth
        {
            get
            {
                lock (sync)
                {
                    return queue.Count;
                }
            }
        }

        /// <summary>Events dropped because the queue was full, since construction (telemetry drops are not counted here).</summary>
        public int DroppedCount
        {
            get
            {
                lock (sync)
                {
                    return queue.DroppedEvents;
                }
            }
        }

        /// <summary>Telemetry messages dropped because the queue was full, since construction.</summary>
        public int DroppedTelemetry
        {
            get
            {
                lock (sync)
                {
                    return queue.DroppedTelemetry;
                }
            }
        }

        /// <summary>Successful connections since construction.</summary>
        public int Connections
        {
            get
            {
                lock (sync)
                {
                    return connections;
                }
            }
        }

        /// <summary>Failed connection attempts since the last successful one.</summary>
        public int FailedAttempts
        {
            get
            {
                lock (sync)
                {
                    return attempts;
                }
            }
        }

        /// <summary>The outcome of the last connection attempt (or why the last connection ended).</summary>
        public MqttStatus LastStatus
        {
            get
            {
                lock (sync)
                {
                    return lastStatus;
                }
            }
        }

        /// <summary>Network-clock time of the next connection attempt, ms; meaningful while not connected.</summary>
        public long NextAttemptMs
        {
            get
            {
                lock (sync)
                {
                    return nextAttemptMs;
                }
            }
        }

        /// <summary>True when nothing waits to be sent: queue empty, no pending state, power, reply or discovery.</summary>
        public bool IsIdle
        {
            get
            {
                lock (sync)
                {
                    return queue.Count == 0 && !stateDirty && !powerDirty && !replyPending && !discoveryDirty && inboxCount == 0
                        && busyReplies == 0;
                }
            }
        }

        /// <summary>
        /// True after <see cref="RequestSleep"/> once everything pending was sent, "sleeping" published and the connection
        /// closed with DISCONNECT (or at once when there is no connection).
        /// </summary>
        public bool ReadyForSleep
        {
            get
            {
                lock (sync)
                {
                    return readyForSleep;
                }
            }
        }

        /// <summary>The topics in use (null before <see cref="Attach"/>).</summary>
        public MqttTopics Topics
        {
            get
            {
                lock (sync)
                {
                    return identity == null ? null : identity.Topics;
                }
            }
        }

        /// <inheritdoc/>
        public string StatusText
        {
            get
            {
                lock (sync)
                {
                    return DescribeLink();
                }
            }
        }

        /// <summary>
        /// Connects the publisher to the node, once per boot, before <see cref="SensorNodeCore.Start"/>: commands go to
        /// <paramref name="commands"/>, settings come from the node's config, and when <paramref name="storage"/> is given
        /// the event sequence continues from flash (<see cref="EventSequenceStore"/>) so that <c>seq</c> keeps increasing
        /// across reboots. Loop thread.
        /// </summary>
        public void Attach(SensorNodeCore node, CommandInterpreter commands, IFileStorage storage)
        {
            if (node == null)
            {
                throw new ArgumentNullException(nameof(node));
            }

            if (commands == null)
            {
                throw new ArgumentNullException(nameof(commands));
            }

            core = node;
            interpreter = commands;
            flash = storage;
            if (storage != null)
            {
                // Events a deep sleep kept go out first, ahead of this boot's own.
                lock (sync)
                {
                    PendingEventStore.Restore(queue, storage, PendingFileBytes());
                }

                sequence = new EventSequenceStore(storage, options.SequenceBlockSize);
                long next = sequence.Boot();
                if (next > node.Events.LastSeq)
                {
                    node.Events.ContinueFrom(next);
                }
            }

            appliedFittedMask = AllEntities;
            stateFormatted = false;
            telemetrySent = false;
            lastPowerMode = null;
            ApplySettings();
        }

        /// <inheritdoc/>
        public void PublishEvent(NodeEvent nodeEvent)
        {
            if (sequence != null)
            {
                sequence.Observe(nodeEvent.Seq);
            }

            staging.Reset();
            EventJson.Write(staging, nodeEvent);
            if (!staging.IsComplete || staging.Length > queue.SlotBytes)
            {
                throw new InvalidOperationException("event JSON does not fit a queue slot");
            }

            PublishKind kind = nodeEvent.Type == EventType.Alarm || nodeEvent.Type == EventType.Fault
                ? PublishKind.Alarm
                : PublishKind.Event;
            lock (sync)
            {
                queue.Enqueue(kind, nodeEvent.Seq, staging.Buffer, staging.Length);
            }
        }

        /// <inheritdoc/>
        public void PublishWindow(NodeSnapshot snapshot)
        {
            if (core == null)
            {
                return;
            }

            int fitted = FittedMask(snapshot);
            if (core.Config.Version != appliedConfigVersion || fitted != appliedFittedMask)
            {
                appliedFittedMask = fitted;
                ApplySettings();
            }

            long nowMs = snapshot.UptimeMs;
            if (lastPowerMode == null || snapshot.PowerMode != lastPowerMode)
            {
                bool first = lastPowerMode == null;
                PublishPower(snapshot.PowerMode, first ? ReasonBoot : ReasonModeChange, first ? 0 : nowMs, -1);
            }

            // Windows end a tick late or early by a few ms: half a window of slack keeps a period of N windows exact.
            long periodMs = ReportPeriodMs(snapshot.PowerMode) - SensorNodeCore.WindowMs / 2;
            int signature = StateSignature.Compute(snapshot);
            if (!stateFormatted || signature != lastStateSignature || nowMs - lastStateMs >= periodMs)
            {
                FormatState(snapshot);
                stateFormatted = true;
                lastStateSignature = signature;
                lastStateMs = nowMs;
            }

            string reason = null;
            if (!telemetrySent || nowMs - lastTelemetryMs >= periodMs)
            {
                reason = TelemetryJson.ReasonInterval;
            }
            else if (MovedBeyondDeadband(snapshot))
            {
                reason = TelemetryJson.ReasonDeadband;
            }

            if (reason != null)
            {
                SendTelemetry(snapshot, reason);
                telemetrySent = true;
                lastTelemetryMs = nowMs;
            }
        }

        /// <summary>
        /// Sets the retained <c>{root}/power</c> message (the power manager calls it on every mode change, before the mode
        /// takes effect; until the first call the publisher reports the snapshot's mode itself). Loop thread.
        /// </summary>
        /// <param name="mode">active, eco or sleep.</param>
        /// <param name="reason">Why, snake_case.</param>
        /// <param name="sinceMs">Node time the mode takes effect, ms since boot.</param>
        /// <param name="nextWakeInMs">Time to the next planned wake, ms; negative for none.</param>
        public void PublishPower(string mode, string reason, long sinceMs, long nextWakeInMs)
        {
            if (mode == null)
            {
                throw new ArgumentNullException(nameof(mode));
            }

            lastPowerMode = mode;
            long nowMs = core == null ? 0 : core.Clock.MonotonicMs;
            long unixMs = UnixNow();
            staging.Reset();
            PowerJson.Write(staging, mode, reason, sinceMs, nextWakeInMs, nowMs, unixMs,
                core == null ? null : core.Snapshot.WakeCause);
            if (!staging.IsComplete || staging.Length > powerBuffer.Length)
            {
                throw new InvalidOperationException("power JSON does not fit its buffer");
            }

            lock (sync)
            {
                Array.Copy(staging.Buffer, 0, powerBuffer, 0, staging.Length);
                powerLength = staging.Length;
                powerDirty = true;
            }
        }

        /// <summary>
        /// Before a planned sleep: the network thread sends what is pending, publishes availability "sleeping" (retained)
        /// and disconnects cleanly, so the broker does not publish the will; <see cref="ReadyForSleep"/> then turns true.
        /// No reconnection until <see cref="Resume"/>. Loop thread.
        /// </summary>
        public void RequestSleep()
        {
            lock (sync)
            {
                sleepRequested = true;

                // Without a connection there is nothing to flush or close.
                readyForSleep = transport == null || !linkUp;
            }
        }

        /// <summary>
        /// Last call before a deep sleep: the events not yet delivered go to flash (<see cref="PendingEventStore"/>) and
        /// leave the queue; the next boot's <see cref="Attach"/> puts them back with their sequence numbers. The exact next
        /// sequence number is saved too (<see cref="EventSequenceStore.SaveNext"/>, no write when unchanged), so the next
        /// wake continues without a gap. Without storage (none given to Attach) nothing is kept. Loop thread.
        /// </summary>
        public void SavePending()
        {
            if (flash == null)
            {
                return;
            }

            if (sequence != null && core != null)
            {
                sequence.SaveNext(core.Events.LastSeq + 1);
            }

            lock (sync)
            {
                if (PendingEventStore.Save(queue, flash) == StorageStatus.Ok && !queue.SendInProgress)
                {
                    queue.Clear();
                }
            }
        }

        /// <summary>After a light sleep (or a cancelled one): reconnect at once, and "online" again. Loop thread.</summary>
        public void Resume()
        {
            lock (sync)
            {
                sleepRequested = false;
                readyForSleep = false;
                nextAttemptMs = clock.MonotonicMs;
            }
        }

        /// <summary>
        /// Runs the commands received since the last call through the interpreter, one at a time: each reply must be sent
        /// before the next command runs. Also records a connection-refusal event when one is pending. Loop thread, between
        /// ticks (the interpreter is not thread-safe).
        /// </summary>
        public void RunCommands()
        {
            if (core == null)
            {
                return;
            }

            ReportRefusal();
            while (true)
            {
                CommandPayloadStatus status;
                int length = 0;
                lock (sync)
                {
                    if (replyPending)
                    {
                        return;
                    }

                    if (inboxCount > 0)
                    {
                        status = inboxStatus[inboxHead];
                        length = inboxLengths[inboxHead];
                        Array.Copy(inbox[inboxHead], 0, commandBytes, 0, length);
                        inboxHead = (inboxHead + 1) % inbox.Length;
                        inboxCount--;
                    }
                    else if (busyReplies > 0)
                    {
                        status = CommandPayloadStatus.Busy;
                        busyReplies--;
                    }
                    else
                    {
                        return;
                    }
                }

                RunCommand(status, length);
            }
        }

        /// <summary>
        /// One round of network work: reconnects when due, then sends discovery, power, state, the pending reply and up to
        /// <see cref="MqttPublisherOptions.MaxSendsPerService"/> queued messages. Blocks while the transport does (connect,
        /// QoS 1 acknowledgements). Network thread; call it every few tens of milliseconds.
        /// </summary>
        public void Service()
        {
            if (transport == null)
            {
                return;
            }

            Identity id;
            bool wantSleep;
            lock (sync)
            {
                id = identity;
                wantSleep = sleepRequested;
            }

            if (id == null)
            {
                return;
            }

            long nowMs = clock.MonotonicMs;
            if (backoff == null)
            {
                backoff = new ReconnectBackoff(options.BackoffInitialMs, options.BackoffMaxMs, options.JitterPercent,
                    ReconnectBackoff.SeedFrom(id.Topics.NodeId));
            }

            bool up;
            lock (sync)
            {
                up = linkUp;
            }

            if (up && !transport.IsConnected)
            {
                LinkLost(nowMs);
                up = false;
            }

            if (up && id.Topics != connectedTopics)
            {
                // New node id or prefix: say goodbye under the old root, then come back under the new one at once.
                Publish(connectedTopics.Availability, MqttTopics.Offline, true);
                transport.Disconnect();
                lock (sync)
                {
                    linkUp = false;
                    nextAttemptMs = nowMs;
                }

                up = false;
            }

            if (!up)
            {
                if (wantSleep)
                {
                    lock (sync)
                    {
                        readyForSleep = true;
                    }

                    return;
                }

                if (!firstAttemptScheduled)
                {
                    firstAttemptScheduled = true;
                    lock (sync)
                    {
                        nextAttemptMs = nowMs + backoff.RandomDelayMs(options.BackoffInitialMs);
                    }
                }

                long dueMs;
                lock (sync)
                {
                    dueMs = nextAttemptMs;
                }

                if (nowMs < dueMs || !Connect(id, nowMs))
                {
                    return;
                }
            }
            else if (nowMs - connectedAtMs >= options.StableConnectionMs)
            {
                backoff.Reset();
            }

            SendPending(id, wantSleep);
        }

        /// <summary>
        /// Ends the session for a clean stop (the virtual node exiting): publishes availability "offline" (retained), then
        /// DISCONNECT. Network thread, or after it has stopped.
        /// </summary>
        public void Shutdown()
        {
            if (transport == null || !transport.IsConnected || connectedTopics == null)
            {
                return;
            }

            Publish(connectedTopics.Availability, MqttTopics.Offline, true);
            transport.Disconnect();
            lock (sync)
            {
                linkUp = false;
            }
        }

        private int PendingFileBytes()
        {
            return options.QueueCapacity * (options.SlotBytes + 11) + 10;
        }

        private void RunCommand(CommandPayloadStatus status, int length)
        {
            if (status == CommandPayloadStatus.Ok)
            {
                int charCount;
                status = CommandPayload.Decode(commandBytes, length, commandChars, out charCount);
                if (status == CommandPayloadStatus.Ok)
                {
                    interpreter.Execute(new string(commandChars, 0, charCount), SettingSource.Remote, reply);
                }
            }

            if (status != CommandPayloadStatus.Ok)
            {
                reply.Fail(CommandPayload.ErrorText(status));
            }

            replyWriter.Reset();
            CommandReplyJson.Write(replyWriter, reply);
            if (!replyWriter.IsComplete)
            {
                reply.Fail("the answer does not fit an MQTT reply; use the serial console");
                replyWriter.Reset();
                CommandReplyJson.Write(replyWriter, reply);
            }

            lock (sync)
            {
                replyLength = replyWriter.Length;
                replyPending = true;
            }
        }

        private void ReportRefusal()
        {
            string reason;
            int attemptCount;
            lock (sync)
            {
                reason = pendingRefusal;
                attemptCount = pendingRefusalAttempts;
                pendingRefusal = null;
            }

            if (reason != null)
            {
                core.RecordEvent(EventType.Error, "mqtt", "error", attemptCount, 0, "", 0, reason);
            }
        }

        private void ApplySettings()
        {
            ConfigStore config = core.Config;
            appliedConfigVersion = config.Version;
            string nodeId = config.GetText(ConfigKeys.NodeId);
            if (nodeId == null || nodeId.Length == 0)
            {
                nodeId = core.Snapshot.NodeId;
            }

            string prefix = config.GetText(ConfigKeys.MqttPrefix);
            string user = config.GetText(ConfigKeys.MqttUser);
            string password = config.GetText(ConfigKeys.MqttPassword);
            bool discovery = config.GetBool(ConfigKeys.HaDiscovery);
            long expireAfterS = config.GetBool(ConfigKeys.PowerSleepEnabled)
                ? HomeAssistantDiscovery.ExpireAfterS(config.GetInt(ConfigKeys.ReportSleepS), config.GetInt(ConfigKeys.PowerHeartbeatS))
                : 0;

            Identity old;
            lock (sync)
            {
                old = identity;
            }

            Identity next = new Identity();
            bool sameRoot = old != null && old.Topics.NodeId == nodeId && old.Topics.Prefix == prefix;
            next.Topics = sameRoot ? old.Topics : new MqttTopics(prefix, nodeId);
            next.Discovery = sameRoot ? old.Discovery : new HomeAssistantDiscovery(next.Topics);
            next.UserName = user == null || user.Length == 0 ? null : user;
            next.Password = next.UserName == null || password == null || password.Length == 0 ? null : password;
            next.DiscoveryEnabled = discovery;
            next.ExpireAfterS = expireAfterS;
            next.FittedMask = appliedFittedMask;
            bool discoveryChanged = old == null || !sameRoot || old.DiscoveryEnabled != discovery
                || old.ExpireAfterS != expireAfterS || old.FittedMask != next.FittedMask;
            lock (sync)
            {
                identity = next;
                if (discoveryChanged)
                {
                    discoveryDirty = true;
                }
            }
        }

        private void FormatState(NodeSnapshot snapshot)
        {
            staging.Reset();
            StateJson.Write(staging, snapshot);
            if (!staging.IsComplete)
            {
                throw new InvalidOperationException("state JSON does not fit its buffer");
            }

            lock (sync)
            {
                Array.Copy(staging.Buffer, 0, stateBuffer, 0, staging.Length);
                stateLength = staging.Length;
                stateDirty = true;
            }
        }

        private void SendTelemetry(NodeSnapshot snapshot, string reason)
        {
            staging.Reset();
            TelemetryJson.Write(staging, snapshot, UnixNow(), reason);
            if (!staging.IsComplete || staging.Length > queue.SlotBytes)
            {
                throw new InvalidOperationException("telemetry JSON does not fit a queue slot");
            }

            lock (sync)
            {
                queue.Enqueue(PublishKind.Telemetry, 0, staging.Buffer, staging.Length);
            }

            for (int feature = 0; feature < NodeFeatures.Count; feature++)
            {
                lastSentValues[feature] = snapshot.FeatureValue(feature);
                lastSentValid[feature] = snapshot.FeatureValid(feature);
            }
        }

        private bool MovedBeyondDeadband(NodeSnapshot snapshot)
        {
            bool running = snapshot.Machine == MachineState.Running;
            for (int feature = 0; feature < NodeFeatures.Count; feature++)
            {
                if (!TelemetryJson.FeatureFitted(snapshot, feature) || (!running && TelemetryDeadbands.IsShapeFeature(feature)))
                {
                    continue;
                }

                bool valid = snapshot.FeatureValid(feature);
                if (valid != lastSentValid[feature])
                {
                    return true;
                }

                if (valid && TelemetryDeadbands.Exceeded(feature, lastSentValues[feature], snapshot.FeatureValue(feature)))
                {
                    return true;
                }
            }

            return false;
        }

        private long ReportPeriodMs(string powerMode)
        {
            int key = powerMode == "eco" ? ConfigKeys.ReportEcoS
                : powerMode == "sleep" ? ConfigKeys.ReportSleepS
                : ConfigKeys.ReportActiveS;
            return core.Config.GetInt(key) * 1000;
        }

        private long UnixNow()
        {
            long unixMs;
            return core != null && core.Clock.TryGetUnixTimeMs(out unixMs) ? unixMs : 0;
        }

        // Bit i set when discovery entity i has its sensor (or needs none).
        private static int FittedMask(NodeSnapshot snapshot)
        {
            int mask = 0;
            for (int entity = 0; entity < HomeAssistantDiscovery.EntityCount; entity++)
            {
                int sensor = HomeAssistantDiscovery.Sensor(entity);
                if (sensor < 0 || snapshot.SensorStatus(sensor) != SensorReadStatus.NotFitted)
                {
                    mask |= 1 << entity;
                }
            }

            return mask;
        }

        // Transport receive thread: copy and return.
        private void OnMessage(string topic, byte[] payload, int count, bool retained)
        {
            lock (sync)
            {
                if (identity == null)
                {
                    return;
                }

                if (topic == identity.Topics.Command)
                {
                    if (inboxCount == inbox.Length)
                    {
                        busyReplies++;
                        return;
                    }

                    int slot = (inboxHead + inboxCount) % inbox.Length;
                    CommandPayloadStatus status = retained ? CommandPayloadStatus.Retained
                        : count > CommandPayload.MaxBytes ? CommandPayloadStatus.TooLong
                        : CommandPayloadStatus.Ok;
                    int kept = status == CommandPayloadStatus.Ok ? count : 0;
                    Array.Copy(payload, 0, inbox[slot], 0, kept);
                    inboxLengths[slot] = kept;
                    inboxStatus[slot] = status;
                    inboxCount++;
                    return;
                }

                // Home Assistant's birth message (not the retained copy a subscription replays): announce again.
                if (topic == MqttTopics.HomeAssistantStatus && !retained && IsOnline(payload, count))
                {
                    discoveryDirty = true;
                }
            }
        }

        private void OnConnectionLost(MqttStatus reason)
        {
            lock (sync)
            {
                lostReason = reason;
            }
        }

        private static bool IsOnline(byte[] payload, int count)
        {
            string online = MqttTopics.Online;
            if (count != online.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (payload[i] != online[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool Connect(Identity id, long nowMs)
        {
            MqttStatus status = transport.Connect(id.Topics.NodeId, id.UserName, id.Password, id.Topics.Availability,
                MqttTopics.Offline, MqttQos.AtLeastOnce, true, options.KeepAliveS, true);
            if (status == MqttStatus.Accepted)
            {
                status = transport.Subscribe(id.Topics.Command, MqttQos.AtLeastOnce);
            }

            if (status == MqttStatus.Accepted && id.DiscoveryEnabled)
            {
                status = transport.Subscribe(MqttTopics.HomeAssistantStatus, MqttQos.AtLeastOnce);
            }

            if (status == MqttStatus.Accepted)
            {
                status = Publish(id.Topics.Availability, MqttTopics.Online, true);
            }

            long doneMs = clock.MonotonicMs;
            if (status != MqttStatus.Accepted)
            {
                if (transport.IsConnected)
                {
                    transport.Disconnect();
                }

                long delayMs = backoff.NextDelayMs();
                string refusal = RefusalReason(status);
                lock (sync)
                {
                    attempts++;
                    attempted = true;
                    lastStatus = status;
                    nextAttemptMs = doneMs + delayMs;
                    if (refusal != null && !refusalReported)
                    {
                        pendingRefusal = refusal;
                        pendingRefusalAttempts = attempts;
                    }
                }

                refusalReported = refusalReported || refusal != null;
                return false;
            }

            connectedTopics = id.Topics;
            refusalReported = false;
            lock (sync)
            {
                linkUp = true;
                lostReason = MqttStatus.NotConnected;
                attempted = true;
                attempts = 0;
                lastStatus = MqttStatus.Accepted;
                connectedAtMs = doneMs;
                connections++;
                readyForSleep = false;

                // A new session: retained topics are refreshed and Home Assistant hears about the node again.
                stateDirty = stateDirty || stateLength > 0;
                powerDirty = powerDirty || powerLength > 0;
                discoveryDirty = true;
            }

            return true;
        }

        private void LinkLost(long nowMs)
        {
            long delayMs = backoff.NextDelayMs();
            lock (sync)
            {
                linkUp = false;
                lastStatus = lostReason == MqttStatus.Accepted ? MqttStatus.NetworkError : lostReason;
                nextAttemptMs = nowMs + delayMs;
            }
        }

        private void SendPending(Identity id, bool wantSleep)
        {
            if (!SendDiscovery(id) || !SendRetained(id.Topics.Power, true) || !SendRetained(id.Topics.State, false)
                || !SendReply(id) || !DrainQueue(id))
            {
                return;
            }

            if (wantSleep && IsIdle)
            {
                Publish(id.Topics.Availability, MqttTopics.Sleeping, true);
                transport.Disconnect();
                lock (sync)
                {
                    linkUp = false;
                    readyForSleep = true;
                }
            }
        }

        private bool SendDiscovery(Identity id)
        {
            lock (sync)
            {
                if (!discoveryDirty)
                {
                    return true;
                }
            }

            // With discovery off, the configs are cleared once per boot so that entities of an earlier boot disappear.
            if (!id.DiscoveryEnabled && discoveryCleared)
            {
                lock (sync)
                {
                    discoveryDirty = false;
                }

                return true;
            }

            for (int entity = 0; entity < HomeAssistantDiscovery.EntityCount; entity++)
            {
                bool wanted = id.DiscoveryEnabled && (id.FittedMask & (1 << entity)) != 0;
                int length = 0;
                if (wanted)
                {
                    discoveryWriter.Reset();
                    id.Discovery.Write(discoveryWriter, entity, id.ExpireAfterS);
                    if (!discoveryWriter.IsComplete)
                    {
                        throw new InvalidOperationException("discovery JSON does not fit its buffer");
                    }

                    length = discoveryWriter.Length;
                }

                // An empty retained message removes the entity from Home Assistant.
                if (transport.Publish(id.Discovery.ConfigTopic(entity), sendBuffer, 0, length, MqttQos.AtLeastOnce, true)
                    != MqttStatus.Accepted)
                {
                    return false;
                }
            }

            lock (sync)
            {
                if (identity == id)
                {
                    discoveryDirty = false;
                }

                discoveryCleared = !id.DiscoveryEnabled;
            }

            return true;
        }

        private bool SendRetained(string topic, bool power)
        {
            int length;
            lock (sync)
            {
                if (power ? !powerDirty : !stateDirty)
                {
                    return true;
                }

                length = power ? powerLength : stateLength;
                Array.Copy(power ? powerBuffer : stateBuffer, 0, sendBuffer, 0, length);
                if (power)
                {
                    powerDirty = false;
                }
                else
                {
                    stateDirty = false;
                }
            }

            if (transport.Publish(topic, sendBuffer, 0, length, MqttQos.AtLeastOnce, true) == MqttStatus.Accepted)
            {
                return true;
            }

            // Not sent: pending again unless a newer one has arrived meanwhile (which is then the one to send).
            lock (sync)
            {
                if (power)
                {
                    powerDirty = true;
                }
                else
                {
                    stateDirty = true;
                }
            }

            return false;
        }

        private bool SendReply(Identity id)
        {
            int length;
            lock (sync)
            {
                if (!replyPending)
                {
                    return true;
                }

                length = replyLength;
            }

            // The loop thread leaves the reply buffer alone while a reply is pending: send it in place.
            if (transport.Publish(id.Topics.CommandReply, replyBuffer, 0, length, MqttQos.AtLeastOnce, false) != MqttStatus.Accepted)
            {
                return false;
            }

            lock (sync)
            {
                replyPending = false;
            }

            return true;
        }

        private bool DrainQueue(Identity id)
        {
            for (int sent = 0; sent < options.MaxSendsPerService; sent++)
            {
                int slot;
                PublishKind kind;
                lock (sync)
                {
                    slot = queue.BeginSend();
                    if (slot < 0)
                    {
                        return true;
                    }

                    kind = queue.Kind(slot);
                }

                // The in-flight slot is neither evicted nor reused until EndSend: send it in place.
                bool telemetry = kind == PublishKind.Telemetry;
                MqttStatus status = transport.Publish(telemetry ? id.Topics.Telemetry : id.Topics.Event, queue.Buffer(slot), 0,
                    queue.Length(slot), telemetry ? MqttQos.AtMostOnce : MqttQos.AtLeastOnce, false);
                lock (sync)
                {
                    queue.EndSend(status == MqttStatus.Accepted);
                }

                if (status != MqttStatus.Accepted)
                {
                    return false;
                }
            }

            return false;
        }

        private MqttStatus Publish(string topic, string text, bool retain)
        {
            for (int i = 0; i < text.Length; i++)
            {
                sendBuffer[i] = (byte)text[i];
            }

            return transport.Publish(topic, sendBuffer, 0, text.Length, MqttQos.AtLeastOnce, retain);
        }

        private static string RefusalReason(MqttStatus status)
        {
            switch (status)
            {
                case MqttStatus.RefusedBadCredentials: return "bad_credentials";
                case MqttStatus.RefusedNotAuthorized: return "not_authorized";
                case MqttStatus.RefusedOther: return "refused";
                default: return null;
            }
        }

        // Under sync.
        private string DescribeLink()
        {
            string broker = options.BrokerText == null || options.BrokerText.Length == 0 ? "the broker" : options.BrokerText;
            if (transport == null)
            {
                return "offline: no broker configured (set mqtt.host, save, reboot); events wait in the queue";
            }

            if (identity == null)
            {
                return "not started";
            }

            if (linkUp)
            {
                return "connected to " + broker + " as " + identity.Topics.NodeId;
            }

            if (readyForSleep || sleepRequested)
            {
                return "disconnected for sleep";
            }

            if (!attempted)
            {
                return "connecting to " + broker + " as " + identity.Topics.NodeId;
            }

            long waitS = (nextAttemptMs - clock.MonotonicMs + 999) / 1000;
            string retry = "; next attempt in " + (waitS > 0 ? waitS : 0) + " s (back-off, attempt " + (attempts + 1) + ")";
            return Explain(lastStatus) + " (" + broker + ")" + retry;
        }

        private static string Explain(MqttStatus status)
        {
            switch (status)
            {
                case MqttStatus.RefusedBadCredentials:
                    return "refused: bad user name or password, check mqtt.user and mqtt.password";
                case MqttStatus.RefusedNotAuthorized:
                    return "refused: not authorised (wrong user name or password, or the broker's access rules), "
                        + "check mqtt.user and mqtt.password";
                case MqttStatus.RefusedOther:
                    return "refused by the broker (protocol version, client id or server unavailable)";
                case MqttStatus.Timeout:
                    return "no answer from the broker in time";
                case MqttStatus.ProtocolError:
                    return "the broker sent invalid MQTT; connection dropped";
                default:
                    return "broker unreachable or connection lost";
            }
        }

        // What the network thread needs from the settings, replaced whole when they change.
        private sealed class Identity
        {
            public MqttTopics Topics;
            public HomeAssistantDiscovery Discovery;
            public string UserName;
            public string Password;
            public bool DiscoveryEnabled;
            public long ExpireAfterS;
            public int FittedMask;
        }
    }
}
