using System;
using System.IO;

namespace SensorNode.Benchmarks.Tests
{
    /// <summary>Where the shared data lives for the few tests that look at it (they are inconclusive without it).</summary>
    internal static class TestPaths
    {
        public static string DataRoot
        {
            get
            {
                string fromEnvironment = Environment.GetEnvironmentVariable("SENSORNODE_DATA");
                if (!string.IsNullOrEmpty(fromEnvironment))
                {
                    return fromEnvironment;
                }

                for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
                    {
                        return Path.Combine(dir.FullName, "..", "shared", "data");
                    }
                }

                return "shared-data-not-found";
            }
        }
    }
}
