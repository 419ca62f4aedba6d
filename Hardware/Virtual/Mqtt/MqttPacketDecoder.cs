using System;
using System.Text;
using System.Text.Unicode;

namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>
    /// Incremental decoder for the packets a broker sends to an MQTT 3.1.1 client (CONNACK, PUBLISH at QoS 0/1,
    /// PUBACK, SUBACK, UNSUBACK, PINGRESP). Bytes are pushed in as they arrive, in chunks of any size.
    /// </summary>
    /// <remarks>
    /// Defensive by design: the stream comes from the network. Anything else is <see cref="MqttDecodeStatus.Malformed"/>
    /// with a reason in <see cref="Error"/>, and the decoder stays in that state until <see cref="Reset"/>:
    /// a reserved or client-only packet type, QoS 2 or QoS 3, wrong fixed-header flags, a remaining length over 4
    /// bytes or over <see cref="MaxRemainingLength"/> (checked before any body byte is buffered), a length that does
    /// not fit the type, an invalid UTF-8 topic, a wildcard or empty topic, packet id 0, an unknown return code.
    /// Memory is bounded: the body buffer grows on demand up to <see cref="MaxRemainingLength"/> bytes and no further.
    /// Decode never throws for any input.
    /// </remarks>
    public sealed class MqttPacketDecoder
    {
        /// <summary>Default bound on a packet's remaining length: 64 KiB.</summary>
        public const int DefaultMaxRemainingLength = 64 * 1024;

        /// <summary>The largest remaining length the 4-byte encoding can express (spec 2.2.3).</summary>
        public const int ProtocolMaxRemainingLength = 268_435_455;

        private const int InitialBodyCapacity = 256;
        private const int MaxLengthBytes = 4;

        private enum State
        {
            Header,
            Length,
            Body,
            Failed,
        }

        private readonly MqttPacket _packet = new MqttPacket();
        private readonly int _maxRemainingLength;
        private byte[] _body;
        private State _state;
        private int _headerByte;
        private int _remainingLength;
        private int _lengthBytes;
        private int _lengthMultiplier;
        private int _bodyFilled;

        /// <summary>Creates a decoder that rejects packets whose remaining length exceeds <paramref name="maxRemainingLength"/>.</summary>
        public MqttPacketDecoder(int maxRemainingLength = DefaultMaxRemainingLength)
        {
            if (maxRemainingLength < 2 || maxRemainingLength > ProtocolMaxRemainingLength)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRemainingLength));
            }

            _maxRemainingLength = maxRemainingLength;
            _body = new byte[Math.Min(InitialBodyCapacity, maxRemainingLength)];
        }

        /// <summary>Bound on a packet's remaining length (variable header + payload), in bytes.</summary>
        public int MaxRemainingLength => _maxRemainingLength;

        /// <summary>Current size of the body buffer; never above <see cref="MaxRemainingLength"/>.</summary>
        public int BodyCapacity => _body.Length;

        /// <summary>The packet after <see cref="MqttDecodeStatus.PacketReady"/>; valid until the next <see cref="Decode"/>.</summary>
        public MqttPacket Packet => _packet;

        /// <summary>Why the stream was rejected, after <see cref="MqttDecodeStatus.Malformed"/>; null otherwise.</summary>
        public string Error { get; private set; }

        /// <summary>Forgets any partial packet and a previous error: for a new connection.</summary>
        public void Reset()
        {
            _state = State.Header;
            _bodyFilled = 0;
            Error = null;
            _packet.Clear();
        }

        /// <summary>
        /// Consumes bytes [offset, offset + count) up to the end of the first complete packet. Call again with the
        /// unconsumed rest (offset + consumed) until it returns <see cref="MqttDecodeStatus.NeedMoreData"/>.
        /// </summary>
        public MqttDecodeStatus Decode(byte[] data, int offset, int count, out int consumed)
        {
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            consumed = 0;
            if (_state == State.Failed)
            {
                return MqttDecodeStatus.Malformed;
            }

            while (true)
            {
                if (_state == State.Body && _bodyFilled == _remainingLength)
                {
                    _state = State.Header;
                    _bodyFilled = 0;
                    return Parse() ? MqttDecodeStatus.PacketReady : MqttDecodeStatus.Malformed;
                }

                if (consumed == count)
                {
                    return MqttDecodeStatus.NeedMoreData;
                }

                switch (_state)
                {
                    case State.Header:
                        _headerByte = data[offset + consumed++];
                        if (!HeaderAllowed(_headerByte >> 4, _headerByte & 0x0F))
                        {
                            return MqttDecodeStatus.Malformed;
                        }

                        _remainingLength = 0;
                        _lengthBytes = 0;
                        _lengthMultiplier = 1;
                        _state = State.Length;
                        break;

                    case State.Length:
                        int lengthByte = data[offset + consumed++];
                        _remainingLength += (lengthByte & 0x7F) * _lengthMultiplier;
                        _lengthMultiplier *= 128;
                        _lengthBytes++;
                        if ((lengthByte & 0x80) != 0)
                        {
                            if (_lengthBytes == MaxLengthBytes)
                            {
                                return Fail("remaining length uses more than 4 bytes");
                            }

                            break;
                        }

                        if (_remainingLength > _maxRemainingLength)
                        {
                            return Fail("remaining length " + _remainingLength + " exceeds the limit of " + _maxRemainingLength);
                        }

                        EnsureBodyCapacity(_remainingLength);
                        _bodyFilled = 0;
                        _state = State.Body;
                        break;

                    default:
                        int chunk = Math.Min(count - consumed, _remainingLength - _bodyFilled);
                        Buffer.BlockCopy(data, offset + consumed, _body, _bodyFilled, chunk);
                        _bodyFilled += chunk;
                        consumed += chunk;
                        break;
                }
            }
        }

        private bool HeaderAllowed(int type, int flags)
        {
            switch ((MqttPacketType)type)
            {
                case MqttPacketType.ConnAck:
                case MqttPacketType.PubAck:
                case MqttPacketType.SubAck:
                case MqttPacketType.UnsubAck:
                case MqttPacketType.PingResp:
                    if (flags != 0)
                    {
                        Fail("packet type " + type + " with flags " + flags + " (must be 0)");
                        return false;
                    }

                    return true;

                case MqttPacketType.Publish:
                    int qos = (flags >> 1) & 3;
                    if (qos > 1)
                    {
                        Fail("PUBLISH with QoS " + qos + " (this client subscribes at QoS 1 at most)");
                        return false;
                    }

                    if (qos == 0 && (flags & 0x08) != 0)
                    {
                        Fail("PUBLISH with QoS 0 and the DUP flag");
                        return false;
                    }

                    return true;

                default:
                    Fail("packet type " + type + " is not one a broker sends to a client");
                    return false;
            }
        }

        private bool Parse()
        {
            MqttPacket packet = _packet;
            packet.Clear();
            packet.Type = (MqttPacketType)(_headerByte >> 4);
            int length = _remainingLength;
            switch (packet.Type)
            {
                case MqttPacketType.ConnAck:
                    if (length != 2)
                    {
                        return FailParse("CONNACK remaining length " + length + " (must be 2)");
                    }

                    if ((_body[0] & 0xFE) != 0 || _body[1] > 5)
                    {
                        return FailParse("CONNACK with reserved flag bits or return code " + _body[1]);
                    }

                    packet.SessionPresent = (_body[0] & 1) != 0;
                    packet.ConnectReturnCode = _body[1];
                    if (packet.SessionPresent && packet.ConnectReturnCode != 0)
                    {
                        return FailParse("CONNACK refusal with session present");
                    }

                    return true;

                case MqttPacketType.PubAck:
                case MqttPacketType.UnsubAck:
                    if (length != 2)
                    {
                        return FailParse(packet.Type + " remaining length " + length + " (must be 2)");
                    }

                    return ReadPacketId(0, packet);

                case MqttPacketType.SubAck:
                    if (length < 3)
                    {
                        return FailParse("SUBACK without return codes");
                    }

                    for (int i = 2; i < length; i++)
                    {
                        int code = _body[i];
                        if (code > 2 && code != 0x80)
                        {
                            return FailParse("SUBACK return code " + code);
                        }
                    }

                    packet.SubscribeReturnCode = _body[2];
                    packet.SubscribeReturnCodeCount = length - 2;
                    return ReadPacketId(0, packet);

                case MqttPacketType.PingResp:
                    return length == 0 || FailParse("PINGRESP remaining length " + length + " (must be 0)");

                default:
                    return ParsePublish(packet, length);
            }
        }

        private bool ParsePublish(MqttPacket packet, int length)
        {
            packet.Qos = (_headerByte >> 1) & 3;
            packet.Duplicate = (_headerByte & 0x08) != 0;
            packet.Retain = (_headerByte & 0x01) != 0;
            if (length < 2)
            {
                return FailParse("PUBLISH too short for its topic length");
            }

            int topicLength = (_body[0] << 8) | _body[1];
            int position = 2 + topicLength;
            int headerLength = position + (packet.Qos > 0 ? 2 : 0);
            if (topicLength == 0 || headerLength > length)
            {
                return FailParse("PUBLISH topic length " + topicLength + " does not fit remaining length " + length);
            }

            ReadOnlySpan<byte> topicBytes = new ReadOnlySpan<byte>(_body, 2, topicLength);
            if (!Utf8.IsValid(topicBytes) || topicBytes.IndexOfAny((byte)0, (byte)'+', (byte)'#') >= 0)
            {
                return FailParse("PUBLISH topic is not valid UTF-8 or holds U+0000 or a wildcard");
            }

            packet.Topic = Encoding.UTF8.GetString(topicBytes);
            if (packet.Qos > 0 && !ReadPacketId(position, packet))
            {
                return false;
            }

            packet.PayloadBuffer = _body;
            packet.PayloadOffset = headerLength;
            packet.PayloadCount = length - headerLength;
            return true;
        }

        private bool ReadPacketId(int position, MqttPacket packet)
        {
            packet.PacketId = (_body[position] << 8) | _body[position + 1];
            return packet.PacketId != 0 || FailParse(packet.Type + " with packet id 0");
        }

        private void EnsureBodyCapacity(int needed)
        {
            if (needed <= _body.Length)
            {
                return;
            }

            // Doubling keeps re-allocations rare; the cap keeps memory within the configured bound.
            int size = (int)Math.Min((long)_maxRemainingLength, Math.Max((long)needed, 2L * _body.Length));
            _body = new byte[size];
        }

        private MqttDecodeStatus Fail(string reason)
        {
            _state = State.Failed;
            Error = reason;
            return MqttDecodeStatus.Malformed;
        }

        private bool FailParse(string reason)
        {
            Fail(reason);
            _packet.Clear();
            return false;
        }
    }
}
