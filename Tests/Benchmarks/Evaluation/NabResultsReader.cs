using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// Reads a detector's NAB results folder (<c>&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;file&gt;.csv</c>, a header
    /// with at least <c>timestamp</c> and <c>anomaly_score</c>), so that published results of other
    /// detectors, or this harness's own files, can be put through <see cref="NabScorer"/>.
    /// </summary>
    public static class NabResultsReader
    {
        /// <summary>The anomaly scores of <paramref name="series"/>'s results file under <paramref name="detectorFolder"/>.</summary>
        public static double[] ReadScores(string detectorFolder, string detectorName, NabSeries series)
        {
            string category = series.RelativePath.Substring(0, series.RelativePath.IndexOf('/'));
            string fileName = series.RelativePath.Substring(category.Length + 1);
            string path = Path.Combine(detectorFolder, category, detectorName + "_" + fileName);
            if (!File.Exists(path))
            {
                throw DataFormatException.InFile(path, "results file missing for data file '" + series.RelativePath + "'");
            }

            using (StreamReader reader = new StreamReader(path))
            {
                return ReadScores(reader, path, series.RowCount);
            }
        }

        public static double[] ReadScores(TextReader reader, string pathForErrors, int expectedRows)
        {
            string header = reader.ReadLine();
            if (header == null)
            {
                throw DataFormatException.AtLine(pathForErrors, 1, "empty file, expected a header with timestamp and anomaly_score");
            }

            string[] columns = header.Trim().Split(',');
            int scoreColumn = Array.IndexOf(columns, "anomaly_score");
            if (Array.IndexOf(columns, "timestamp") != 0 || scoreColumn < 0)
            {
                throw DataFormatException.AtLine(pathForErrors, 1, "header must start with 'timestamp' and have an 'anomaly_score' column");
            }

            List<double> scores = new List<double>(expectedRows);
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
                double score;
                if (fields.Length != columns.Length)
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "expected " + columns.Length + " fields, found " + fields.Length);
                }

                if (!double.TryParse(fields[scoreColumn].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out score) || !double.IsFinite(score))
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "anomaly_score '" + NabDataReader.Clip(fields[scoreColumn]) + "' is not a finite number");
                }

                scores.Add(score);
            }

            if (scores.Count != expectedRows)
            {
                throw DataFormatException.InFile(pathForErrors, scores.Count + " result rows, the data file has " + expectedRows);
            }

            return scores.ToArray();
        }
    }
}
