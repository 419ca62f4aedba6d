using System;
using System.Globalization;
using System.IO;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Cli
{
    /// <summary>What <c>virtual-node scenarios</c> prints: the catalogue as a table, or one scenario in full.</summary>
    internal static class ScenarioListing
    {
        /// <summary>One line per scenario: name, length and the first sentence of its description.</summary>
        public static void WriteTable(TextWriter output)
        {
            int nameWidth = "NAME".Length;
            foreach (var scenario in ScenarioCatalogue.All)
            {
                nameWidth = Math.Max(nameWidth, scenario.Name.Length);
            }

            output.WriteLine("NAME".PadRight(nameWidth) + "  LENGTH  WHAT HAPPENS");
            foreach (var scenario in ScenarioCatalogue.All)
            {
                output.WriteLine(scenario.Name.PadRight(nameWidth) + "  " + Minutes(scenario.DurationS).PadLeft(6) + "  "
                    + FirstSentence(scenario.Description));
            }

            output.WriteLine();
            output.WriteLine("Watch one play in about a minute:  virtual-node run --scenario bearing-wear --speed "
                + Number(ScenarioCatalogue.WatchTimeScale));
            output.WriteLine("Its schedule and fault timeline:   virtual-node scenarios bearing-wear");
        }

        /// <summary>The whole description, the machine's schedule and the fault timeline of one scenario.</summary>
        public static void WriteDetails(Scenario scenario, TextWriter output)
        {
            output.WriteLine(scenario.Name + ": " + Minutes(scenario.DurationS) + " of simulated time; --speed "
                + Number(scenario.SuggestedTimeScale) + " plays it in about "
                + Number(Math.Round(scenario.DurationS / scenario.SuggestedTimeScale)) + " s.");
            output.WriteLine(scenario.Description);
            output.WriteLine();
            output.WriteLine("Schedule (the machine holds the last mode afterwards):");
            double startS = 0;
            foreach (var segment in scenario.Schedule)
            {
                string load = segment.Mode == MachineMode.Running
                    ? " at " + Number(Math.Round(segment.Load * 100)) + " % load"
                    : string.Empty;
                output.WriteLine("  " + Clock(startS) + "  " + segment.Mode.ToString().ToLowerInvariant().PadRight(7) + " "
                    + Minutes(segment.DurationS) + load);
                startS += segment.DurationS;
            }

            output.WriteLine("Faults:");
            if (scenario.Events.Count == 0)
            {
                output.WriteLine("  none");
            }

            foreach (var scenarioEvent in scenario.Events)
            {
                output.WriteLine("  " + scenarioEvent.Describe());
            }
        }

        private static string FirstSentence(string text)
        {
            int end = text.IndexOf(". ", StringComparison.Ordinal);
            return end < 0 ? text : text.Substring(0, end + 1);
        }

        private static string Minutes(double seconds) => Number(Math.Round(seconds / 60, 1)) + " min";

        private static string Clock(double seconds) =>
            TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

        private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
    }
}
