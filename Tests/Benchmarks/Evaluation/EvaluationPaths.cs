using System;
using System.IO;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// Where the evaluation reads data and writes results. The data is never copied into the project:
    /// it is read from <c>../shared/data</c> seen from the repository root (the folder holding
    /// Firmware.sln), unless <c>--data DIR</c> or the environment variable
    /// <see cref="DataEnvironmentVariable"/> names another folder.
    /// </summary>
    public sealed class EvaluationPaths
    {
        /// <summary>Environment variable that overrides the data folder.</summary>
        public const string DataEnvironmentVariable = "SENSORNODE_DATA";

        private EvaluationPaths(string repoRoot, string dataRoot)
        {
            RepoRoot = repoRoot;
            DataRoot = dataRoot;
        }

        /// <summary>The folder holding Firmware.sln.</summary>
        public string RepoRoot { get; }

        /// <summary>The folder holding nab/, cwru/ and ims/.</summary>
        public string DataRoot { get; }

        public string NabRoot => Path.Combine(DataRoot, "nab");

        public string CwruRoot => Path.Combine(DataRoot, "cwru");

        public string ImsFile => Path.Combine(DataRoot, "ims", "ims_test2_bearing_mean_abs.csv");

        /// <summary>docs/evaluation.md, the committed results table.</summary>
        public string ReportFile => Path.Combine(RepoRoot, "docs", "evaluation.md");

        /// <summary>docs/evaluation/, the committed plots.</summary>
        public string PlotFolder => Path.Combine(RepoRoot, "docs", "evaluation");

        /// <summary>artifacts/nab-results, git-ignored NAB results files in NAB's own layout.</summary>
        public string NabResultsRoot => Path.Combine(RepoRoot, "artifacts", "nab-results");

        /// <summary>
        /// Resolves the paths from the command-line options (<c>--data DIR</c>, <c>--repo DIR</c>),
        /// the environment, and the current directory. Throws <see cref="DirectoryNotFoundException"/>
        /// with a clear message when a folder is missing.
        /// </summary>
        public static EvaluationPaths Resolve(string dataOption, string repoOption)
        {
            string repoRoot = repoOption ?? FindRepoRoot(Directory.GetCurrentDirectory())
                ?? FindRepoRoot(AppContext.BaseDirectory);
            if (repoRoot == null || !File.Exists(Path.Combine(repoRoot, "Firmware.sln")))
            {
                throw new DirectoryNotFoundException(
                    "cannot find the repository root (a folder holding Firmware.sln) above the current directory; pass --repo DIR");
            }

            string dataRoot = dataOption ?? Environment.GetEnvironmentVariable(DataEnvironmentVariable);
            if (string.IsNullOrEmpty(dataRoot))
            {
                dataRoot = Path.Combine(repoRoot, "..", "shared", "data");
            }

            dataRoot = Path.GetFullPath(dataRoot);
            if (!Directory.Exists(dataRoot))
            {
                throw new DirectoryNotFoundException(
                    "data folder not found: " + dataRoot + " (pass --data DIR or set " + DataEnvironmentVariable + ")");
            }

            return new EvaluationPaths(Path.GetFullPath(repoRoot), dataRoot);
        }

        private static string FindRepoRoot(string start)
        {
            for (DirectoryInfo dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
                {
                    return dir.FullName;
                }
            }

            return null;
        }
    }
}
