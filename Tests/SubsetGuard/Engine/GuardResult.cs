using System.Collections.Generic;
using System.Linq;

namespace SensorNode.SubsetGuard
{
    /// <summary>The outcome of an analysis: violations sorted and de-duplicated, allow-list entries used and missing.</summary>
    internal sealed class GuardResult
    {
        public GuardResult(Findings findings)
        {
            Violations = findings.Violations.Distinct()
                .OrderBy(v => v.Path, System.StringComparer.Ordinal)
                .ThenBy(v => v.Line)
                .ThenBy(v => v.Rule, System.StringComparer.Ordinal)
                .ToList();
            UsedEntries = findings.UsedEntries;
            MissingEntries = findings.MissingEntries.ToList();
        }

        public IReadOnlyList<Violation> Violations { get; }

        public IReadOnlyCollection<string> UsedEntries { get; }

        public IReadOnlyList<string> MissingEntries { get; }

        public string Describe() => string.Join("\n", Violations);
    }
}
