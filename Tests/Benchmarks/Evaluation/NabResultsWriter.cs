using System.Globalization;
using System.IO;
using System.Text;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// Writes one detector's results in NAB's own layout, so NAB's scorer can check them:
    /// <c>&lt;root&gt;/&lt;detector&gt;/&lt;category&gt;/&lt;detector&gt;_&lt;file&gt;.csv</c> with columns
    /// <c>timestamp,value,anomaly_score,label</c>.
    /// </summary>
    public static class NabResultsWriter
    {
        public static string Write(string resultsRoot, string detectorName, NabSeries series, double[] anomalyScores, int[] labels)
        {
            string category = series.RelativePath.Substring(0, series.RelativePath.IndexOf('/'));
            string fileName = series.RelativePath.Substring(category.Length + 1);
            string folder = Path.Combine(resultsRoot, detectorName, category);
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, detectorName + "_" + fileName);

            StringBuilder text = new StringBuilder(series.RowCount * 48);
            text.Append("timestamp,value,anomaly_score,label\n");
            for (int i = 0; i < series.RowCount; i++)
            {
                text.Append(series.Timestamps[i].ToString(NabDataReader.TimestampFormat, CultureInfo.InvariantCulture)).Append(',')
                    .Append(series.ValueTexts[i]).Append(',')
                    .Append(anomalyScores[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(labels[i]).Append('\n');
            }

            File.WriteAllText(path, text.ToString());
            return path;
        }
    }
}
