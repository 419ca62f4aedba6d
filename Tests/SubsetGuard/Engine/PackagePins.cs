using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// The pinned nanoFramework package versions (nanoframework-packages.txt): "id version" per line,
    /// '#' comments and blank lines allowed.
    /// </summary>
    internal static class PackagePins
    {
        public static List<NuGetPackage> Load(string path) => Parse(File.ReadAllText(path));

        public static List<NuGetPackage> Parse(string text)
        {
            var pins = new List<NuGetPackage>();
            var errors = new List<string>();
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }
                var fields = line.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length != 2)
                {
                    errors.Add($"line {i + 1}: expected 'package-id version', got '{line}'");
                }
                else if (pins.Any(p => p.SameId(fields[0])))
                {
                    errors.Add($"line {i + 1}: {fields[0]} is pinned twice");
                }
                else
                {
                    pins.Add(new NuGetPackage(fields[0], fields[1]));
                }
            }
            if (errors.Count > 0)
            {
                throw new FormatException(RepoPaths.PackagePinsRelativePath + ":\n" + string.Join("\n", errors));
            }
            return pins;
        }
    }
}
