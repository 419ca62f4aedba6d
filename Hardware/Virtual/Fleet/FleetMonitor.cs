using System;
using System.Collections.Generic;
using System.Threading;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Hardware.Virtual.Fleet
{
    /// <summary>
    /// The fleet's independent observer: one more MQTT client subscribed to every node's availability, state, event,
    /// power and telemetry. It counts messages by topic, knows which nodes last said "online", and keeps each node's event
    /// sequence numbers so that lost and duplicated events can be counted exactly.
    /// </summary>
    public sealed class FleetMonitor : IDisposable
    {
        private const int KeepAliveS = 30;

        private readonly string _prefix;
        private readonly HostMqttTransport _transport;
        private readonly object _sync = new object();
        private readonly HashSet<long>[] _seqs;
        private readonly bool[] _online;
        private readonly long[] _byLeaf = new long[Leaves.Length];
        private int _onlineCount;
        private long _duplicates;
        private long _events;

        private static readonly string[] Leaves = { "availability", "state", "event", "power", "telemetry" };

        private static readonly byte[] SeqKey = System.Text.Encoding.ASCII.GetBytes("\"seq\":");

        public FleetMonitor(BrokerAddress broker, string prefix, int nodes)
        {
            _prefix = prefix;
            _seqs = new HashSet<long>[nodes];
            for (int i = 0; i < nodes; i++)
            {
                _seqs[i] = new HashSet<long>();
            }

            _online = new bool[nodes];
            _transport = new HostMqttTransport(new MqttClientOptions { Host = broker.Host, Port = broker.Port });
            _transport.MessageReceived += OnMessage;
        }

        /// <summary>Nodes whose last availability message was "online".</summary>
        public int OnlineCount
        {
            get
            {
                lock (_sync)
                {
                    return _onlineCount;
                }
            }
        }

        /// <summary>Event messages received, duplicates included.</summary>
        public long Events
        {
            get
            {
                lock (_sync)
                {
                    return _events;
                }
            }
        }

        /// <summary>Event messages whose (node, seq) had been received before (QoS 1 resends).</summary>
        public long Duplicates
        {
            get
            {
                lock (_sync)
                {
                    return _duplicates;
                }
            }
        }

        /// <summary>(Re)connects and subscribes; throws when the broker does not accept.</summary>
        public void Connect()
        {
            Check(_transport.Connect("fleet-monitor", null, null, null, null, Hardware.MqttQos.AtMostOnce, false, KeepAliveS, true),
                "connect");
            Check(_transport.Subscribe(_prefix + "/+/event", Hardware.MqttQos.AtLeastOnce), "subscribe event");
            Check(_transport.Subscribe(_prefix + "/+/availability", Hardware.MqttQos.AtLeastOnce), "subscribe availability");
            Check(_transport.Subscribe(_prefix + "/+/state", Hardware.MqttQos.AtMostOnce), "subscribe state");
            Check(_transport.Subscribe(_prefix + "/+/power", Hardware.MqttQos.AtMostOnce), "subscribe power");
            Check(_transport.Subscribe(_prefix + "/+/telemetry", Hardware.MqttQos.AtMostOnce), "subscribe telemetry");
        }

        /// <summary>Messages received on each topic leaf so far, in the order availability, state, event, power, telemetry.</summary>
        public long[] CountsByLeaf()
        {
            lock (_sync)
            {
                return (long[])_byLeaf.Clone();
            }
        }

        /// <summary>Distinct event sequence numbers received from node <paramref name="index"/>.</summary>
        public int DistinctEvents(int index)
        {
            lock (_sync)
            {
                return _seqs[index].Count;
            }
        }

        /// <summary>Sequence numbers of node <paramref name="index"/> from <paramref name="first"/> to <paramref name="last"/> not received.</summary>
        public long Missing(int index, long first, long last)
        {
            lock (_sync)
            {
                long missing = 0;
                for (long seq = first; seq <= last; seq++)
                {
                    if (!_seqs[index].Contains(seq))
                    {
                        missing++;
                    }
                }

                return missing;
            }
        }

        /// <summary>Highest sequence number received from node <paramref name="index"/>, 0 for none.</summary>
        public long HighestSeq(int index)
        {
            lock (_sync)
            {
                long highest = 0;
                foreach (long seq in _seqs[index])
                {
                    highest = Math.Max(highest, seq);
                }

                return highest;
            }
        }

        /// <summary>Forgets who is online (before a restart: every node must say it again).</summary>
        public void ForgetOnline()
        {
            lock (_sync)
            {
                Array.Clear(_online);
                _onlineCount = 0;
            }
        }

        public void Dispose()
        {
            _transport.Dispose();
        }

        private static void Check(Hardware.MqttStatus status, string step)
        {
            if (status != Hardware.MqttStatus.Accepted)
            {
                throw new InvalidOperationException("fleet monitor: " + step + " failed: " + status);
            }
        }

        // Topic: {prefix}/n0001/{leaf}.
        private void OnMessage(string topic, byte[] payload, int count, bool retained)
        {
            int nodeStart = _prefix.Length + 1;
            int slash = topic.IndexOf('/', nodeStart);
            if (slash < 0 || topic.Length < nodeStart + 2 || topic[nodeStart] != 'n')
            {
                return;
            }

            if (!int.TryParse(topic.AsSpan(nodeStart + 1, slash - nodeStart - 1), out int number) || number < 1
                || number > _seqs.Length)
            {
                return;
            }

            int index = number - 1;
            string leaf = topic.Substring(slash + 1);
            int leafIndex = Array.IndexOf(Leaves, leaf);
            lock (_sync)
            {
                if (leafIndex >= 0)
                {
                    _byLeaf[leafIndex]++;
                }

                if (leaf == "availability")
                {
                    bool online = count == 6 && payload[0] == 'o' && payload[1] == 'n';
                    if (online != _online[index])
                    {
                        _online[index] = online;
                        _onlineCount += online ? 1 : -1;
                    }
                }
                else if (leaf == "event")
                {
                    _events++;
                    long seq = ReadSeq(payload, count);
                    if (seq > 0 && !_seqs[index].Add(seq))
                    {
                        _duplicates++;
                    }
                }
            }
        }

        // The number after "seq": (the event JSON starts with it).
        private static long ReadSeq(byte[] payload, int count)
        {
            ReadOnlySpan<byte> text = payload.AsSpan(0, count);
            int at = text.IndexOf(SeqKey);
            if (at < 0)
            {
                return -1;
            }

            long value = 0;
            for (int i = at + 6; i < count && payload[i] >= '0' && payload[i] <= '9'; i++)
            {
                value = value * 10 + (payload[i] - '0');
            }

            return value;
        }
    }
}
