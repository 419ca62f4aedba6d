using System;
using System.Collections.Generic;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// The schedule and the operating-point faults (stall, overload, overheating) compiled once into intervals in
    /// which speed, load and heat input are linear in time. Within an interval the revolution count is quadratic and
    /// the first-order temperature has a closed form, so every query is an exact function of time, O(log n).
    /// </summary>
    /// <remarks>
    /// Speed and load slew toward their targets at fixed rates (run-up, coast-down, jam, load slew); an interval ends
    /// at a schedule or fault change or when a ramp reaches its target. Heat input is the model's
    /// speed·(no-load share + load share) evaluated at the interval's ends and interpolated linearly between them;
    /// ramps last seconds against a time constant of minutes, so the difference is negligible.
    /// The machine starts at rest, unloaded, at ambient temperature.
    /// </remarks>
    internal sealed class OperatingProfile
    {
        private readonly MachineParameters _p;
        private readonly double[] _segmentStartS;
        private readonly ScheduleSegment[] _segments;

        private readonly double[] _startS;
        private readonly double[] _speedHz;
        private readonly double[] _speedSlope;
        private readonly double[] _load;
        private readonly double[] _loadSlope;
        private readonly double[] _revolutions;
        private readonly double[] _riseK;
        private readonly double[] _riseSlope;
        private readonly double[] _temperatureC;
        private readonly bool[] _energised;

        public OperatingProfile(
            Scenario scenario,
            MachineParameters parameters,
            FaultWindow[] stall,
            FaultWindow[] overload,
            FaultWindow[] overheating)
        {
            _p = parameters;
            _segments = new ScheduleSegment[scenario.Schedule.Count];
            _segmentStartS = new double[_segments.Length];
            double t0 = 0;
            for (int i = 0; i < _segments.Length; i++)
            {
                _segments[i] = scenario.Schedule[i];
                _segmentStartS[i] = t0;
                t0 += _segments[i].DurationS;
            }

            var changes = new SortedSet<double>();
            for (int i = 1; i < _segmentStartS.Length; i++)
            {
                changes.Add(_segmentStartS[i]);
            }

            AddEdges(changes, stall);
            AddEdges(changes, overload);
            AddEdges(changes, overheating);

            var rows = new List<Row>();
            double t = 0, speed = 0, load = 0, revolutions = 0, temperature = _p.AmbientC;
            double sync = _p.SynchronousHz;
            while (true)
            {
                var mode = ModeAt(t);
                bool energised = mode != MachineMode.Off;
                double targetLoad = mode == MachineMode.Running ? _segments[SegmentIndex(t)].Load : 0;
                var overloadWindow = FaultWindow.ActiveAt(overload, t);
                if (overloadWindow != null && mode == MachineMode.Running)
                {
                    targetLoad = overloadWindow.Cause.OverloadLoad;
                }

                bool stalled = energised && FaultWindow.ActiveAt(stall, t) != null;

                // Slip grows linearly with load in an induction motor's normal operating region.
                double targetSpeed = energised && !stalled ? sync * (1 - _p.RatedSlip * targetLoad) : 0;
                var heatWindow = FaultWindow.ActiveAt(overheating, t);
                double heatFactor = heatWindow != null ? heatWindow.Cause.HeatFactor : 1;

                double speedRate = targetSpeed > speed
                    ? sync / _p.StartUpS
                    : sync / (stalled ? _p.StallStopS : _p.CoastDownS);
                double loadRate = _p.LoadSlewPerS;
                double speedReachS = Reach(t, speed, targetSpeed, speedRate);
                double loadReachS = Reach(t, load, targetLoad, loadRate);
                double nextChangeS = NextAfter(changes, t);
                double endS = Math.Min(nextChangeS, Math.Min(speedReachS, loadReachS));

                double speedSlope = Slope(speed, targetSpeed, speedRate);
                double loadSlope = Slope(load, targetLoad, loadRate);
                double rise0 = RiseK(speed, load, heatFactor);

                if (double.IsPositiveInfinity(endS))
                {
                    rows.Add(new Row(t, speed, 0, load, 0, revolutions, rise0, 0, temperature, energised));
                    break;
                }

                double dt = endS - t;
                double speedEnd = endS == speedReachS ? targetSpeed : speed + speedSlope * dt;
                double loadEnd = endS == loadReachS ? targetLoad : load + loadSlope * dt;
                if (!(dt > 0))
                {
                    // A ramp so close to its target that the remaining time rounds to zero: snap and go on.
                    speed = speedEnd;
                    load = loadEnd;
                    continue;
                }

                double riseSlope = (RiseK(speedEnd, loadEnd, heatFactor) - rise0) / dt;
                var row = new Row(t, speed, speedSlope, load, loadSlope, revolutions, rise0, riseSlope, temperature, energised);
                rows.Add(row);

                revolutions += speed * dt + 0.5 * speedSlope * dt * dt;
                temperature = Temperature(row, dt);
                t = endS;
                speed = speedEnd;
                load = loadEnd;
            }

            int n = rows.Count;
            _startS = new double[n];
            _speedHz = new double[n];
            _speedSlope = new double[n];
            _load = new double[n];
            _loadSlope = new double[n];
            _revolutions = new double[n];
            _riseK = new double[n];
            _riseSlope = new double[n];
            _temperatureC = new double[n];
            _energised = new bool[n];
            for (int i = 0; i < n; i++)
            {
                var r = rows[i];
                _startS[i] = r.StartS;
                _speedHz[i] = r.SpeedHz;
                _speedSlope[i] = r.SpeedSlope;
                _load[i] = r.Load;
                _loadSlope[i] = r.LoadSlope;
                _revolutions[i] = r.Revolutions;
                _riseK[i] = r.RiseK;
                _riseSlope[i] = r.RiseSlope;
                _temperatureC[i] = r.TemperatureC;
                _energised[i] = r.Energised;
            }
        }

        /// <summary>Number of linear intervals the scenario compiled into.</summary>
        public int IntervalCount => _startS.Length;

        public MachineMode ModeAt(double timeS) => _segments[SegmentIndex(timeS)].Mode;

        public OperatingPoint At(double timeS)
        {
            int i = IntervalIndex(timeS);
            double dt = timeS - _startS[i];
            double speed = _speedHz[i] + _speedSlope[i] * dt;
            double revolutions = _revolutions[i] + _speedHz[i] * dt + 0.5 * _speedSlope[i] * dt * dt;
            return new OperatingPoint(ModeAt(timeS), _energised[i], speed, _load[i] + _loadSlope[i] * dt, revolutions);
        }

        /// <summary>Bearing-housing temperature of the first-order model, without fluctuation.</summary>
        public double TemperatureC(double timeS)
        {
            int i = IntervalIndex(timeS);
            return Temperature(
                new Row(_startS[i], 0, 0, 0, 0, 0, _riseK[i], _riseSlope[i], _temperatureC[i], false),
                timeS - _startS[i]);
        }

        // Exact solution of τ·dT/dt = u(t) − T for u = ambient + rise0 + b·t over the interval:
        // T(t) = u(t) − b·τ + (T0 − u0 + b·τ)·e^(−t/τ).
        private double Temperature(Row row, double dt)
        {
            double tau = _p.ThermalTimeConstantS;
            double u0 = _p.AmbientC + row.RiseK;
            double b = row.RiseSlope;
            return u0 + b * dt - b * tau + (row.TemperatureC - u0 + b * tau) * Math.Exp(-dt / tau);
        }

        // Steady-state rise for a speed, load and fault factor: bearing friction scales with speed, and the
        // loaded share (friction under load, copper losses conducted along the shaft) with load.
        private double RiseK(double speedHz, double load, double heatFactor)
        {
            double speedRatio = speedHz / _p.RatedSpeedHz;
            return _p.RiseAtRatedLoadK * heatFactor * speedRatio * (_p.NoLoadHeatFraction + (1 - _p.NoLoadHeatFraction) * load);
        }

        private int SegmentIndex(double timeS)
        {
            int i = Array.BinarySearch(_segmentStartS, timeS);
            return i >= 0 ? i : ~i - 1;
        }

        private int IntervalIndex(double timeS)
        {
            if (!(timeS >= 0) || double.IsPositiveInfinity(timeS))
            {
                throw new ArgumentOutOfRangeException(nameof(timeS), "simulated time is finite and >= 0");
            }

            int i = Array.BinarySearch(_startS, timeS);
            return i >= 0 ? i : ~i - 1;
        }

        private static void AddEdges(SortedSet<double> changes, FaultWindow[] windows)
        {
            foreach (var w in windows)
            {
                changes.Add(w.StartS);
                if (!double.IsPositiveInfinity(w.EndS))
                {
                    changes.Add(w.EndS);
                }
            }
        }

        private static double NextAfter(SortedSet<double> changes, double t)
        {
            foreach (double c in changes.GetViewBetween(t, double.PositiveInfinity))
            {
                if (c > t)
                {
                    return c;
                }
            }

            return double.PositiveInfinity;
        }

        private static double Reach(double t, double value, double target, double rate) =>
            value == target ? double.PositiveInfinity : t + Math.Abs(target - value) / rate;

        private static double Slope(double value, double target, double rate) =>
            target > value ? rate : target < value ? -rate : 0;

        private readonly struct Row
        {
            public Row(double startS, double speedHz, double speedSlope, double load, double loadSlope,
                double revolutions, double riseK, double riseSlope, double temperatureC, bool energised)
            {
                StartS = startS;
                SpeedHz = speedHz;
                SpeedSlope = speedSlope;
                Load = load;
                LoadSlope = loadSlope;
                Revolutions = revolutions;
                RiseK = riseK;
                RiseSlope = riseSlope;
                TemperatureC = temperatureC;
                Energised = energised;
            }

            public double StartS { get; }
            public double SpeedHz { get; }
            public double SpeedSlope { get; }
            public double Load { get; }
            public double LoadSlope { get; }
            public double Revolutions { get; }
            public double RiseK { get; }
            public double RiseSlope { get; }
            public double TemperatureC { get; }
            public bool Energised { get; }
        }
    }
}
