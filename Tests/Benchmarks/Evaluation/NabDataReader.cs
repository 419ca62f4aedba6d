using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// One NAB data file: rows of (timestamp, value). Rows are kept in file order; NAB's own files are
    /// not strictly time-ordered (daylight-saving repeats, one step back in machine_temperature), and
    /// NAB scores by row index, so neither is this reader strict about it.
    /// </summary>
    public sealed class NabSeries
    {
        public NabSeries(string relativePath, DateTime[] timestamps, double[] values, string[] valueTexts)
        {
            RelativePath = relativePath;
            Timestamps = timestamps;
            Values = values;
            ValueTexts = valueTexts;
        }

        /// <summary>"category/file.csv", the key NAB's labels use.</summary>
        public string RelativePath { get; }

        public DateTime[] Timestamps { get; }

        public double[] Values { get; }

        /// <summary>The values exactly as written in the file, for the results files.</summary>
        public string[] ValueTexts { get; }

        public int RowCount => Values.Length;
    }

    /// <summary>
    /// Reads <c>data/&lt;category&gt;/&lt;file&gt;.csv</c> of NAB: header <c>timestamp,value</c>, then one row per line,
    /// timestamp <c>yyyy-MM-dd HH:mm:ss</c>, value a finite decimal number. Any other shape is a
    /// <see cref="DataFormatException"/> naming the file and line.
    /// </summary>
    public static class NabDataReader
    {
        public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

        /// <summary>Every data file under <paramref name="nabRoot"/>/data, sorted by relative path.</summary>
        public static List<NabSeries> ReadCorpus(string nabRoot)
        {
            string dataRoot = Path.Combine(nabRoot, "data");
            if (!Directory.Exists(dataRoot))
            {
                throw new DirectoryNotFoundException("NAB data folder not found: " + dataRoot);
            }

            List<string> relativePaths = new List<string>();
            foreach (string categoryDir in Directory.GetDirectories(dataRoot))
            {
                foreach (string file in Directory.GetFiles(categoryDir, "*.csv"))
                {
                    relativePaths.Add(Path.GetFileName(categoryDir) + "/" + Path.GetFileName(file));
                }
            }

            relativePaths.Sort(StringComparer.Ordinal);
            List<NabSeries> corpus = new List<NabSeries>(relativePaths.Count);
            foreach (string relativePath in relativePaths)
            {
                corpus.Add(Read(Path.Combine(dataRoot, relativePath), relativePath));
            }

            return corpus;
        }

        public static NabSeries Read(string path, string relativePath)
        {
            using (StreamReader reader = new StreamReader(path))
            {
                return Read(reader, path, relativePath);
            }
        }

        /// <summary>Parses from a reader; <paramref name="pathForErrors"/> only names the source in errors.</summary>
        public static NabSeries Read(TextReader reader, string pathForErrors, string relativePath)
        {
            string header = reader.ReadLine();
            if (header == null)
            {
                throw DataFormatException.AtLine(pathForErrors, 1, "empty file, expected header 'timestamp,value'");
            }

            if (header.Trim() != "timestamp,value")
            {
                throw DataFormatException.AtLine(pathForErrors, 1, "expected header 'timestamp,value', found '" + Clip(header) + "'");
            }

            List<DateTime> timestamps = new List<DateTime>();
            List<double> values = new List<double>();
            List<string> valueTexts = new List<string>();
            long lineNumber = 1;
            string line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                string[] fields = line.Split(',');
                if (fields.Length != 2)
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "expected 2 fields 'timestamp,value', found " + fields.Length);
                }

                DateTime timestamp;
                if (!DateTime.TryParseExact(fields[0].Trim(), TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp))
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "timestamp '" + Clip(fields[0]) + "' is not " + TimestampFormat);
                }

                string valueText = fields[1].Trim();
                double value;
                if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "value '" + Clip(valueText) + "' is not a finite number");
                }

                timestamps.Add(timestamp);
                values.Add(value);
                valueTexts.Add(valueText);
            }

            if (values.Count == 0)
            {
                throw DataFormatException.InFile(pathForErrors, "no data rows");
            }

            return new NabSeries(relativePath, timestamps.ToArray(), values.ToArray(), valueTexts.ToArray());
        }

        internal static string Clip(string text)
        {
            return text.Length <= 40 ? text : text.Substring(0, 40) + "...";
        }
    }
}
