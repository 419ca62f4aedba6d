using System;
using System.Collections.Generic;
using System.IO;

namespace SensorNode.SubsetGuard
{
    /// <summary>Locates the repository and walks its source folders.</summary>
    internal static class RepoPaths
    {
        public const string AllowListRelativePath = "Tests/SubsetGuard/nanoframework-allowlist.txt";
        public const string PackagePinsRelativePath = "Tests/SubsetGuard/nanoframework-packages.txt";

        // Build output, restored packages and tool folders hold no project sources.
        private static readonly HashSet<string> SkippedFolders =
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "packages", "TestResults" };

        private static readonly Lazy<string> root = new Lazy<string>(() => FindRoot(AppContext.BaseDirectory));

        /// <summary>The folder holding Firmware.sln or Directory.Build.props, above the test assembly.</summary>
        public static string Root => root.Value;

        public static string AllowListPath => Full(AllowListRelativePath);

        public static string PackagePinsPath => Full(PackagePinsRelativePath);

        public static string FindRoot(string start)
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln")) ||
                    File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException(
                "No folder holding Firmware.sln or Directory.Build.props above " + start);
        }

        public static string Full(string repoRelativePath) =>
            Path.GetFullPath(Path.Combine(Root, repoRelativePath.Replace('/', Path.DirectorySeparatorChar)));

        /// <summary>Repository-relative path with forward slashes, as violations print it.</summary>
        public static string Relative(string fullPath) =>
            Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

        /// <summary>Resolves an MSBuild item path (backslashes, relative to the project folder).</summary>
        public static string FromMsBuild(string projectDirectory, string include) =>
            Path.GetFullPath(Path.Combine(projectDirectory, include.Replace('\\', Path.DirectorySeparatorChar)));

        /// <summary>Files matching <paramref name="pattern"/> under <paramref name="directory"/>, skipping bin/obj/packages and dot folders.</summary>
        public static List<string> FindFiles(string directory, string pattern)
        {
            var found = new List<string>();
            Collect(new DirectoryInfo(directory), pattern, found);
            found.Sort(StringComparer.Ordinal);
            return found;
        }

        private static void Collect(DirectoryInfo dir, string pattern, List<string> found)
        {
            foreach (var file in dir.GetFiles(pattern))
            {
                found.Add(file.FullName);
            }
            foreach (var sub in dir.GetDirectories())
            {
                if (!SkippedFolders.Contains(sub.Name) && !sub.Name.StartsWith(".", StringComparison.Ordinal))
                {
                    Collect(sub, pattern, found);
                }
            }
        }
    }
}
