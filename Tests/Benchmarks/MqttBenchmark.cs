using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Integration;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// Publish rate of the host MQTT client against a broker on loopback: QoS 0, QoS 1 one at a time (each waits for
    /// its PUBACK), and QoS 1 with 16 publishes in flight. A second client subscribed to everything checks that every
    /// message arrives. Starts its own mosquitto unless --port is given. Exit code 1 if a publish fails or a QoS 1
    /// message is missing at the subscriber.
    /// </summary>
    internal sealed class MqttBenchmark : IBenchmark
    {
        private const int PayloadBytes = 200;
        private const int InFlight = 16;
        private const int DeliveryTimeoutMs = 30_000;

        public string Name => "mqtt";

        public string Description => "messages/s the host MQTT client publishes to a loopback mosquitto at QoS 0 and 1 [--port P] [--messages N]";

        public int Run(string[] args)
        {
            int port = 0;
            int messages = 20_000;
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                if (args[i] == "--port")
                {
                    port = int.Parse(args[i + 1]);
                }
                else if (args[i] == "--messages")
                {
                    messages = int.Parse(args[i + 1]);
                }
            }

            MosquittoBroker broker = port == 0 ? MosquittoBroker.Start() : null;
            try
            {
                return Measure(port == 0 ? broker.PlainPort : port, messages);
            }
            finally
            {
                broker?.Dispose();
            }
        }

        private static int Measure(int port, int messages)
        {
            var options = new MqttClientOptions { Host = "127.0.0.1", Port = port, MaxInFlight = InFlight };
            using var publisher = new HostMqttTransport(options);
            using var subscriber = new HostMqttTransport(options);
            var received = new DeliveryCounter();
            subscriber.MessageReceived += (topic, payload, count, retained) => Interlocked.Increment(ref received.Count);
            string root = "bench/" + Guid.NewGuid().ToString("N").Substring(0, 8);
            if (publisher.Connect("bench-pub", null, null, null, null, MqttQos.AtMostOnce, false, 30, true) != MqttStatus.Accepted
                || subscriber.Connect("bench-sub", null, null, null, null, MqttQos.AtMostOnce, false, 30, true) != MqttStatus.Accepted
                || subscriber.Subscribe(root + "/#", MqttQos.AtLeastOnce) != MqttStatus.Accepted)
            {
                Console.Error.WriteLine("cannot reach the broker on 127.0.0.1:" + port + ": " + publisher.LastError + subscriber.LastError);
                return 1;
            }

            byte[] payload = Encoding.ASCII.GetBytes(("{\"seq\":0,\"velocityRmsMmS\":2.345,\"tempC\":41.27,\"currentA\":12.503,\"health\":\"ok\"}")
                .PadRight(PayloadBytes, ' '));
            Console.WriteLine($"host MQTT client -> mosquitto on 127.0.0.1:{port}, {PayloadBytes}-byte payloads, subscriber at QoS 1, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine($"{"mode",-28} {"messages",9} {"publish/s",10} {"delivered",10} {"end-to-end/s",13}");

            int failures = 0;
            failures += Report("QoS 0", root + "/q0", messages, payload, MqttQos.AtMostOnce, 1, publisher, received, false);
            failures += Report("QoS 1, one at a time", root + "/q1", messages / 4, payload, MqttQos.AtLeastOnce, 1, publisher, received, true);
            failures += Report($"QoS 1, {InFlight} in flight", root + "/q1p", messages, payload, MqttQos.AtLeastOnce, InFlight, publisher, received, true);
            publisher.Disconnect();
            subscriber.Disconnect();
            return failures == 0 ? 0 : 1;
        }

        private static int Report(string mode, string topic, int messages, byte[] payload, MqttQos qos, int parallel,
            HostMqttTransport publisher, DeliveryCounter received, bool mustDeliverAll)
        {
            Interlocked.Exchange(ref received.Count, 0);
            int failed = 0;
            var clock = Stopwatch.StartNew();
            var workers = new Task[parallel];
            for (int w = 0; w < parallel; w++)
            {
                int share = messages / parallel + (w < messages % parallel ? 1 : 0);
                workers[w] = Task.Run(async () =>
                {
                    for (int i = 0; i < share; i++)
                    {
                        if (await publisher.PublishAsync(topic, payload, 0, payload.Length, qos, false).ConfigureAwait(false) != MqttStatus.Accepted)
                        {
                            Interlocked.Increment(ref failed);
                        }
                    }
                });
            }

            Task.WaitAll(workers);
            double publishSeconds = clock.Elapsed.TotalSeconds;
            SpinWait.SpinUntil(() => Volatile.Read(ref received.Count) >= messages, DeliveryTimeoutMs);
            double deliverSeconds = clock.Elapsed.TotalSeconds;
            int delivered = Volatile.Read(ref received.Count);

            Console.WriteLine($"{mode,-28} {messages,9} {messages / publishSeconds,10:F0} {delivered,10} {delivered / deliverSeconds,13:F0}");
            if (failed > 0 || (mustDeliverAll && delivered < messages))
            {
                Console.Error.WriteLine($"{mode}: {failed} publishes failed, {messages - delivered} messages missing at the subscriber");
                return 1;
            }

            return 0;
        }

        // Messages the subscriber has seen in the current mode.
        private sealed class DeliveryCounter
        {
            public int Count;
        }
    }
}
