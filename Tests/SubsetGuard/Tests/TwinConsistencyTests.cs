using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// The host twin (.csproj) globs every .cs under its folder; the nfproj lists files one by one. If the two
    /// sets differ, the host build tests code the device never compiles, or the device compiles code the host
    /// never tests.
    /// </summary>
    [TestClass]
    public class TwinConsistencyTests
    {
        [TestMethod]
        public void EveryPortableNfprojCompilesExactlyTheCsFilesUnderItsFolder()
        {
            var problems = new List<string>();
            foreach (var project in RepositoryScan.PortableProjects)
            {
                var onDisk = new HashSet<string>(RepoPaths.FindFiles(project.Directory, "*.cs"), StringComparer.Ordinal);
                var listed = new HashSet<string>(project.CompileItems, StringComparer.Ordinal);
                foreach (var missing in onDisk.Where(f => !listed.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var include = System.IO.Path.GetRelativePath(project.Directory, missing).Replace('/', '\\');
                    problems.Add($"{project.RelativePath}: {RepoPaths.Relative(missing)} is compiled by the host twin but not by the device; add <Compile Include=\"{include}\" />");
                }
                foreach (var extra in listed.Where(f => !onDisk.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    problems.Add($"{project.RelativePath}: <Compile Include> {RepoPaths.Relative(extra)} is not a .cs file under the project folder (missing, or outside what the host twin compiles)");
                }
            }
            Assert.AreEqual(0, problems.Count, "nfproj Compile items differ from the host twin's sources:\n" + string.Join("\n", problems));
        }

        [TestMethod]
        public void PackageVersionsAgreeAcrossHintPathsPackagesConfigAndThePinnedTable()
        {
            var pins = PackagePins.Load(RepoPaths.PackagePinsPath);
            var problems = new List<string>();
            foreach (var project in RepositoryScan.AllProjects)
            {
                problems.AddRange(PackageProblems(project, pins));
            }
            Assert.AreEqual(0, problems.Count, "nanoFramework package versions disagree:\n" + string.Join("\n", problems));
        }

        [TestMethod]
        public void PinnedTableParsesAndHoldsTheCoreLibrary()
        {
            var pins = PackagePins.Parse("# comment\n\nnanoFramework.CoreLibrary 1.17.11\r\nnanoFramework.TestFramework   3.0.77\n");

            CollectionAssert.AreEqual(
                new[] { new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11"), new NuGetPackage("nanoFramework.TestFramework", "3.0.77") },
                pins.ToArray());
            Assert.IsTrue(PackagePins.Load(RepoPaths.PackagePinsPath).Contains(new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11")));
        }

        [TestMethod]
        public void PinnedTableRejectsMalformedAndDuplicateLines()
        {
            var error = Expect.FormatError(() => PackagePins.Parse("nanoFramework.CoreLibrary\nA 1.0\na 2.0\n"));

            StringAssert.Contains(error, "line 1: expected 'package-id version'");
            StringAssert.Contains(error, "line 3: a is pinned twice");
        }

        [TestMethod]
        public void HintPathVersionIsReadFromThePackageFolder()
        {
            Assert.AreEqual(new NuGetPackage("nanoFramework.System.Device.I2c", "1.1.29"),
                NuGetPackage.FromHintPath(@"..\..\packages\nanoFramework.System.Device.I2c.1.1.29\lib\System.Device.I2c.dll"));
            Assert.AreEqual(new NuGetPackage("nanoFramework.TestFramework", "3.0.77"),
                NuGetPackage.FromHintPath(@"..\packages\nanoFramework.TestFramework.3.0.77\lib\nanoFramework.UnitTestLauncher.exe"));
            Assert.IsNull(NuGetPackage.FromHintPath(@"..\lib\Local.dll"));
        }

        private static IEnumerable<string> PackageProblems(NfProject project, List<NuGetPackage> pins)
        {
            var where = project.RelativePath;
            if (!project.HasPackagesConfig)
            {
                yield return $"{where}: no packages.config beside it";
                yield break;
            }
            foreach (var hint in project.HintPathPackages)
            {
                var config = project.PackagesConfig.FirstOrDefault(p => p.SameId(hint.Id));
                if (config == null)
                {
                    yield return $"{where}: a HintPath uses {hint} but packages.config does not list {hint.Id}";
                }
                else if (config.Version != hint.Version)
                {
                    yield return $"{where}: a HintPath uses {hint} but packages.config has {config}";
                }
            }
            foreach (var config in project.PackagesConfig)
            {
                var pin = pins.FirstOrDefault(p => p.SameId(config.Id));
                if (pin == null)
                {
                    yield return $"{where}: packages.config lists {config}, which {RepoPaths.PackagePinsRelativePath} does not pin (check its nanoFramework 1.x version, then pin it there)";
                }
                else if (pin.Version != config.Version)
                {
                    yield return $"{where}: packages.config has {config} but {RepoPaths.PackagePinsRelativePath} pins {pin}";
                }
            }
        }
    }
}
