using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// The framework members device code may use (nanoframework-allowlist.txt): one documentation comment ID
    /// per line (T:, M:, P:, F:, E:), '#' comment lines and blank lines allowed. Every entry needs a comment
    /// line above it in its block (lines up to the previous blank line) naming where it was verified in the
    /// nanoFramework sources, e.g. "# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/String.cs".
    /// The first repository a block names gives its entries' NuGet package (nanoframework/System.Math is
    /// nanoFramework.System.Math), which a project using the entry must reference.
    /// </summary>
    internal sealed class AllowList
    {
        // Documentation comment IDs never contain white space, so a trailing comment cannot hide in one.
        private static readonly Regex DocCommentId = new Regex(@"^[TMPFE]:\S+$", RegexOptions.CultureInvariant);

        private static readonly Regex SourceRepository = new Regex(@"(?<![\w.])nanoframework/(?<repo>[\w.-]*\w)",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private readonly Dictionary<string, Entry> entries;

        private AllowList(Dictionary<string, Entry> entries)
        {
            this.entries = entries;
        }

        public static AllowList Empty { get; } = new AllowList(new Dictionary<string, Entry>());

        public IReadOnlyCollection<string> Entries => entries.Keys;

        public int Count => entries.Count;

        public bool Contains(string docCommentId) => docCommentId != null && entries.ContainsKey(docCommentId);

        /// <summary>1-based line of an entry in the text it was parsed from.</summary>
        public int LineOf(string docCommentId) => entries[docCommentId].Line;

        /// <summary>The NuGet package that provides the entry on the device, e.g. "nanoFramework.CoreLibrary".</summary>
        public string PackageOf(string docCommentId) => entries[docCommentId].Package;

        public static AllowList Load(string path) => Parse(File.ReadAllText(path));

        /// <exception cref="FormatException">Lists every malformed, duplicate or unsourced line.</exception>
        public static AllowList Parse(string text)
        {
            var parsed = new Dictionary<string, Entry>(StringComparer.Ordinal);
            var errors = new List<string>();
            string blockRepository = null;
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int lineNumber = i + 1;
                var line = lines[i].Trim();
                if (line.Length == 0)
                {
                    blockRepository = null;
                }
                else if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    var source = SourceRepository.Match(line);
                    if (blockRepository == null && source.Success)
                    {
                        blockRepository = source.Groups["repo"].Value;
                    }
                }
                else if (!DocCommentId.IsMatch(line))
                {
                    errors.Add($"line {lineNumber}: '{line}' is not a documentation comment ID such as " +
                        "M:System.String.Concat(System.String,System.String); comments go on their own line, starting with '#'");
                }
                else if (parsed.TryGetValue(line, out var first))
                {
                    errors.Add($"line {lineNumber}: {line} is already listed on line {first.Line}");
                }
                else if (blockRepository == null)
                {
                    errors.Add($"line {lineNumber}: {line} has no comment above it in its block naming where it was " +
                        "verified, e.g. '# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/String.cs'");
                }
                else
                {
                    parsed.Add(line, new Entry(lineNumber, PackageOfRepository(blockRepository)));
                }
            }
            if (errors.Count > 0)
            {
                throw new FormatException("Malformed allow-list:\n" + string.Join("\n", errors));
            }
            return new AllowList(parsed);
        }

        // nanoframework/CoreLibrary ships as nanoFramework.CoreLibrary; nanoframework/nanoFramework.TestFramework as itself.
        private static string PackageOfRepository(string repository) =>
            repository.StartsWith("nanoFramework.", StringComparison.OrdinalIgnoreCase) ? repository : "nanoFramework." + repository;

        private sealed record Entry(int Line, string Package);
    }
}
