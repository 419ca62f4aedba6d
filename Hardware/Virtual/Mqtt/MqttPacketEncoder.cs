using System;
using System.Text;

namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>
    /// Encodes the packets an MQTT 3.1.1 client sends (CONNECT, PUBLISH, PUBACK, SUBSCRIBE, PINGREQ, DISCONNECT) into
    /// one reused buffer: after each call the packet is <see cref="Buffer"/>[0, <see cref="Length"/>).
    /// </summary>
    /// <remarks>
    /// Arguments that cannot be encoded (a string over 65535 UTF-8 bytes, packet id 0, a packet over the protocol's
    /// 268,435,455-byte remaining length, a wildcard in a PUBLISH topic) are programming errors and throw
    /// <see cref="ArgumentException"/>. The buffer grows to the largest packet encoded so far.
    /// </remarks>
    public sealed class MqttPacketEncoder
    {
        private const int ProtocolLevel311 = 4;
        private const int MaxStringBytes = 65535;

        private static readonly char[] ForbiddenInTopicName = { '+', '#', '\0' };

        private byte[] _buffer = new byte[256];
        private int _length;

        /// <summary>The encoded packet is bytes [0, <see cref="Length"/>) of this buffer.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Size of the last encoded packet in bytes.</summary>
        public int Length => _length;

        /// <summary>
        /// CONNECT (spec 3.1). <paramref name="willTopic"/>, <paramref name="userName"/> and <paramref name="password"/>
        /// are left out when null; a password needs a user name.
        /// </summary>
        public void Connect(string clientId, string userName, string password, string willTopic, string willPayload,
            MqttQos willQos, bool willRetain, int keepAliveS, bool cleanSession)
        {
            if (clientId == null)
            {
                throw new ArgumentNullException(nameof(clientId));
            }

            if (keepAliveS < 0 || keepAliveS > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(keepAliveS));
            }

            if (password != null && userName == null)
            {
                throw new ArgumentException("MQTT 3.1.1 sends a password only with a user name", nameof(password));
            }

            bool hasWill = willTopic != null;
            int remaining = 10 + StringSize(clientId);
            if (hasWill)
            {
                remaining += StringSize(willTopic) + StringSize(willPayload ?? string.Empty);
            }

            remaining += userName != null ? StringSize(userName) : 0;
            remaining += password != null ? StringSize(password) : 0;

            int flags = (cleanSession ? 0x02 : 0)
                | (hasWill ? 0x04 | ((int)willQos << 3) | (willRetain ? 0x20 : 0) : 0)
                | (password != null ? 0x40 : 0)
                | (userName != null ? 0x80 : 0);

            int position = Begin(MqttPacketType.Connect, 0, remaining);
            position = PutString(position, "MQTT");
            _buffer[position++] = ProtocolLevel311;
            _buffer[position++] = (byte)flags;
            position = PutUInt16(position, keepAliveS);
            position = PutString(position, clientId);
            if (hasWill)
            {
                position = PutString(position, willTopic);
                position = PutString(position, willPayload ?? string.Empty);
            }

            if (userName != null)
            {
                position = PutString(position, userName);
            }

            if (password != null)
            {
                position = PutString(position, password);
            }

            End(position);
        }

        /// <summary>PUBLISH (spec 3.3); <paramref name="packetId"/> is used only for QoS 1 and must then be 1-65535.</summary>
        public void Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain, bool duplicate,
            int packetId)
        {
            CheckPublishArguments(topic, payload, offset, count);
            bool acknowledged = qos == MqttQos.AtLeastOnce;
            if (acknowledged)
            {
                CheckPacketId(packetId);
            }

            long remaining = StringSize(topic) + (acknowledged ? 2L : 0L) + count;
            int flags = (duplicate && acknowledged ? 0x08 : 0) | ((int)qos << 1) | (retain ? 0x01 : 0);
            int position = Begin(MqttPacketType.Publish, flags, remaining);
            position = PutString(position, topic);
            if (acknowledged)
            {
                position = PutUInt16(position, packetId);
            }

            System.Buffer.BlockCopy(payload, offset, _buffer, position, count);
            End(position + count);
        }

        /// <summary>PUBACK (spec 3.4) for a received QoS 1 PUBLISH.</summary>
        public void PubAck(int packetId)
        {
            CheckPacketId(packetId);
            int position = Begin(MqttPacketType.PubAck, 0, 2);
            End(PutUInt16(position, packetId));
        }

        /// <summary>SUBSCRIBE (spec 3.8) for one topic filter.</summary>
        public void Subscribe(int packetId, string topicFilter, MqttQos qos)
        {
            CheckTopicFilter(topicFilter);
            CheckPacketId(packetId);
            // Fixed-header flags 0010 are mandatory for SUBSCRIBE (spec 3.8.1).
            int position = Begin(MqttPacketType.Subscribe, 0x02, 2 + StringSize(topicFilter) + 1);
            position = PutUInt16(position, packetId);
            position = PutString(position, topicFilter);
            _buffer[position++] = (byte)qos;
            End(position);
        }

        /// <summary>PINGREQ (spec 3.12).</summary>
        public void PingReq()
        {
            End(Begin(MqttPacketType.PingReq, 0, 0));
        }

        /// <summary>DISCONNECT (spec 3.14).</summary>
        public void Disconnect()
        {
            End(Begin(MqttPacketType.Disconnect, 0, 0));
        }

        /// <summary>Throws for arguments <see cref="Publish"/> cannot encode; lets a caller fail before any network work.</summary>
        public static void CheckPublishArguments(string topic, byte[] payload, int offset, int count)
        {
            if (topic == null || payload == null)
            {
                throw new ArgumentNullException(topic == null ? nameof(topic) : nameof(payload));
            }

            if (offset < 0 || count < 0 || offset > payload.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (topic.Length == 0 || topic.IndexOfAny(ForbiddenInTopicName) >= 0)
            {
                throw new ArgumentException("a PUBLISH topic is non-empty and has no wildcard or U+0000", nameof(topic));
            }
        }

        /// <summary>Throws for a topic filter <see cref="Subscribe"/> cannot encode.</summary>
        public static void CheckTopicFilter(string topicFilter)
        {
            if (string.IsNullOrEmpty(topicFilter) || topicFilter.IndexOf('\0') >= 0)
            {
                throw new ArgumentException("a topic filter is at least one character and has no U+0000", nameof(topicFilter));
            }
        }

        private static void CheckPacketId(int packetId)
        {
            if (packetId < 1 || packetId > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(packetId), "packet ids are 1-65535");
            }
        }

        private static int StringSize(string text)
        {
            int bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > MaxStringBytes)
            {
                throw new ArgumentException("an MQTT string is at most 65535 UTF-8 bytes");
            }

            return 2 + bytes;
        }

        // Writes the fixed header and makes room for the rest; returns where the variable header starts.
        private int Begin(MqttPacketType type, int flags, long remainingLength)
        {
            if (remainingLength > MqttPacketDecoder.ProtocolMaxRemainingLength)
            {
                throw new ArgumentException("packet larger than MQTT's 268,435,455-byte remaining length");
            }

            int remaining = (int)remainingLength;
            int total = 1 + LengthBytes(remaining) + remaining;
            if (total > _buffer.Length)
            {
                _buffer = new byte[Math.Max(total, 2 * _buffer.Length)];
            }

            _buffer[0] = (byte)(((int)type << 4) | flags);
            int position = 1;
            do
            {
                int digit = remaining % 128;
                remaining /= 128;
                _buffer[position++] = (byte)(remaining > 0 ? digit | 0x80 : digit);
            }
            while (remaining > 0);

            return position;
        }

        private void End(int position)
        {
            _length = position;
        }

        private static int LengthBytes(int remaining)
        {
            return remaining < 128 ? 1 : remaining < 16384 ? 2 : remaining < 2097152 ? 3 : 4;
        }

        private int PutUInt16(int position, int value)
        {
            _buffer[position] = (byte)(value >> 8);
            _buffer[position + 1] = (byte)value;
            return position + 2;
        }

        private int PutString(int position, string text)
        {
            int bytes = Encoding.UTF8.GetBytes(text, 0, text.Length, _buffer, position + 2);
            PutUInt16(position, bytes);
            return position + 2 + bytes;
        }
    }
}
