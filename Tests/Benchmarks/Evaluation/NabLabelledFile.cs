using System;
using System.Collections.Generic;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// One NAB file's labels as row indices: its length, its probation period and its windows
    /// (first and last row, inclusive). This is all the scorer needs.
    /// </summary>
    public sealed class NabLabelledFile
    {
        public NabLabelledFile(string relativePath, int rowCount, int[] windowFirstRows, int[] windowLastRows)
        {
            if (windowFirstRows.Length != windowLastRows.Length)
            {
                throw new ArgumentException("window first and last rows differ in count");
            }

            for (int w = 0; w < windowFirstRows.Length; w++)
            {
                bool inRange = windowFirstRows[w] >= 0 && windowLastRows[w] >= windowFirstRows[w] && windowLastRows[w] < rowCount;
                bool ordered = w == 0 || windowFirstRows[w] > windowLastRows[w - 1];
                if (!inRange || !ordered)
                {
                    throw new ArgumentException("window " + w + " of " + relativePath + " is out of range or overlaps the previous one");
                }
            }

            RelativePath = relativePath;
            RowCount = rowCount;
            WindowFirstRows = windowFirstRows;
            WindowLastRows = windowLastRows;
            ProbationRows = NabScorer.ProbationRowCount(rowCount);
        }

        public string RelativePath { get; }

        public int RowCount { get; }

        /// <summary>Rows [0, ProbationRows) are not scored: min(floor(15 % of rows), 750).</summary>
        public int ProbationRows { get; }

        public int[] WindowFirstRows { get; }

        public int[] WindowLastRows { get; }

        public int WindowCount => WindowFirstRows.Length;

        /// <summary>
        /// Maps window timestamps to rows. As in NAB's sweeper, each window end must be the exact
        /// timestamp of a row, and a repeated timestamp means its first row; anything else is an error
        /// naming the labels file.
        /// </summary>
        public static NabLabelledFile FromSeries(NabSeries series, NabWindowLimits[] windows, string labelsPathForErrors)
        {
            Dictionary<DateTime, int> rowByTime = new Dictionary<DateTime, int>(series.RowCount);
            for (int i = 0; i < series.RowCount; i++)
            {
                rowByTime.TryAdd(series.Timestamps[i], i);
            }

            int[] first = new int[windows.Length];
            int[] last = new int[windows.Length];
            for (int w = 0; w < windows.Length; w++)
            {
                bool found = rowByTime.TryGetValue(windows[w].Start, out first[w]) & rowByTime.TryGetValue(windows[w].End, out last[w]);
                bool ordered = found && last[w] >= first[w] && (w == 0 || first[w] > last[w - 1]);
                if (!ordered)
                {
                    throw DataFormatException.InFile(
                        labelsPathForErrors,
                        "window " + (w + 1) + " of '" + series.RelativePath + "' (" + windows[w].Start.ToString(NabDataReader.TimestampFormat)
                        + " .. " + windows[w].End.ToString(NabDataReader.TimestampFormat) + ") does not start and end on rows of the data file, in order");
                }
            }

            return new NabLabelledFile(series.RelativePath, series.RowCount, first, last);
        }

        /// <summary>1 for rows inside a window, 0 elsewhere (the label column of NAB results files).</summary>
        public int[] RowLabels()
        {
            int[] labels = new int[RowCount];
            for (int w = 0; w < WindowCount; w++)
            {
                for (int i = WindowFirstRows[w]; i <= WindowLastRows[w]; i++)
                {
                    labels[i] = 1;
                }
            }

            return labels;
        }
    }
}
