using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// How the guard compiles device sources: C# 9, nullable disabled, the host twin's preprocessor symbols
    /// (not NANOFRAMEWORK_1_0), against the host framework plus MSTest.
    /// </summary>
    internal static class HostCompilation
    {
        // What a net10.0 Debug build defines; the #else branches of "#if NANOFRAMEWORK_1_0" are the ones analysed.
        private static readonly string[] PreprocessorSymbols =
        {
            "DEBUG", "TRACE", "NET", "NET10_0", "NETCOREAPP",
            "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
            "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
            "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER",
            "NETCOREAPP2_1_OR_GREATER", "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER",
            "NETCOREAPP3_1_OR_GREATER",
        };

        public static readonly CSharpParseOptions ParseOptions =
            new CSharpParseOptions(LanguageVersion.CSharp9, DocumentationMode.Parse, SourceCodeKind.Regular, PreprocessorSymbols);

        private static readonly CSharpCompilationOptions Options =
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable);

        private static readonly Lazy<List<MetadataReference>> references = new Lazy<List<MetadataReference>>(LoadReferences);

        /// <summary>The host's trusted platform assemblies plus the MSTest framework, minus this guard itself.</summary>
        public static IReadOnlyList<MetadataReference> FrameworkReferences => references.Value;

        public static SyntaxTree Parse(string source, string path) =>
            CSharpSyntaxTree.ParseText(source, ParseOptions, path);

        public static CSharpCompilation Create(string assemblyName, IEnumerable<SyntaxTree> trees,
            IEnumerable<MetadataReference> projectReferences) =>
            CSharpCompilation.Create(assemblyName, trees, FrameworkReferences.Concat(projectReferences), Options);

        private static List<MetadataReference> LoadReferences()
        {
            var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var mstest = typeof(Microsoft.VisualStudio.TestTools.UnitTesting.Assert).Assembly.Location;
            var self = typeof(HostCompilation).Assembly.Location;
            return trusted.Append(mstest)
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .Where(p => !string.Equals(p, self, StringComparison.Ordinal))
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();
        }
    }
}
