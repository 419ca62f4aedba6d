using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using SensorNode.Hardware.Virtual.Mqtt;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Fleet
{
    /// <summary>
    /// Runs N <see cref="FleetNode"/>s in this process against one broker and measures what the README reports: the
    /// publish rate, the time until every node is back after a broker restart, and events lost (0 within queue capacity).
    /// </summary>
    /// <remarks>
    /// <para>Threads: <see cref="FleetSettings.LoopThreads"/> run the nodes' scheduler loops (tick, MQTT commands,
    /// synthetic events), <see cref="FleetSettings.NetworkThreads"/> run their network rounds, as a device runs its loop
    /// and its network thread. A <see cref="FleetMonitor"/> subscribes to everything before the first node starts.</para>
    /// <para>Restart test (when the caller can stop and start the broker): events stop for a moment and the queues drain,
    /// so that no event is in the broker's hands when it is killed (a broker without persistence would lose it, and that
    /// is not what is measured). The broker is killed; events are recorded for <see cref="FleetSettings.OutageS"/>
    /// while every node backs off and retries; then the broker starts. The network threads are held for the few
    /// milliseconds the monitor needs to subscribe again, so it sees every event; recovery time counts from the moment
    /// they are released.</para>
    /// </remarks>
    public sealed class FleetRunner
    {
        private const int NetworkPauseMs = 5;
        private const int PollMs = 10;

        private readonly FleetSettings _settings;
        private readonly TextWriter _log;
        private readonly ManualResetEventSlim _networkGate = new ManualResetEventSlim(true);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private FleetNode[] _nodes;
        private int _parkedNetworkThreads;
        private volatile bool _generateEvents = true;

        public FleetRunner(FleetSettings settings, TextWriter log)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _log = log ?? TextWriter.Null;
        }

        /// <summary>
        /// Runs the fleet. With <paramref name="stopBroker"/> and <paramref name="startBroker"/> (kill it; start it and
        /// return once it accepts) the restart test runs too. Throws <see cref="TimeoutException"/> when a phase does not
        /// finish within <see cref="FleetSettings.PhaseTimeoutS"/>.
        /// </summary>
        public FleetReport Run(Action stopBroker, Action startBroker)
        {
            FleetSettings s = _settings;
            var report = new FleetReport
            {
                Nodes = s.Nodes, LoopThreads = s.LoopThreads, NetworkThreads = s.NetworkThreads, ReportS = s.ReportS,
                EventIntervalMs = s.EventIntervalMs,
            };
            ThreadPool.GetMinThreads(out int workers, out int io);
            ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

            var clock = new WallClock();
            using var monitor = new FleetMonitor(s.Broker, s.Prefix, s.Nodes);
            monitor.Connect();
            var threads = new Thread[s.LoopThreads + s.NetworkThreads];
            try
            {
                var started = Stopwatch.StartNew();
                _nodes = new FleetNode[s.Nodes];
                for (int i = 0; i < s.Nodes; i++)
                {
                    _nodes[i] = new FleetNode(i, s, clock);
                }

                for (int t = 0; t < threads.Length; t++)
                {
                    int index = t;
                    threads[t] = t < s.LoopThreads
                        ? new Thread(() => LoopThread(index, clock)) { IsBackground = true, Name = "fleet-loop-" + index }
                        : new Thread(() => NetworkThread(index - s.LoopThreads)) { IsBackground = true, Name = "fleet-net-" + index };
                    threads[t].Start();
                }

                WaitUntil(() => AllConnected() && monitor.OnlineCount == s.Nodes, "every node online");
                report.StartupS = started.Elapsed.TotalSeconds;
                _log.WriteLine("fleet: " + s.Nodes + " nodes online after " + report.StartupS.ToString("0.00") + " s");

                MeasureSteady(monitor, report);
                if (stopBroker != null && startBroker != null && s.OutageS > 0)
                {
                    RestartBroker(monitor, report, stopBroker, startBroker);
                }
                else
                {
                    _generateEvents = false;
                    WaitUntil(() => AllDelivered(monitor), "every event delivered");
                }

                Account(monitor, report);
                report.ManagedHeapMb = GC.GetTotalMemory(false) / 1048576.0;
                return report;
            }
            finally
            {
                _stop.Cancel();
                _networkGate.Set();
                foreach (Thread thread in threads)
                {
                    thread?.Join();
                }

                if (_nodes != null)
                {
                    foreach (FleetNode node in _nodes)
                    {
                        node?.Transport.Dispose();
                    }
                }
            }
        }

        private void MeasureSteady(FleetMonitor monitor, FleetReport report)
        {
            long[] before = monitor.CountsByLeaf();
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            _stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(_settings.SteadyS));
            double seconds = clock.Elapsed.TotalSeconds;
            long[] after = monitor.CountsByLeaf();
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            report.SteadyS = seconds;
            double total = 0;
            for (int i = 0; i < after.Length; i++)
            {
                report.MessagesPerSByLeaf[i] = (after[i] - before[i]) / seconds;
                total += report.MessagesPerSByLeaf[i];
            }

            report.MessagesPerS = total;
            report.CpuPercentOfOneCore = cpu.TotalSeconds / seconds * 100;
            _log.WriteLine("fleet: steady " + total.ToString("0") + " messages/s");
        }

        private void RestartBroker(FleetMonitor monitor, FleetReport report, Action stopBroker, Action startBroker)
        {
            FleetSettings s = _settings;

            // Quiet: no event may be in the broker's hands when it dies.
            _generateEvents = false;
            WaitUntil(() => AllDelivered(monitor), "the queues to drain before the restart");
            long eventsBefore = TotalEvents();

            stopBroker();
            _log.WriteLine("fleet: broker stopped");
            _generateEvents = true;
            _stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(s.OutageS));
            _generateEvents = false;

            // Hold the network threads while the monitor subscribes again, so that it sees every event.
            _networkGate.Reset();
            WaitUntil(() => Volatile.Read(ref _parkedNetworkThreads) == s.NetworkThreads, "the network threads to pause");
            report.EventsDuringOutage = TotalEvents() - eventsBefore;
            report.MaxQueueDepth = MaxQueueDepth();
            report.OutageS = s.OutageS;
            startBroker();
            monitor.ForgetOnline();
            monitor.Connect();
            var sinceRestart = Stopwatch.StartNew();
            _networkGate.Set();
            _log.WriteLine("fleet: broker back");

            var reconnectS = new double[s.Nodes];
            var done = new bool[s.Nodes];
            int connected = 0;
            WaitUntil(() =>
            {
                for (int i = 0; i < s.Nodes; i++)
                {
                    if (!done[i] && _nodes[i].Publisher.IsConnected && _nodes[i].Publisher.Connections >= 2)
                    {
                        done[i] = true;
                        reconnectS[i] = sinceRestart.Elapsed.TotalSeconds;
                        connected++;
                    }
                }

                return connected == s.Nodes;
            }, "every node to reconnect");
            report.RecoveryS = sinceRestart.Elapsed.TotalSeconds;
            Array.Sort(reconnectS);
            report.ReconnectSpreadS[0] = reconnectS[0];
            report.ReconnectSpreadS[1] = reconnectS[s.Nodes / 2];
            report.ReconnectSpreadS[2] = reconnectS[Math.Min(s.Nodes - 1, s.Nodes * 95 / 100)];
            report.ReconnectSpreadS[3] = reconnectS[s.Nodes - 1];
            WaitUntil(() => AllDelivered(monitor), "every queued event to arrive");
            report.DrainS = sinceRestart.Elapsed.TotalSeconds;
            report.RestartTested = true;
            _log.WriteLine("fleet: all back after " + report.RecoveryS.ToString("0.00") + " s");
        }

        private void Account(FleetMonitor monitor, FleetReport report)
        {
            for (int i = 0; i < _nodes.Length; i++)
            {
                long last = _nodes[i].Core.Events.LastSeq;
                report.EventsTotal += last;
                report.EventsLost += monitor.Missing(i, 1, last);
                report.EventsDropped += _nodes[i].Publisher.DroppedCount;
            }

            report.Duplicates = monitor.Duplicates;
        }

        private void LoopThread(int index, WallClock clock)
        {
            int stride = _settings.LoopThreads;
            long nextTickMs = clock.MonotonicMs;
            while (!_stop.IsCancellationRequested)
            {
                bool generate = _generateEvents;
                long nowMs = clock.MonotonicMs;
                for (int i = index; i < _nodes.Length; i += stride)
                {
                    _nodes[i].GenerateEvents = generate;
                    _nodes[i].Tick(nowMs);
                }

                nextTickMs += _settings.TickMs;
                long waitMs = nextTickMs - clock.MonotonicMs;
                if (waitMs > 0)
                {
                    _stop.Token.WaitHandle.WaitOne((int)waitMs);
                }
                else
                {
                    nextTickMs = clock.MonotonicMs;
                }
            }
        }

        private void NetworkThread(int index)
        {
            int stride = _settings.NetworkThreads;
            while (!_stop.IsCancellationRequested)
            {
                if (!_networkGate.IsSet)
                {
                    Interlocked.Increment(ref _parkedNetworkThreads);
                    _networkGate.Wait();
                    Interlocked.Decrement(ref _parkedNetworkThreads);
                }

                for (int i = index; i < _nodes.Length; i += stride)
                {
                    try
                    {
                        _nodes[i].Publisher.Service();
                    }
                    catch (InvalidOperationException)
                    {
                        // Counted nowhere else: a programming error would show as lost events in the report.
                    }
                }

                _stop.Token.WaitHandle.WaitOne(NetworkPauseMs);
            }
        }

        private bool AllConnected()
        {
            foreach (FleetNode node in _nodes)
            {
                if (!node.Publisher.IsConnected)
                {
                    return false;
                }
            }

            return true;
        }

        private bool AllDelivered(FleetMonitor monitor)
        {
            for (int i = 0; i < _nodes.Length; i++)
            {
                if (_nodes[i].Publisher.QueueDepth > 0 || monitor.HighestSeq(i) < _nodes[i].Core.Events.LastSeq)
                {
                    return false;
                }
            }

            return true;
        }

        private long TotalEvents()
        {
            long total = 0;
            foreach (FleetNode node in _nodes)
            {
                total += node.Core.Events.LastSeq;
            }

            return total;
        }

        private int MaxQueueDepth()
        {
            int deepest = 0;
            foreach (FleetNode node in _nodes)
            {
                deepest = Math.Max(deepest, node.Publisher.QueueDepth);
            }

            return deepest;
        }

        private void WaitUntil(Func<bool> condition, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.Elapsed.TotalSeconds > _settings.PhaseTimeoutS)
                {
                    throw new TimeoutException("fleet: gave up waiting for " + what + " after " + _settings.PhaseTimeoutS + " s");
                }

                Thread.Sleep(PollMs);
            }
        }
    }
}
