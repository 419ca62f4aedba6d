using System.Collections.Generic;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>One fault's active span [StartS, EndS), with the event that started it.</summary>
    internal sealed class FaultWindow
    {
        private FaultWindow(ScenarioEvent cause, double endS)
        {
            Cause = cause;
            EndS = endS;
        }

        public ScenarioEvent Cause { get; }

        public double StartS => Cause.TimeS;

        /// <summary>When a repair or a replacing injection ended it; +∞ if never.</summary>
        public double EndS { get; }

        public bool Contains(double timeS) => timeS >= StartS && timeS < EndS;

        /// <summary>
        /// Pairs each injection with the next repair or re-injection of the same kind and channel.
        /// <paramref name="events"/> must be ordered by time.
        /// </summary>
        public static FaultWindow[] Build(IReadOnlyList<ScenarioEvent> events, FaultKind kind, SensorChannel channel)
        {
            var windows = new List<FaultWindow>();
            for (int i = 0; i < events.Count; i++)
            {
                var start = events[i];
                if (start.IsRepair || start.Kind != kind || start.Channel != channel)
                {
                    continue;
                }

                double endS = double.PositiveInfinity;
                for (int j = i + 1; j < events.Count; j++)
                {
                    var next = events[j];
                    if (next.Kind == kind && next.Channel == channel)
                    {
                        endS = next.TimeS;
                        break;
                    }
                }

                if (endS > start.TimeS)
                {
                    windows.Add(new FaultWindow(start, endS));
                }
            }

            return windows.ToArray();
        }

        /// <summary>The window active at <paramref name="timeS"/>, or null. Windows do not overlap.</summary>
        public static FaultWindow ActiveAt(FaultWindow[] windows, double timeS)
        {
            for (int i = 0; i < windows.Length; i++)
            {
                if (windows[i].Contains(timeS))
                {
                    return windows[i];
                }
            }

            return null;
        }
    }
}
