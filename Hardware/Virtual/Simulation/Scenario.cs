using System;
using System.Collections.Generic;
using System.Linq;

namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>
    /// A named story for the simulated machine: a schedule of off/idle/running segments played back to back,
    /// and a timeline of fault and repair events. After the last segment the machine holds that segment's mode.
    /// </summary>
    public sealed class Scenario
    {
        public Scenario(
            string name,
            string description,
            IEnumerable<ScheduleSegment> schedule,
            IEnumerable<ScenarioEvent> events,
            double suggestedTimeScale)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => c <= ' ' || c > '~'))
            {
                throw new ArgumentException("a scenario name is printable ASCII without spaces", nameof(name));
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                throw new ArgumentException("a scenario says what it shows", nameof(description));
            }

            var segments = (schedule ?? throw new ArgumentNullException(nameof(schedule))).ToArray();
            if (segments.Length == 0 || segments.Any(s => s == null))
            {
                throw new ArgumentException("a schedule has at least one segment and no nulls", nameof(schedule));
            }

            var timeline = (events ?? throw new ArgumentNullException(nameof(events))).ToArray();
            if (timeline.Any(e => e == null))
            {
                throw new ArgumentException("no null events", nameof(events));
            }

            if (!(suggestedTimeScale >= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(suggestedTimeScale), "a time scale is >= 1");
            }

            Name = name;
            Description = description;
            Schedule = Array.AsReadOnly(segments);

            // Stable sort: events at the same instant keep their written order.
            Events = Array.AsReadOnly(timeline.OrderBy(e => e.TimeS).ToArray());
            DurationS = segments.Sum(s => s.DurationS);
            SuggestedTimeScale = suggestedTimeScale;
        }

        /// <summary>Short name for the command line, e.g. "bearing-wear".</summary>
        public string Name { get; }

        /// <summary>What the engineer should see happen, in a sentence or two.</summary>
        public string Description { get; }

        public IReadOnlyList<ScheduleSegment> Schedule { get; }

        /// <summary>Fault and repair events, ordered by time.</summary>
        public IReadOnlyList<ScenarioEvent> Events { get; }

        /// <summary>Total length of the schedule in simulated seconds.</summary>
        public double DurationS { get; }

        /// <summary>Simulated seconds per real second at which the whole story plays in about a minute.</summary>
        public double SuggestedTimeScale { get; }
    }
}
