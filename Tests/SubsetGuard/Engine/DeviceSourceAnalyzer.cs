using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// Compiles each device assembly's sources the way the host twin does (its nfproj references as compilation
    /// references) and runs <see cref="SubsetRules"/> over the assembly's own files.
    /// </summary>
    internal sealed class DeviceSourceAnalyzer
    {
        private readonly AllowList allowList;
        private readonly Dictionary<string, CSharpCompilation> compilationByProject = new Dictionary<string, CSharpCompilation>();
        private readonly Dictionary<string, HashSet<string>> sourceAssembliesByProject = new Dictionary<string, HashSet<string>>();

        public DeviceSourceAnalyzer(AllowList allowList)
        {
            this.allowList = allowList;
        }

        public GuardResult AnalyzeProjects(IEnumerable<NfProject> projects)
        {
            var findings = new Findings();
            foreach (var project in projects)
            {
                var compilation = CompilationOf(project, findings.Violations);
                var packages = new DevicePackages(project.PackagesConfig.Select(p => p.Id),
                    RepoPaths.Relative(System.IO.Path.Combine(project.Directory, "packages.config")));
                Analyze(compilation, sourceAssembliesByProject[project.FullPath], packages, findings,
                    $"the sources of {project.RelativePath} and its nfproj references");
            }
            return new GuardResult(findings);
        }

        /// <summary>Analyses one in-memory file as an assembly of its own (the rule tests use this).</summary>
        /// <param name="packageIds">The packages the file's project references; null for no restriction.</param>
        public GuardResult AnalyzeSource(string source, string path = "Snippet.cs", IEnumerable<string> packageIds = null)
        {
            var compilation = HostCompilation.Create("Snippet", new[] { HostCompilation.Parse(source, path) },
                Enumerable.Empty<MetadataReference>());
            var findings = new Findings();
            Analyze(compilation, new HashSet<string> { compilation.AssemblyName },
                new DevicePackages(packageIds, "the snippet's packages"), findings, path);
            return new GuardResult(findings);
        }

        private void Analyze(CSharpCompilation compilation, ISet<string> sourceAssemblies, DevicePackages packages,
            Findings findings, string compiled)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var error in model.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    var span = error.Location.GetLineSpan();
                    findings.Violations.Add(new Violation(span.Path, span.StartLinePosition.Line + 1, RuleIds.Compile,
                        $"{error.Id} {error.GetMessage()} (compiling {compiled} against the host framework)"));
                }
                SubsetRules.Check(model, allowList, sourceAssemblies, packages, findings);
            }
        }

        private CSharpCompilation CompilationOf(NfProject project, List<Violation> violations)
        {
            if (compilationByProject.TryGetValue(project.FullPath, out var cached))
            {
                return cached;
            }
            var references = new List<MetadataReference>();
            var sourceAssemblies = new HashSet<string> { project.AssemblyName };
            foreach (var referencePath in project.ProjectReferences)
            {
                if (!referencePath.EndsWith(".nfproj", System.StringComparison.OrdinalIgnoreCase) || !File.Exists(referencePath))
                {
                    violations.Add(new Violation(project.RelativePath, 1, RuleIds.Compile,
                        $"ProjectReference {RepoPaths.Relative(referencePath)} is not an existing device project (.nfproj)"));
                    continue;
                }
                var referenced = NfProject.Load(referencePath);
                references.Add(CompilationOf(referenced, violations).ToMetadataReference());
                sourceAssemblies.UnionWith(sourceAssembliesByProject[referenced.FullPath]);
            }

            var trees = new List<SyntaxTree>();
            foreach (var file in project.CompileItems)
            {
                if (File.Exists(file))
                {
                    trees.Add(HostCompilation.Parse(File.ReadAllText(file), RepoPaths.Relative(file)));
                }
                else
                {
                    violations.Add(new Violation(project.RelativePath, 1, RuleIds.Compile,
                        $"Compile item {RepoPaths.Relative(file)} does not exist"));
                }
            }

            var compilation = HostCompilation.Create(project.AssemblyName, trees, references);
            compilationByProject.Add(project.FullPath, compilation);
            sourceAssembliesByProject.Add(project.FullPath, sourceAssemblies);
            return compilation;
        }
    }
}
