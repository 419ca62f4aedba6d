using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>One labelled anomaly window, both ends inclusive, as timestamps.</summary>
    public sealed class NabWindowLimits
    {
        public NabWindowLimits(DateTime start, DateTime end)
        {
            Start = start;
            End = end;
        }

        public DateTime Start { get; }

        public DateTime End { get; }
    }

    /// <summary>
    /// Reads NAB's <c>labels/combined_windows.json</c>:
    /// <c>{"category/file.csv": [["start", "end"], ...], ...}</c>, timestamps
    /// <c>yyyy-MM-dd HH:mm:ss.ffffff</c> (the fraction is optional). Windows of a file must be in
    /// time order and must not overlap.
    /// </summary>
    public static class NabLabelsReader
    {
        private static readonly string[] TimestampFormats = { "yyyy-MM-dd HH:mm:ss.ffffff", "yyyy-MM-dd HH:mm:ss" };

        public static Dictionary<string, NabWindowLimits[]> Read(string path)
        {
            return Parse(File.ReadAllBytes(path), path);
        }

        /// <summary>Parses UTF-8 JSON; <paramref name="pathForErrors"/> only names the source in errors.</summary>
        public static Dictionary<string, NabWindowLimits[]> Parse(byte[] utf8Json, string pathForErrors)
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
                    throw DataFormatException.AtLine(pathForErrors, 1, "expected a JSON object mapping data files to windows");
                }

                Dictionary<string, NabWindowLimits[]> windowsByFile = new Dictionary<string, NabWindowLimits[]>(StringComparer.Ordinal);
                foreach (JsonProperty file in document.RootElement.EnumerateObject())
                {
                    windowsByFile[file.Name] = ParseWindows(file, utf8Json, pathForErrors);
                }

                return windowsByFile;
            }
        }

        private static NabWindowLimits[] ParseWindows(JsonProperty file, byte[] utf8Json, string pathForErrors)
        {
            if (file.Value.ValueKind != JsonValueKind.Array)
            {
                throw Error(pathForErrors, utf8Json, file.Name, "windows of '" + file.Name + "' are not an array");
            }

            List<NabWindowLimits> windows = new List<NabWindowLimits>();
            foreach (JsonElement pair in file.Value.EnumerateArray())
            {
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                    || pair[0].ValueKind != JsonValueKind.String || pair[1].ValueKind != JsonValueKind.String)
                {
                    throw Error(pathForErrors, utf8Json, file.Name, "a window of '" + file.Name + "' is not a pair of timestamp strings");
                }

                DateTime start = ParseTimestamp(pair[0].GetString(), file.Name, utf8Json, pathForErrors);
                DateTime end = ParseTimestamp(pair[1].GetString(), file.Name, utf8Json, pathForErrors);
                if (end < start)
                {
                    throw Error(pathForErrors, utf8Json, file.Name, "a window of '" + file.Name + "' ends before it starts");
                }

                if (windows.Count > 0 && start <= windows[windows.Count - 1].End)
                {
                    throw Error(pathForErrors, utf8Json, file.Name, "windows of '" + file.Name + "' overlap or are out of order");
                }

                windows.Add(new NabWindowLimits(start, end));
            }

            return windows.ToArray();
        }

        private static DateTime ParseTimestamp(string text, string fileName, byte[] utf8Json, string pathForErrors)
        {
            DateTime timestamp;
            if (!DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp))
            {
                throw Error(pathForErrors, utf8Json, fileName, "window timestamp '" + NabDataReader.Clip(text) + "' of '" + fileName + "' is not yyyy-MM-dd HH:mm:ss[.ffffff]");
            }

            return timestamp;
        }

        /// <summary>Locates the key's line in the source text, so a semantic error still names a line.</summary>
        private static DataFormatException Error(string pathForErrors, byte[] utf8Json, string key, string problem)
        {
            string text = Encoding.UTF8.GetString(utf8Json);
            int index = text.IndexOf("\"" + key + "\"", StringComparison.Ordinal);
            long line = 1;
            for (int i = 0; i < index; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                }
            }

            return DataFormatException.AtLine(pathForErrors, line, problem);
        }
    }
}
