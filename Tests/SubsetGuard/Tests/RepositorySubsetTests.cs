using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.SubsetGuard
{
    /// <summary>The guard over the real device sources: nothing the nanoFramework 1.x build would reject.</summary>
    [TestClass]
    public class RepositorySubsetTests
    {
        [TestMethod]
        public void DeviceSourcesStayInsideTheNanoFrameworkSubset()
        {
            var result = RepositoryScan.Result;

            Assert.AreEqual(0, result.Violations.Count,
                $"{result.Violations.Count} nanoFramework subset violation(s) in " +
                string.Join(", ", RepositoryScan.PortableProjects.Select(p => p.RelativePath)) +
                " (rules: /work/shared/NANOFRAMEWORK.md; allow-list: " + RepoPaths.AllowListRelativePath + "):\n" +
                result.Describe() + MissingEntriesSummary(result));
        }

        private static string MissingEntriesSummary(GuardResult result) =>
            result.MissingEntries.Count == 0 ? string.Empty :
            $"\n\nFramework members used without an allow-list entry ({result.MissingEntries.Count}). Check each in the " +
            "nanoFramework sources; add those that exist, under a '# nanoframework/<repo>: <file>' comment, to " +
            RepoPaths.AllowListRelativePath + ", and replace the others:\n" + string.Join("\n", result.MissingEntries);

        [TestMethod]
        public void AllowListHoldsOnlyMembersTheSourcesUse()
        {
            var allowList = RepositoryScan.AllowList;
            var used = RepositoryScan.Result.UsedEntries;

            var stale = allowList.Entries.Where(e => !used.Contains(e))
                .OrderBy(allowList.LineOf)
                .Select(e => $"{RepoPaths.AllowListRelativePath}:{allowList.LineOf(e)}: {e} is used by no analysed source; delete the line")
                .ToList();
            Assert.AreEqual(0, stale.Count, "stale allow-list entries:\n" + string.Join("\n", stale));
        }
    }
}
