using System;
using System.Collections.Generic;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>The corpus-wide best threshold for one profile and the raw score it earns.</summary>
    public sealed class NabThresholdResult
    {
        public NabThresholdResult(double threshold, double score)
        {
            Threshold = threshold;
            Score = score;
        }

        /// <summary>Rows with anomaly score &gt;= Threshold are detections; +infinity means none are.</summary>
        public double Threshold { get; }

        /// <summary>Raw (un-normalised) total over the corpus.</summary>
        public double Score { get; }
    }

    /// <summary>One file's outcome at a fixed threshold.</summary>
    public sealed class NabFileScore
    {
        public NabFileScore(double score, int windowsDetected, int windowsMissed, int falsePositiveRows)
        {
            Score = score;
            WindowsDetected = windowsDetected;
            WindowsMissed = windowsMissed;
            FalsePositiveRows = falsePositiveRows;
        }

        public double Score { get; }

        public int WindowsDetected { get; }

        public int WindowsMissed { get; }

        /// <summary>Detections outside every window, after probation.</summary>
        public int FalsePositiveRows { get; }
    }

    /// <summary>
    /// NAB v1.1 scoring, written from the published rules and numenta/NAB's nab/sweeper.py and
    /// nab/optimizer.py (read, not copied):
    /// <list type="bullet">
    /// <item>A detection is a row whose anomaly score is &gt;= the threshold.</item>
    /// <item>The first min(floor(0.15 n), 750) rows are probation: neither detections nor misses there count.
    /// A window counts (as a miss or a hit) when at least one of its rows is past probation.</item>
    /// <item>A detection at row i inside a window [left, right] of width w = right - left + 1 earns
    /// A_TP * sigma(-(right - i + 1) / w) / sigma(-1): exactly A_TP at the first row. Only the best
    /// (earliest) detection of a window counts.</item>
    /// <item>A detection outside every window earns A_FP * sigma((i - prevRight) / (prevWidth - 1)) after a
    /// window, and -A_FP before the first window.</item>
    /// <item>A window with no detection earns -A_FN.</item>
    /// <item>sigma(y) = 2 / (1 + exp(5 y)) - 1, and -1 for y &gt;= 3.</item>
    /// <item>The threshold is swept over every distinct score of the whole corpus (plus "no detection")
    /// and the one with the highest total is kept, separately per profile.</item>
    /// <item>Normalised = 100 (S - S_null) / (S_perfect - S_null), where the null detector gives every row
    /// 0.5 and the perfect detector gives 1 at each window's first row and 0 elsewhere; both go through
    /// the same sweep.</item>
    /// </list>
    /// </summary>
    public static class NabScorer
    {
        /// <summary>Row weight class of a row outside every window (a false positive if detected).</summary>
        public const int OutsideWindow = -1;

        /// <summary>Row weight class of a probation row: never scored.</summary>
        public const int Probation = -2;

        public const double ProbationFraction = 0.15;

        public const int ProbationMaxRows = 750;

        /// <summary>min(floor(0.15 n), 750).</summary>
        public static int ProbationRowCount(int rowCount)
        {
            return (int)Math.Min(Math.Floor(ProbationFraction * rowCount), ProbationMaxRows);
        }

        /// <summary>sigma(y) = 2 / (1 + exp(5 y)) - 1, and exactly -1 for y &gt;= 3.</summary>
        public static double ScaledSigmoid(double relativePosition)
        {
            if (relativePosition >= 3.0)
            {
                return -1.0;
            }

            return (2.0 / (1.0 + Math.Exp(5.0 * relativePosition))) - 1.0;
        }

        /// <summary>
        /// What a detection at each row would earn under <paramref name="profile"/>, and which window it
        /// belongs to (<see cref="OutsideWindow"/>, <see cref="Probation"/>, or the window index).
        /// </summary>
        public static void RowWeights(NabLabelledFile file, NabProfile profile, double[] weights, int[] windowOfRow)
        {
            double maxTruePositive = ScaledSigmoid(-1.0);
            int nextWindow = 0;
            int currentWindow = -1;
            int previousLast = -1;
            int previousWidth = 0;
            for (int i = 0; i < file.RowCount; i++)
            {
                if (currentWindow < 0 && nextWindow < file.WindowCount && i == file.WindowFirstRows[nextWindow])
                {
                    currentWindow = nextWindow;
                    nextWindow++;
                }

                double weight;
                int owner;
                if (currentWindow >= 0)
                {
                    int last = file.WindowLastRows[currentWindow];
                    int width = last - file.WindowFirstRows[currentWindow] + 1;
                    weight = ScaledSigmoid(-(last - i + 1) / (double)width) * profile.TruePositiveWeight / maxTruePositive;
                    owner = currentWindow;
                    if (i == last)
                    {
                        previousLast = last;
                        previousWidth = width;
                        currentWindow = -1;
                    }
                }
                else
                {
                    // A one-row window has no spread to measure distance by: treat what follows it as far away.
                    double position = previousLast < 0 ? 3.0
                        : previousWidth <= 1 ? 3.0
                        : (i - previousLast) / (double)(previousWidth - 1);
                    weight = ScaledSigmoid(position) * profile.FalsePositiveWeight;
                    owner = OutsideWindow;
                }

                weights[i] = weight;
                windowOfRow[i] = i < file.ProbationRows ? Probation : owner;
            }
        }

        /// <summary>One file's score and counts with detections = scores &gt;= threshold.</summary>
        public static NabFileScore ScoreFile(NabLabelledFile file, double[] anomalyScores, NabProfile profile, double threshold)
        {
            CheckLength(file, anomalyScores);
            double[] weights = new double[file.RowCount];
            int[] windowOfRow = new int[file.RowCount];
            RowWeights(file, profile, weights, windowOfRow);

            bool[] counted = new bool[file.WindowCount];
            double[] best = new double[file.WindowCount];
            double falsePositiveSum = 0;
            int falsePositiveRows = 0;
            for (int i = 0; i < file.RowCount; i++)
            {
                int owner = windowOfRow[i];
                if (owner == Probation)
                {
                    continue;
                }

                bool detected = anomalyScores[i] >= threshold;
                if (owner == OutsideWindow)
                {
                    if (detected)
                    {
                        falsePositiveSum += weights[i];
                        falsePositiveRows++;
                    }

                    continue;
                }

                if (!counted[owner])
                {
                    counted[owner] = true;
                    best[owner] = -profile.FalseNegativeWeight;
                }

                if (detected && weights[i] > best[owner])
                {
                    best[owner] = weights[i];
                }
            }

            double total = falsePositiveSum;
            int detectedWindows = 0;
            int missedWindows = 0;
            for (int w = 0; w < file.WindowCount; w++)
            {
                if (!counted[w])
                {
                    continue;
                }

                total += best[w];
                if (best[w] > -profile.FalseNegativeWeight)
                {
                    detectedWindows++;
                }
                else
                {
                    missedWindows++;
                }
            }

            return new NabFileScore(total, detectedWindows, missedWindows, falsePositiveRows);
        }

        /// <summary>
        /// The corpus-wide sweep: every distinct anomaly score is tried as the threshold (and +infinity,
        /// no detection at all), and the threshold with the highest total score is returned. On a tie the
        /// higher threshold wins, as in NAB.
        /// </summary>
        public static NabThresholdResult OptimizeThreshold(IList<NabLabelledFile> files, IList<double[]> anomalyScores, NabProfile profile)
        {
            if (files.Count != anomalyScores.Count)
            {
                throw new ArgumentException("one score array per file is needed");
            }

            int total = 0;
            for (int f = 0; f < files.Count; f++)
            {
                CheckLength(files[f], anomalyScores[f]);
                total += files[f].RowCount;
            }

            // Flatten the scorable rows of the whole corpus; windows get corpus-wide ids.
            double[] rowScore = new double[total];
            double[] rowWeight = new double[total];
            int[] rowWindow = new int[total];
            List<bool> windowCounted = new List<bool>();
            int rows = 0;
            int windowBase = 0;
            for (int f = 0; f < files.Count; f++)
            {
                NabLabelledFile file = files[f];
                double[] weights = new double[file.RowCount];
                int[] windowOfRow = new int[file.RowCount];
                RowWeights(file, profile, weights, windowOfRow);
                for (int w = 0; w < file.WindowCount; w++)
                {
                    windowCounted.Add(false);
                }

                double[] scores = anomalyScores[f];
                for (int i = 0; i < file.RowCount; i++)
                {
                    if (windowOfRow[i] == Probation)
                    {
                        continue;
                    }

                    rowScore[rows] = scores[i];
                    rowWeight[rows] = weights[i];
                    rowWindow[rows] = windowOfRow[i] == OutsideWindow ? OutsideWindow : windowBase + windowOfRow[i];
                    if (windowOfRow[i] >= 0)
                    {
                        windowCounted[windowBase + windowOfRow[i]] = true;
                    }

                    rows++;
                }

                windowBase += file.WindowCount;
            }

            double[] bestInWindow = new double[windowCounted.Count];
            double score = 0;
            for (int w = 0; w < bestInWindow.Length; w++)
            {
                if (windowCounted[w])
                {
                    bestInWindow[w] = -profile.FalseNegativeWeight;
                    score += bestInWindow[w];
                }
            }

            int[] order = new int[rows];
            double[] sortKey = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                order[r] = r;
                sortKey[r] = -rowScore[r];
            }

            Array.Sort(sortKey, order);

            double bestThreshold = double.PositiveInfinity;
            double bestScore = score;
            int k = 0;
            while (k < rows)
            {
                // Lower the threshold to the next distinct score: every row at that score becomes a detection.
                double threshold = rowScore[order[k]];
                while (k < rows && rowScore[order[k]] == threshold)
                {
                    int r = order[k];
                    int window = rowWindow[r];
                    if (window == OutsideWindow)
                    {
                        score += rowWeight[r];
                    }
                    else if (rowWeight[r] > bestInWindow[window])
                    {
                        score += rowWeight[r] - bestInWindow[window];
                        bestInWindow[window] = rowWeight[r];
                    }

                    k++;
                }

                if (score > bestScore)
                {
                    bestScore = score;
                    bestThreshold = threshold;
                }
            }

            return new NabThresholdResult(bestThreshold, bestScore);
        }

        /// <summary>The null detector's best raw score: every row scores 0.5.</summary>
        public static double NullScore(IList<NabLabelledFile> files, NabProfile profile)
        {
            List<double[]> scores = new List<double[]>(files.Count);
            foreach (NabLabelledFile file in files)
            {
                double[] constant = new double[file.RowCount];
                Array.Fill(constant, 0.5);
                scores.Add(constant);
            }

            return OptimizeThreshold(files, scores, profile).Score;
        }

        /// <summary>The perfect detector's best raw score: 1 at each window's first row, 0 elsewhere.</summary>
        public static double PerfectScore(IList<NabLabelledFile> files, NabProfile profile)
        {
            List<double[]> scores = new List<double[]>(files.Count);
            foreach (NabLabelledFile file in files)
            {
                double[] atStarts = new double[file.RowCount];
                foreach (int first in file.WindowFirstRows)
                {
                    atStarts[first] = 1.0;
                }

                scores.Add(atStarts);
            }

            return OptimizeThreshold(files, scores, profile).Score;
        }

        /// <summary>100 (S - S_null) / (S_perfect - S_null).</summary>
        public static double Normalize(double score, double nullScore, double perfectScore)
        {
            return 100.0 * (score - nullScore) / (perfectScore - nullScore);
        }

        private static void CheckLength(NabLabelledFile file, double[] anomalyScores)
        {
            if (anomalyScores.Length != file.RowCount)
            {
                throw new ArgumentException(file.RelativePath + ": " + anomalyScores.Length + " scores for " + file.RowCount + " rows");
            }
        }
    }
}
