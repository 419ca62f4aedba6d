using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>
    /// <see cref="IMqttTransport"/> for the host: a compact MQTT 3.1.1 client over TCP, or TLS through
    /// <see cref="SslStream"/> (see README.md in this folder for why it exists and what it leaves out).
    /// </summary>
    /// <remarks>
    /// One receive loop per connection runs on the thread pool and decodes with <see cref="MqttPacketDecoder"/>; a
    /// malformed or oversized packet, a missing PINGRESP, a stalled write or a closed socket ends the connection and
    /// fires <see cref="ConnectionLost"/> once. No exception from the network or the broker reaches the caller.
    /// The synchronous interface methods block on the async ones; a process running many clients (the fleet) should
    /// call the async methods so that waiting for acknowledgements does not tie up pool threads.
    /// </remarks>
    public sealed class HostMqttTransport : IMqttTransport, IDisposable
    {
        private const int ReadBufferBytes = 8 * 1024;
        private const int DisconnectTimeoutMs = 1_000;
        private const int MinKeepAliveCheckMs = 50;
        private const int MaxKeepAliveCheckMs = 1_000;

        // Set while this thread runs a handler: a blocking call from there would wait for the reader it blocks.
        [ThreadStatic]
        private static HostMqttTransport t_dispatching;

        private readonly MqttClientOptions _options;
        private readonly object _sessionLock = new object();
        private Session _session;
        private int _handlerFailures;

        /// <summary>Creates a client for the broker in <paramref name="options"/>; nothing connects until <see cref="Connect"/>.</summary>
        public HostMqttTransport(MqttClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.MaxInFlight < 1 || options.PublishRetries < 0 || options.AckTimeoutMs < 1 || options.ConnectTimeoutMs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options));
            }
        }

        /// <inheritdoc/>
        public event MqttMessageHandler MessageReceived;

        /// <inheritdoc/>
        public event MqttConnectionLostHandler ConnectionLost;

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                Session session = _session;
                return session != null && !session.Ended;
            }
        }

        /// <summary>Why the last call failed or the last connection ended (TLS error, CONNACK code, decoder error); for logs.</summary>
        public string LastError { get; private set; }

        /// <summary>Handlers that threw; the exception is swallowed so the receive loop lives on (LastError keeps the text).</summary>
        public int HandlerFailures => Volatile.Read(ref _handlerFailures);

        /// <inheritdoc/>
        public MqttStatus Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            CheckNotDispatching();
            return ConnectAsync(clientId, userName, password, willTopic, willPayload, willQos, willRetain, keepAliveS, cleanSession)
                .GetAwaiter().GetResult();
        }

        /// <inheritdoc/>
        public MqttStatus Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            CheckNotDispatching();
            return PublishAsync(topic, payload, offset, count, qos, retain).GetAwaiter().GetResult();
        }

        /// <inheritdoc/>
        public MqttStatus Subscribe(string topicFilter, MqttQos qos)
        {
            CheckNotDispatching();
            return SubscribeAsync(topicFilter, qos).GetAwaiter().GetResult();
        }

        /// <inheritdoc/>
        public void Disconnect()
        {
            CheckNotDispatching();
            DisconnectAsync().GetAwaiter().GetResult();
        }

        /// <summary>Async <see cref="Connect"/>.</summary>
        public async Task<MqttStatus> ConnectAsync(string clientId, string userName, string password, string willTopic,
            string willPayload, MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            // Validates the arguments before any network work: a bad argument is a programming error.
            var encoder = new MqttPacketEncoder();
            encoder.Connect(clientId, userName, password, willTopic, willPayload, willQos, willRetain, keepAliveS, cleanSession);

            await DisconnectAsync().ConfigureAwait(false);

            var session = new Session(_options, keepAliveS);
            using var deadline = new CancellationTokenSource(_options.ConnectTimeoutMs);
            MqttStatus status;
            try
            {
                status = await OpenAsync(session, encoder, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                status = MqttStatus.Timeout;
                LastError = "no CONNACK within " + _options.ConnectTimeoutMs + " ms";
            }
            catch (AuthenticationException ex)
            {
                status = MqttStatus.NetworkError;
                LastError = "TLS: " + ex.Message;
            }
            catch (Exception ex)
            {
                // Refused or reset connections, name resolution, TLS stream errors: the network, not the caller.
                status = MqttStatus.NetworkError;
                LastError = ex.Message;
            }

            if (status != MqttStatus.Accepted)
            {
                session.Close();
                return status;
            }

            lock (_sessionLock)
            {
                _session = session;
            }

            // Both loops end themselves when the session ends; neither lets an exception out.
            _ = Task.Run(() => ReceiveLoopAsync(session));
            if (keepAliveS > 0)
            {
                _ = Task.Run(() => KeepAliveLoopAsync(session));
            }

            return MqttStatus.Accepted;
        }

        /// <summary>Async <see cref="Publish"/>.</summary>
        public async Task<MqttStatus> PublishAsync(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            MqttPacketEncoder.CheckPublishArguments(topic, payload, offset, count);
            Session session = _session;
            if (session == null || session.Ended)
            {
                return MqttStatus.NotConnected;
            }

            if (qos == MqttQos.AtMostOnce)
            {
                return await session.SendPublishAsync(topic, payload, offset, count, qos, retain, false, 0).ConfigureAwait(false)
                    ? MqttStatus.Accepted
                    : Lost(session, MqttStatus.NetworkError, "write failed");
            }

            InFlightTable.Slot slot = await AcquireSlotAsync(session).ConfigureAwait(false);
            if (slot == null)
            {
                return session.Ended ? MqttStatus.NetworkError : MqttStatus.Timeout;
            }

            try
            {
                for (int attempt = 0; attempt <= _options.PublishRetries; attempt++)
                {
                    if (!await session.SendPublishAsync(topic, payload, offset, count, qos, retain, attempt > 0, slot.PacketId)
                        .ConfigureAwait(false))
                    {
                        return Lost(session, MqttStatus.NetworkError, "write failed");
                    }

                    MqttStatus? outcome = await WaitAckAsync(session, slot).ConfigureAwait(false);
                    if (outcome.HasValue)
                    {
                        return outcome.Value;
                    }
                }

                LastError = "no PUBACK after " + (_options.PublishRetries + 1) + " attempts";
                return MqttStatus.Timeout;
            }
            finally
            {
                session.InFlight.Release(slot);
            }
        }

        /// <summary>Async <see cref="Subscribe"/>.</summary>
        public async Task<MqttStatus> SubscribeAsync(string topicFilter, MqttQos qos)
        {
            MqttPacketEncoder.CheckTopicFilter(topicFilter);
            Session session = _session;
            if (session == null || session.Ended)
            {
                return MqttStatus.NotConnected;
            }

            InFlightTable.Slot slot = await AcquireSlotAsync(session).ConfigureAwait(false);
            if (slot == null)
            {
                return session.Ended ? MqttStatus.NetworkError : MqttStatus.Timeout;
            }

            try
            {
                if (!await session.SendSubscribeAsync(slot.PacketId, topicFilter, qos).ConfigureAwait(false))
                {
                    return Lost(session, MqttStatus.NetworkError, "write failed");
                }

                MqttStatus? outcome = await WaitAckAsync(session, slot).ConfigureAwait(false);
                if (outcome.HasValue)
                {
                    return outcome.Value;
                }

                LastError = "no SUBACK within " + _options.AckTimeoutMs + " ms";
                return MqttStatus.Timeout;
            }
            finally
            {
                session.InFlight.Release(slot);
            }
        }

        /// <summary>Async <see cref="Disconnect"/>.</summary>
        public async Task DisconnectAsync()
        {
            Session session = Detach();
            if (session == null)
            {
                return;
            }

            if (!session.Ended)
            {
                await session.SendDisconnectAsync(DisconnectTimeoutMs).ConfigureAwait(false);
            }

            End(session, MqttStatus.NotConnected);
        }

        /// <summary>
        /// Drops the socket without DISCONNECT, as a crash or power cut would: the broker publishes the will.
        /// No <see cref="ConnectionLost"/> follows (the caller did it). For tests and the virtual node's fault injection.
        /// </summary>
        public void Abort()
        {
            Session session = Detach();
            if (session != null)
            {
                End(session, MqttStatus.NotConnected);
            }
        }

        /// <summary>Same as <see cref="Abort"/> when connected: disposing does not send DISCONNECT.</summary>
        public void Dispose()
        {
            Abort();
        }

        private static void CheckDispatching(HostMqttTransport transport)
        {
            if (t_dispatching == transport)
            {
                throw new InvalidOperationException(
                    "IMqttTransport calls from inside a MessageReceived or ConnectionLost handler would deadlock; queue the work instead");
            }
        }

        private void CheckNotDispatching()
        {
            CheckDispatching(this);
        }

        private async Task<MqttStatus> OpenAsync(Session session, MqttPacketEncoder connectPacket, CancellationToken token)
        {
            await session.Tcp.ConnectAsync(_options.Host, _options.Port, token).ConfigureAwait(false);
            session.Tcp.NoDelay = true;
            Stream stream = session.Tcp.GetStream();
            if (_options.UseTls)
            {
                var tls = new SslStream(stream, false);
                session.Stream = tls;
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = _options.TlsServerName ?? _options.Host,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    RemoteCertificateValidationCallback = ValidateServerCertificate,
                }, token).ConfigureAwait(false);
            }
            else
            {
                session.Stream = stream;
            }

            await session.Stream.WriteAsync(connectPacket.Buffer, 0, connectPacket.Length, token).ConfigureAwait(false);
            session.MarkSent();

            ReadOutcome outcome = await session.ReadPacketAsync(token).ConfigureAwait(false);
            if (outcome == ReadOutcome.Closed)
            {
                LastError = "the broker closed the connection before CONNACK";
                return MqttStatus.NetworkError;
            }

            MqttPacket packet = session.Decoder.Packet;
            if (outcome == ReadOutcome.Malformed || packet.Type != MqttPacketType.ConnAck)
            {
                LastError = "expected CONNACK: " + (session.Decoder.Error ?? "got " + packet.Type);
                return MqttStatus.ProtocolError;
            }

            switch (packet.ConnectReturnCode)
            {
                case 0:
                    return MqttStatus.Accepted;
                case 4:
                    LastError = "CONNACK 4: bad user name or password";
                    return MqttStatus.RefusedBadCredentials;
                case 5:
                    LastError = "CONNACK 5: not authorised";
                    return MqttStatus.RefusedNotAuthorized;
                default:
                    LastError = "CONNACK " + packet.ConnectReturnCode + ": refused (1 protocol version, 2 client id, 3 server unavailable)";
                    return MqttStatus.RefusedOther;
            }
        }

        private bool ValidateServerCertificate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            X509Certificate2 ca = _options.CaCertificate;
            if (ca == null)
            {
                return errors == SslPolicyErrors.None;
            }

            // The name check and the certificate's presence still apply; only the trust anchor is replaced.
            if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0
                || !(certificate is X509Certificate2 server))
            {
                LastError = "TLS: server certificate missing or not issued for " + (_options.TlsServerName ?? _options.Host);
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.Add(ca);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain != null)
            {
                // Intermediates the server sent along.
                foreach (X509ChainElement element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            bool trusted = custom.Build(server);
            if (!trusted)
            {
                LastError = "TLS: server certificate does not chain to the configured CA";
            }

            return trusted;
        }

        private async Task ReceiveLoopAsync(Session session)
        {
            MqttStatus reason = MqttStatus.NetworkError;
            string error = "the broker closed the connection";
            try
            {
                while (!session.Ended)
                {
                    ReadOutcome outcome = await session.ReadPacketAsync(session.Token).ConfigureAwait(false);
                    if (outcome == ReadOutcome.Closed)
                    {
                        break;
                    }

                    if (outcome == ReadOutcome.Malformed)
                    {
                        reason = MqttStatus.ProtocolError;
                        error = "malformed packet: " + session.Decoder.Error;
                        break;
                    }

                    MqttPacketType type = session.Decoder.Packet.Type;
                    reason = await HandlePacketAsync(session, session.Decoder.Packet).ConfigureAwait(false);
                    if (reason != MqttStatus.Accepted)
                    {
                        error = reason == MqttStatus.ProtocolError ? "unexpected " + type + " after CONNACK" : "write failed";
                        break;
                    }

                    reason = MqttStatus.NetworkError;
                }
            }
            catch (Exception ex)
            {
                // Socket errors, a cancelled read after End, TLS failures: all end this connection and nothing else.
                error = ex.Message;
            }

            Lost(session, reason, error);
        }

        // Accepted to go on; NetworkError when the PUBACK could not be written; ProtocolError for a second CONNACK.
        private async Task<MqttStatus> HandlePacketAsync(Session session, MqttPacket packet)
        {
            switch (packet.Type)
            {
                case MqttPacketType.Publish:
                    int packetId = packet.PacketId;
                    Deliver(session, packet);
                    return packet.Qos == 0 || await session.SendPubAckAsync(packetId).ConfigureAwait(false)
                        ? MqttStatus.Accepted
                        : MqttStatus.NetworkError;

                case MqttPacketType.PubAck:
                    session.InFlight.Complete(packet.PacketId, MqttStatus.Accepted);
                    return MqttStatus.Accepted;

                case MqttPacketType.SubAck:
                    session.InFlight.Complete(packet.PacketId,
                        packet.SubscribeReturnCode == 0x80 ? MqttStatus.RefusedOther : MqttStatus.Accepted);
                    return MqttStatus.Accepted;

                case MqttPacketType.PingResp:
                    session.PingAnswered();
                    return MqttStatus.Accepted;

                case MqttPacketType.UnsubAck:
                    // This client never unsubscribes; a stray UNSUBACK is harmless.
                    return MqttStatus.Accepted;

                default:
                    return MqttStatus.ProtocolError;
            }
        }

        private void Deliver(Session session, MqttPacket packet)
        {
            MqttMessageHandler handler = MessageReceived;
            if (handler == null)
            {
                return;
            }

            byte[] payload = session.PayloadBuffer(packet.PayloadCount);
            Buffer.BlockCopy(packet.PayloadBuffer, packet.PayloadOffset, payload, 0, packet.PayloadCount);
            t_dispatching = this;
            try
            {
                handler(packet.Topic, payload, packet.PayloadCount, packet.Retain);
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref _handlerFailures);
                LastError = "MessageReceived handler threw: " + ex.Message;
            }
            finally
            {
                t_dispatching = null;
            }
        }

        private async Task KeepAliveLoopAsync(Session session)
        {
            long keepAliveMs = session.KeepAliveS * 1000L;
            int checkMs = (int)Math.Clamp(keepAliveMs / 4, MinKeepAliveCheckMs, MaxKeepAliveCheckMs);
            try
            {
                while (!session.Ended)
                {
                    await Task.Delay(checkMs, session.Token).ConfigureAwait(false);
                    long now = Environment.TickCount64;
                    if (session.PingSentAtMs != 0)
                    {
                        if (now - session.PingSentAtMs > _options.AckTimeoutMs)
                        {
                            Lost(session, MqttStatus.Timeout, "no PINGRESP within " + _options.AckTimeoutMs + " ms");
                            return;
                        }
                    }
                    else if (now - session.LastSentAtMs >= keepAliveMs - checkMs)
                    {
                        // Pinging one check early keeps the broker's 1.5 x keep-alive limit well out of reach.
                        if (!await session.SendPingAsync().ConfigureAwait(false))
                        {
                            Lost(session, MqttStatus.Timeout, "PINGREQ could not be written within " + _options.AckTimeoutMs + " ms");
                            return;
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The session ended.
            }
        }

        private async Task<InFlightTable.Slot> AcquireSlotAsync(Session session)
        {
            try
            {
                return await session.InFlight.AcquireAsync(_options.AckTimeoutMs, session.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        // The acknowledgement's outcome, NetworkError if the connection ended first, or null after one ack timeout.
        private async Task<MqttStatus?> WaitAckAsync(Session session, InFlightTable.Slot slot)
        {
            try
            {
                return await slot.Outcome.Task.WaitAsync(TimeSpan.FromMilliseconds(_options.AckTimeoutMs), session.Token)
                    .ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
            catch (OperationCanceledException)
            {
                return MqttStatus.NetworkError;
            }
        }

        private Session Detach()
        {
            lock (_sessionLock)
            {
                Session session = _session;
                _session = null;
                return session;
            }
        }

        // Ends a connection the caller did not close: fires ConnectionLost once, if it is still the current one.
        private MqttStatus Lost(Session session, MqttStatus reason, string error)
        {
            bool current;
            lock (_sessionLock)
            {
                current = _session == session;
                if (current)
                {
                    _session = null;
                }
            }

            if (!End(session, MqttStatus.NetworkError) || !current)
            {
                return reason;
            }

            LastError = error;
            MqttConnectionLostHandler handler = ConnectionLost;
            if (handler != null)
            {
                t_dispatching = this;
                try
                {
                    handler(reason);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref _handlerFailures);
                    LastError = "ConnectionLost handler threw: " + ex.Message;
                }
                finally
                {
                    t_dispatching = null;
                }
            }

            return reason;
        }

        // Closes the socket and resolves every waiter with waiterStatus; true only for the first call per session.
        private static bool End(Session session, MqttStatus waiterStatus)
        {
            if (!session.MarkEnded())
            {
                return false;
            }

            session.Close();
            session.InFlight.FailAll(waiterStatus);
            return true;
        }

        private enum ReadOutcome
        {
            Packet,
            Malformed,
            Closed,
        }

        /// <summary>Everything that belongs to one network connection; a reconnect builds a new one.</summary>
        private sealed class Session
        {
            private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
            private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
            private readonly MqttPacketEncoder _encoder = new MqttPacketEncoder();
            private readonly byte[] _readBuffer = new byte[ReadBufferBytes];
            private readonly int _writeTimeoutMs;
            private byte[] _payload = new byte[256];
            private int _readStart;
            private int _readEnd;
            private int _ended;
            private long _lastSentAtMs;
            private long _pingSentAtMs;

            public Session(MqttClientOptions options, int keepAliveS)
            {
                KeepAliveS = keepAliveS;
                InFlight = new InFlightTable(options.MaxInFlight);
                Decoder = new MqttPacketDecoder(options.MaxIncomingPacketBytes);
                _writeTimeoutMs = options.AckTimeoutMs;
            }

            public TcpClient Tcp { get; } = new TcpClient();

            public Stream Stream { get; set; }

            public MqttPacketDecoder Decoder { get; }

            public InFlightTable InFlight { get; }

            public int KeepAliveS { get; }

            public CancellationToken Token => _cancellation.Token;

            public bool Ended => Volatile.Read(ref _ended) != 0;

            public long LastSentAtMs => Interlocked.Read(ref _lastSentAtMs);

            public long PingSentAtMs => Interlocked.Read(ref _pingSentAtMs);

            public bool MarkEnded()
            {
                return Interlocked.Exchange(ref _ended, 1) == 0;
            }

            public void MarkSent()
            {
                Interlocked.Exchange(ref _lastSentAtMs, Environment.TickCount64);
            }

            public void PingAnswered()
            {
                Interlocked.Exchange(ref _pingSentAtMs, 0);
            }

            // Grows up to the decoder's bound, which caps every incoming payload.
            public byte[] PayloadBuffer(int count)
            {
                if (_payload.Length < count)
                {
                    _payload = new byte[Math.Min(Decoder.MaxRemainingLength, Math.Max(count, 2 * _payload.Length))];
                }

                return _payload;
            }

            /// <summary>Decodes from buffered bytes first, then reads more; returns at a packet, an error or end of stream.</summary>
            public async Task<ReadOutcome> ReadPacketAsync(CancellationToken token)
            {
                while (true)
                {
                    if (_readStart < _readEnd)
                    {
                        MqttDecodeStatus status = Decoder.Decode(_readBuffer, _readStart, _readEnd - _readStart, out int consumed);
                        _readStart += consumed;
                        if (status == MqttDecodeStatus.PacketReady)
                        {
                            return ReadOutcome.Packet;
                        }

                        if (status == MqttDecodeStatus.Malformed)
                        {
                            return ReadOutcome.Malformed;
                        }
                    }

                    int read = await Stream.ReadAsync(_readBuffer, 0, _readBuffer.Length, token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return ReadOutcome.Closed;
                    }

                    _readStart = 0;
                    _readEnd = read;
                }
            }

            public async Task<bool> SendPublishAsync(string topic, byte[] payload, int offset, int count, MqttQos qos,
                bool retain, bool duplicate, int packetId)
            {
                if (!await EnterWriteAsync(_writeTimeoutMs).ConfigureAwait(false))
                {
                    return false;
                }

                _encoder.Publish(topic, payload, offset, count, qos, retain, duplicate, packetId);
                return await WriteAndExitAsync().ConfigureAwait(false);
            }

            public async Task<bool> SendSubscribeAsync(int packetId, string topicFilter, MqttQos qos)
            {
                if (!await EnterWriteAsync(_writeTimeoutMs).ConfigureAwait(false))
                {
                    return false;
                }

                _encoder.Subscribe(packetId, topicFilter, qos);
                return await WriteAndExitAsync().ConfigureAwait(false);
            }

            public async Task<bool> SendPubAckAsync(int packetId)
            {
                if (!await EnterWriteAsync(_writeTimeoutMs).ConfigureAwait(false))
                {
                    return false;
                }

                _encoder.PubAck(packetId);
                return await WriteAndExitAsync().ConfigureAwait(false);
            }

            public async Task<bool> SendPingAsync()
            {
                if (!await EnterWriteAsync(_writeTimeoutMs).ConfigureAwait(false))
                {
                    return false;
                }

                Interlocked.Exchange(ref _pingSentAtMs, Environment.TickCount64);
                _encoder.PingReq();
                return await WriteAndExitAsync().ConfigureAwait(false);
            }

            public async Task SendDisconnectAsync(int timeoutMs)
            {
                if (await EnterWriteAsync(timeoutMs).ConfigureAwait(false))
                {
                    _encoder.Disconnect();
                    await WriteAndExitAsync().ConfigureAwait(false);
                }
            }

            public void Close()
            {
                _cancellation.Cancel();
                try
                {
                    Stream?.Dispose();
                }
                catch (Exception)
                {
                    // TLS close_notify on a dead socket may fail; the socket is closed below either way.
                }

                Tcp.Dispose();
            }

            private async Task<bool> EnterWriteAsync(int timeoutMs)
            {
                try
                {
                    return !Ended && await _writeLock.WaitAsync(timeoutMs, Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            private async Task<bool> WriteAndExitAsync()
            {
                try
                {
                    await Stream.WriteAsync(_encoder.Buffer, 0, _encoder.Length, Token).ConfigureAwait(false);
                    MarkSent();
                    return true;
                }
                catch (Exception)
                {
                    // Any write failure (socket closed, cancelled by End) ends the connection; the caller reports it.
                    return false;
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
    }
}
