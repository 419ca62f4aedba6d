using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using SensorNode.Hardware;

namespace SensorNode.Integration
{
    /// <summary>Collects what a transport receives, for tests to wait on. The timeout only bounds a failing test.</summary>
    public sealed class MessageInbox
    {
        public const int WaitTimeoutMs = 5_000;

        private readonly List<Received> _messages = new List<Received>();

        /// <summary>One received message; the payload decoded as UTF-8.</summary>
        public sealed class Received
        {
            public string Topic;
            public string Payload;
            public bool Retained;
        }

        /// <summary>Subscribe this to <see cref="IMqttTransport.MessageReceived"/>.</summary>
        public void OnMessage(string topic, byte[] payload, int count, bool retained)
        {
            var message = new Received { Topic = topic, Payload = Encoding.UTF8.GetString(payload, 0, count), Retained = retained };
            lock (_messages)
            {
                _messages.Add(message);
                Monitor.PulseAll(_messages);
            }
        }

        /// <summary>Waits for the first message on <paramref name="topic"/> with <paramref name="payload"/>; null if none came.</summary>
        public Received WaitFor(string topic, string payload)
        {
            return WaitFor(m => m.Topic == topic && m.Payload == payload);
        }

        /// <summary>True if a message on <paramref name="topic"/> with <paramref name="payload"/> has arrived (no waiting).</summary>
        public bool Contains(string topic, string payload)
        {
            lock (_messages)
            {
                return _messages.Exists(m => m.Topic == topic && m.Payload == payload);
            }
        }

        /// <summary>Waits until <paramref name="count"/> messages have arrived; returns them in arrival order (fewer on timeout).</summary>
        public Received[] WaitForCount(int count)
        {
            var clock = Stopwatch.StartNew();
            lock (_messages)
            {
                while (_messages.Count < count && clock.ElapsedMilliseconds < WaitTimeoutMs)
                {
                    Monitor.Wait(_messages, 50);
                }

                return _messages.ToArray();
            }
        }

        private Received WaitFor(Predicate<Received> match)
        {
            var clock = Stopwatch.StartNew();
            lock (_messages)
            {
                while (true)
                {
                    Received found = _messages.Find(match);
                    if (found != null || clock.ElapsedMilliseconds > WaitTimeoutMs)
                    {
                        return found;
                    }

                    Monitor.Wait(_messages, 50);
                }
            }
        }
    }
}
