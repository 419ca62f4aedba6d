using System;
using System.Threading;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Mqtt
{
    /// <summary>
    /// The virtual node's network side, as the device app has it: a <see cref="HostMqttTransport"/> to the broker, the
    /// node's <see cref="MqttPublisher"/> over it on real time (<see cref="WallClock"/>), and the network thread that
    /// calls <see cref="MqttPublisher.Service"/> every <see cref="ServiceIntervalMs"/>. The node's own loop (simulated
    /// time) formats and queues; this thread connects, backs off and sends.
    /// </summary>
    public sealed class MqttLink : IDisposable
    {
        /// <summary>Pause between two network rounds, ms.</summary>
        public const int ServiceIntervalMs = 10;

        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private Thread _thread;
        private int _serviceFailures;

        /// <summary>A link to the broker in <paramref name="options"/>; nothing connects before <see cref="Start"/>.</summary>
        public MqttLink(MqttClientOptions options, MqttPublisherOptions publisherOptions)
        {
            Transport = new HostMqttTransport(options ?? throw new ArgumentNullException(nameof(options)));
            publisherOptions ??= new MqttPublisherOptions();
            if (string.IsNullOrEmpty(publisherOptions.BrokerText))
            {
                publisherOptions.BrokerText = options.Host + ":" + options.Port + (options.UseTls ? " (TLS)" : "");
            }

            Publisher = new MqttPublisher(Transport, new WallClock(), publisherOptions);
        }

        public HostMqttTransport Transport { get; }

        public MqttPublisher Publisher { get; }

        /// <summary>Exceptions that escaped a network round (counted, as the device's loop counts them); the loop goes on.</summary>
        public int ServiceFailures => Volatile.Read(ref _serviceFailures);

        /// <summary>Starts the network thread.</summary>
        public void Start()
        {
            if (_thread != null)
            {
                throw new InvalidOperationException("already started");
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "mqtt" };
            _thread.Start();
        }

        /// <summary>Stops the network thread, says "offline" (retained) and disconnects cleanly.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            _thread?.Join();
            Publisher.Shutdown();
            Transport.Dispose();
            _stop.Dispose();
        }

        private void Run()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    Publisher.Service();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref _serviceFailures);
                }

                _stop.Token.WaitHandle.WaitOne(ServiceIntervalMs);
            }
        }
    }
}
