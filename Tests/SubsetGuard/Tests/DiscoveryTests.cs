using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.SubsetGuard
{
    [TestClass]
    public class DiscoveryTests
    {
        [TestMethod]
        public void RepoRootHoldsTheSharedBuildProps()
        {
            Assert.IsTrue(File.Exists(Path.Combine(RepoPaths.Root, "Directory.Build.props")), RepoPaths.Root);
        }

        [TestMethod]
        public void PortableProjectsIncludeFirmwareCoreAndSharedTests()
        {
            var names = RepositoryScan.PortableProjects.Select(p => p.Name).ToList();

            Assert.IsTrue(names.Count > 0, "no portable .nfproj (with a .csproj beside it) found under " + RepoPaths.Root);
            CollectionAssert.Contains(names, "Firmware.Core");
            CollectionAssert.Contains(names, "NFUnitTest");
        }

        [TestMethod]
        public void DeviceOnlyProjectsAreNotAnalysed()
        {
            var analysed = RepositoryScan.PortableProjects.Select(p => p.FullPath).ToList();

            foreach (var project in RepositoryScan.AllProjects.Where(p => !p.IsPortable))
            {
                CollectionAssert.DoesNotContain(analysed, project.FullPath);
                Assert.AreEqual(0, Directory.GetFiles(project.Directory, "*.csproj").Length);
            }
        }

        [TestMethod]
        public void NfprojParsesCompileItemsReferencesAndHintPaths()
        {
            var dir = Directory.CreateTempSubdirectory("subsetguard").FullName;
            try
            {
                File.WriteAllText(Path.Combine(dir, "Sample.nfproj"),
@"<?xml version=""1.0"" encoding=""utf-8""?>
<Project ToolsVersion=""Current"" xmlns=""http://schemas.microsoft.com/developer/msbuild/2003"">
  <PropertyGroup><AssemblyName>Sample.Device</AssemblyName></PropertyGroup>
  <ItemGroup>
    <Compile Include=""Math\Q16.cs"" />
    <Compile Include=""Properties\AssemblyInfo.cs"" />
  </ItemGroup>
  <ItemGroup>
    <Reference Include=""mscorlib"">
      <HintPath>..\packages\nanoFramework.CoreLibrary.1.17.11\lib\mscorlib.dll</HintPath>
    </Reference>
    <Reference Include=""System.Device.I2c"">
      <HintPath>..\packages\nanoFramework.System.Device.I2c.1.1.29\lib\System.Device.I2c.dll</HintPath>
    </Reference>
  </ItemGroup>
  <ItemGroup><ProjectReference Include=""..\Core\Firmware.Core.nfproj"" /></ItemGroup>
</Project>");
                File.WriteAllText(Path.Combine(dir, "packages.config"),
@"<?xml version=""1.0"" encoding=""utf-8""?>
<packages>
  <package id=""nanoFramework.CoreLibrary"" version=""1.17.11"" targetFramework=""netnano1.0"" />
</packages>");

                var project = NfProject.Load(Path.Combine(dir, "Sample.nfproj"));

                Assert.AreEqual("Sample.Device", project.AssemblyName);
                Assert.AreEqual(Path.Combine(dir, "Math", "Q16.cs"), project.CompileItems[0]);
                Assert.AreEqual(2, project.CompileItems.Count);
                Assert.AreEqual(Path.GetFullPath(Path.Combine(dir, "..", "Core", "Firmware.Core.nfproj")), project.ProjectReferences[0]);
                CollectionAssert.AreEqual(
                    new[] { new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11"), new NuGetPackage("nanoFramework.System.Device.I2c", "1.1.29") },
                    project.HintPathPackages.ToArray());
                CollectionAssert.AreEqual(new[] { new NuGetPackage("nanoFramework.CoreLibrary", "1.17.11") }, project.PackagesConfig.ToArray());
                Assert.IsFalse(project.IsPortable);
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
