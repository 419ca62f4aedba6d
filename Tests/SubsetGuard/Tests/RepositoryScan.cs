using System;
using System.Collections.Generic;
using System.Linq;

namespace SensorNode.SubsetGuard
{
    /// <summary>One scan of the real repository, shared by the test classes so the analysis runs once.</summary>
    internal static class RepositoryScan
    {
        private static readonly Lazy<List<NfProject>> projects = new Lazy<List<NfProject>>(() => NfProject.FindAll(RepoPaths.Root));
        private static readonly Lazy<AllowList> allowList = new Lazy<AllowList>(() => AllowList.Load(RepoPaths.AllowListPath));
        private static readonly Lazy<GuardResult> result = new Lazy<GuardResult>(
            () => new DeviceSourceAnalyzer(AllowList).AnalyzeProjects(PortableProjects));

        /// <summary>Every .nfproj in the repository, device-only ones included.</summary>
        public static IReadOnlyList<NfProject> AllProjects => projects.Value;

        /// <summary>The nfprojs with a host twin: the device assemblies the guard analyses.</summary>
        public static IReadOnlyList<NfProject> PortableProjects => projects.Value.Where(p => p.IsPortable).ToList();

        public static AllowList AllowList => allowList.Value;

        public static GuardResult Result => result.Value;
    }
}
