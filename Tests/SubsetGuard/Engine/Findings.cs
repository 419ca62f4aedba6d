using System.Collections.Generic;

namespace SensorNode.SubsetGuard
{
    /// <summary>What the rules collect while walking: violations, allow-list entries relied on, and missing entries.</summary>
    internal sealed class Findings
    {
        public List<Violation> Violations { get; } = new List<Violation>();

        public HashSet<string> UsedEntries { get; } = new HashSet<string>();

        /// <summary>Doc IDs of framework symbols used without an allow-list entry (the lines someone would add).</summary>
        public SortedSet<string> MissingEntries { get; } = new SortedSet<string>(System.StringComparer.Ordinal);
    }
}
