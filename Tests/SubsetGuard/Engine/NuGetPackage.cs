using System;
using System.Text.RegularExpressions;

namespace SensorNode.SubsetGuard
{
    /// <summary>A package id and version, as packages.config, an nfproj HintPath or the pinned table names it.</summary>
    internal sealed record NuGetPackage(string Id, string Version)
    {
        // packages\<id>.<version>\lib\...: the version is the first dot-separated run that starts with a digit.
        private static readonly Regex HintPathPackage = new Regex(
            @"(?:^|[\\/])packages[\\/](?<id>[^\\/]+?)\.(?<version>\d+(?:\.\d+)+(?:-[0-9A-Za-z.-]+)?)[\\/]",
            RegexOptions.CultureInvariant);

        /// <summary>The package a HintPath points into, or null when it is not under a packages folder.</summary>
        public static NuGetPackage FromHintPath(string hintPath)
        {
            var match = HintPathPackage.Match(hintPath);
            return match.Success ? new NuGetPackage(match.Groups["id"].Value, match.Groups["version"].Value) : null;
        }

        public bool SameId(string id) => string.Equals(Id, id, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => Id + " " + Version;
    }
}
