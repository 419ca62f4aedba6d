using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>IMS test 2 summary: one row per snapshot, mean absolute acceleration (g) per bearing.</summary>
    public sealed class ImsRecording
    {
        public ImsRecording(DateTime[] timestamps, double[][] meanAbsGByBearing)
        {
            Timestamps = timestamps;
            MeanAbsGByBearing = meanAbsGByBearing;
        }

        public DateTime[] Timestamps { get; }

        /// <summary>[bearing 0..3][row], in g.</summary>
        public double[][] MeanAbsGByBearing { get; }

        public int RowCount => Timestamps.Length;
    }

    /// <summary>
    /// Reads <c>ims_test2_bearing_mean_abs.csv</c>. Its header is <c>,Bearing 1,Bearing 2,Bearing 3,Bearing 4</c>
    /// (the first column, the snapshot time, has no name); rows are <c>yyyy-MM-dd HH:mm:ss</c> then four
    /// finite non-negative numbers, times strictly increasing.
    /// </summary>
    public static class ImsReader
    {
        public const int BearingCount = 4;

        public static ImsRecording Read(string path)
        {
            using (StreamReader reader = new StreamReader(path))
            {
                return Read(reader, path);
            }
        }

        public static ImsRecording Read(TextReader reader, string pathForErrors)
        {
            string header = reader.ReadLine();
            string expected = ",Bearing 1,Bearing 2,Bearing 3,Bearing 4";
            if (header == null || header.Trim() != expected)
            {
                throw DataFormatException.AtLine(pathForErrors, 1, "expected header '" + expected + "', found '" + NabDataReader.Clip(header ?? "") + "'");
            }

            List<DateTime> timestamps = new List<DateTime>();
            List<double>[] columns = new List<double>[BearingCount];
            for (int b = 0; b < BearingCount; b++)
            {
                columns[b] = new List<double>();
            }

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
                if (fields.Length != BearingCount + 1)
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "expected " + (BearingCount + 1) + " fields, found " + fields.Length);
                }

                DateTime timestamp;
                if (!DateTime.TryParseExact(fields[0].Trim(), NabDataReader.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out timestamp))
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "timestamp '" + NabDataReader.Clip(fields[0]) + "' is not " + NabDataReader.TimestampFormat);
                }

                if (timestamps.Count > 0 && timestamp <= timestamps[timestamps.Count - 1])
                {
                    throw DataFormatException.AtLine(pathForErrors, lineNumber, "timestamp is not after the previous row's");
                }

                for (int b = 0; b < BearingCount; b++)
                {
                    double value;
                    if (!double.TryParse(fields[b + 1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value) || value < 0)
                    {
                        throw DataFormatException.AtLine(pathForErrors, lineNumber, "bearing " + (b + 1) + " value '" + NabDataReader.Clip(fields[b + 1]) + "' is not a finite non-negative number");
                    }

                    columns[b].Add(value);
                }

                timestamps.Add(timestamp);
            }

            if (timestamps.Count == 0)
            {
                throw DataFormatException.InFile(pathForErrors, "no data rows");
            }

            double[][] byBearing = new double[BearingCount][];
            for (int b = 0; b < BearingCount; b++)
            {
                byBearing[b] = columns[b].ToArray();
            }

            return new ImsRecording(timestamps.ToArray(), byBearing);
        }
    }
}
