using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// A device (.nfproj) project: its explicit Compile items, nfproj references, the package versions its
    /// HintPaths name and the packages.config beside it.
    /// </summary>
    internal sealed class NfProject
    {
        private NfProject(string path, string assemblyName, List<string> compileItems, List<string> projectReferences,
            List<NuGetPackage> hintPathPackages, List<NuGetPackage> packagesConfig, bool hasPackagesConfig)
        {
            FullPath = path;
            AssemblyName = assemblyName;
            CompileItems = compileItems;
            ProjectReferences = projectReferences;
            HintPathPackages = hintPathPackages;
            PackagesConfig = packagesConfig;
            HasPackagesConfig = hasPackagesConfig;
        }

        public string FullPath { get; }

        public string Directory => Path.GetDirectoryName(FullPath);

        /// <summary>File name without extension, e.g. "Firmware.Core" or "NFUnitTest".</summary>
        public string Name => Path.GetFileNameWithoutExtension(FullPath);

        public string RelativePath => RepoPaths.Relative(FullPath);

        public string AssemblyName { get; }

        /// <summary>Full paths of the &lt;Compile Include&gt; items.</summary>
        public IReadOnlyList<string> CompileItems { get; }

        /// <summary>Full paths of the referenced projects.</summary>
        public IReadOnlyList<string> ProjectReferences { get; }

        public IReadOnlyList<NuGetPackage> HintPathPackages { get; }

        public IReadOnlyList<NuGetPackage> PackagesConfig { get; }

        public bool HasPackagesConfig { get; }

        /// <summary>
        /// Portable or shared-test: a host twin (.csproj) sits in the same folder, so the sources compile
        /// against host references. Device-only projects (nanoFramework APIs) have none.
        /// </summary>
        public bool IsPortable => System.IO.Directory.GetFiles(Directory, "*.csproj").Length > 0;

        public static List<NfProject> FindAll(string root) =>
            RepoPaths.FindFiles(root, "*.nfproj").Select(Load).ToList();

        public static NfProject Load(string path)
        {
            var full = Path.GetFullPath(path);
            var dir = Path.GetDirectoryName(full);
            var project = XDocument.Load(full);

            var compileItems = ItemIncludes(project, "Compile").Select(i => RepoPaths.FromMsBuild(dir, i)).ToList();
            var references = ItemIncludes(project, "ProjectReference").Select(i => RepoPaths.FromMsBuild(dir, i)).ToList();
            var hintPathPackages = Elements(project, "HintPath")
                .Select(e => NuGetPackage.FromHintPath(e.Value.Trim()))
                .Where(p => p != null)
                .Distinct()
                .ToList();
            var assemblyName = Elements(project, "AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault()
                ?? Path.GetFileNameWithoutExtension(full);

            var configPath = Path.Combine(dir, "packages.config");
            var hasConfig = File.Exists(configPath);
            var config = hasConfig ? ParsePackagesConfig(configPath) : new List<NuGetPackage>();

            return new NfProject(full, assemblyName, compileItems, references, hintPathPackages, config, hasConfig);
        }

        private static List<NuGetPackage> ParsePackagesConfig(string path) =>
            Elements(XDocument.Load(path), "package")
                .Select(e => new NuGetPackage((string)e.Attribute("id"), (string)e.Attribute("version")))
                .ToList();

        private static IEnumerable<string> ItemIncludes(XDocument project, string itemName) =>
            Elements(project, itemName)
                .Select(e => (string)e.Attribute("Include"))
                .Where(i => !string.IsNullOrWhiteSpace(i));

        // nfproj files use the MSBuild 2003 namespace; match on local names so either form parses.
        private static IEnumerable<XElement> Elements(XDocument doc, string localName) =>
            doc.Descendants().Where(e => e.Name.LocalName == localName);

        public override string ToString() => RelativePath;
    }
}
