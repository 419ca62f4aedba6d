using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>A NAB scoring profile: the weights A_TP, A_FP and A_FN.</summary>
    public sealed class NabProfile
    {
        public NabProfile(string name, double truePositiveWeight, double falsePositiveWeight, double falseNegativeWeight)
        {
            Name = name;
            TruePositiveWeight = truePositiveWeight;
            FalsePositiveWeight = falsePositiveWeight;
            FalseNegativeWeight = falseNegativeWeight;
        }

        /// <summary>NAB's key: standard, reward_low_FP_rate or reward_low_FN_rate.</summary>
        public string Name { get; }

        public double TruePositiveWeight { get; }

        public double FalsePositiveWeight { get; }

        public double FalseNegativeWeight { get; }
    }

    /// <summary>
    /// Reads NAB's <c>config/profiles.json</c>:
    /// <c>{"name": {"CostMatrix": {"tpWeight": 1.0, "fpWeight": 0.11, "fnWeight": 1.0, ...}}, ...}</c>.
    /// </summary>
    public static class NabProfilesReader
    {
        public static List<NabProfile> Read(string path)
        {
            return Parse(File.ReadAllBytes(path), path);
        }

        public static List<NabProfile> Parse(byte[] utf8Json, string pathForErrors)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(utf8Json);
            }
            catch (JsonException e)
            {
                throw DataFormatException.AtLine(pathForErrors, (e.LineNumber ?? 0) + 1, "invalid JSON at column " + ((e.BytePositionInLine ?? 0) + 1));
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw DataFormatException.InFile(pathForErrors, "expected a JSON object of profiles");
                }

                List<NabProfile> profiles = new List<NabProfile>();
                foreach (JsonProperty profile in document.RootElement.EnumerateObject())
                {
                    JsonElement costMatrix;
                    if (profile.Value.ValueKind != JsonValueKind.Object || !profile.Value.TryGetProperty("CostMatrix", out costMatrix)
                        || costMatrix.ValueKind != JsonValueKind.Object)
                    {
                        throw DataFormatException.InFile(pathForErrors, "profile '" + profile.Name + "' has no CostMatrix object");
                    }

                    profiles.Add(new NabProfile(
                        profile.Name,
                        Weight(costMatrix, "tpWeight", profile.Name, pathForErrors),
                        Weight(costMatrix, "fpWeight", profile.Name, pathForErrors),
                        Weight(costMatrix, "fnWeight", profile.Name, pathForErrors)));
                }

                if (profiles.Count == 0)
                {
                    throw DataFormatException.InFile(pathForErrors, "no profiles");
                }

                return profiles;
            }
        }

        private static double Weight(JsonElement costMatrix, string key, string profileName, string pathForErrors)
        {
            JsonElement value;
            if (!costMatrix.TryGetProperty(key, out value) || value.ValueKind != JsonValueKind.Number || value.GetDouble() < 0)
            {
                throw DataFormatException.InFile(pathForErrors, "profile '" + profileName + "': CostMatrix." + key + " is missing or not a non-negative number");
            }

            return value.GetDouble();
        }
    }
}
