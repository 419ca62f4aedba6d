using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>One profile's corpus result.</summary>
    public sealed class NabProfileResult
    {
        public NabProfile Profile { get; set; }

        public double Threshold { get; set; }

        public double RawScore { get; set; }

        public double NullScore { get; set; }

        public double PerfectScore { get; set; }

        public double NormalizedScore { get; set; }

        public int WindowsDetected { get; set; }

        public int WindowsMissed { get; set; }

        public int FalsePositiveRows { get; set; }
    }

    /// <summary>Everything the NAB run produced, for the report and the plots.</summary>
    public sealed class NabEvaluationResult
    {
        public string DetectorName { get; set; }

        public List<NabSeries> Series { get; } = new List<NabSeries>();

        public List<NabLabelledFile> Files { get; } = new List<NabLabelledFile>();

        public List<double[]> Scores { get; } = new List<double[]>();

        public List<EvalLevel[]> Levels { get; } = new List<EvalLevel[]>();

        public List<NabProfileResult> Profiles { get; } = new List<NabProfileResult>();

        public int TotalRows { get; set; }

        public int TotalWindows { get; set; }

        public string ResultsFolder { get; set; }

        public int IndexOf(string relativePath)
        {
            return Series.FindIndex(s => s.RelativePath == relativePath);
        }
    }

    /// <summary>
    /// NAB over the whole corpus: each file's values are mapped to counts by <see cref="NabValueMapping"/>,
    /// every row goes through a fresh channel (learning allowed throughout: NAB has no machine state),
    /// score = ScoreQ15 / 32768. Then NAB results files are written and each profile is scored with its
    /// own corpus-wide threshold sweep and normalised with the null and perfect detectors.
    /// </summary>
    public static class NabEvaluation
    {
        public static NabEvaluationResult Run(EvaluationPaths paths)
        {
            NabEvaluationResult result = LoadCorpus(paths);
            result.DetectorName = EvaluationParameters.Nab.CreateChannel().DetectorName;
            result.ResultsFolder = Path.Combine(paths.NabResultsRoot, result.DetectorName);
            Parallel.For(0, result.Series.Count, f =>
            {
                NabSeries series = result.Series[f];
                NabLabelledFile file = result.Files[f];
                NabValueMapping mapping = NabValueMapping.FromProbation(series.Values, file.ProbationRows);
                IChannelDetector channel = EvaluationParameters.Nab.CreateChannel();
                double[] scores = new double[series.RowCount];
                EvalLevel[] levels = new EvalLevel[series.RowCount];
                for (int i = 0; i < series.RowCount; i++)
                {
                    channel.Update(mapping.ToCounts(series.Values[i]), true);
                    scores[i] = channel.ScoreQ15 / 32768.0;
                    levels[i] = channel.Level;
                }

                result.Scores[f] = scores;
                result.Levels[f] = levels;
                NabResultsWriter.Write(paths.NabResultsRoot, result.DetectorName, series, scores, file.RowLabels());
            });

            ScoreProfiles(paths, result);
            return result;
        }

        /// <summary>
        /// Scores an existing NAB results folder of any detector (e.g. one of NAB's published
        /// results/&lt;detector&gt;/ folders) with this scorer: a check of the scorer against NAB's own
        /// published numbers, and of this harness's results files.
        /// </summary>
        public static NabEvaluationResult ScoreResultsFolder(EvaluationPaths paths, string detectorFolder)
        {
            NabEvaluationResult result = LoadCorpus(paths);
            result.DetectorName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(detectorFolder)));
            result.ResultsFolder = detectorFolder;
            for (int f = 0; f < result.Series.Count; f++)
            {
                result.Scores[f] = NabResultsReader.ReadScores(detectorFolder, result.DetectorName, result.Series[f]);
            }

            ScoreProfiles(paths, result);
            return result;
        }

        private static NabEvaluationResult LoadCorpus(EvaluationPaths paths)
        {
            string labelsPath = Path.Combine(paths.NabRoot, "labels", "combined_windows.json");
            List<NabSeries> corpus = NabDataReader.ReadCorpus(paths.NabRoot);
            Dictionary<string, NabWindowLimits[]> labels = NabLabelsReader.Read(labelsPath);

            foreach (string key in labels.Keys)
            {
                if (corpus.FindIndex(s => s.RelativePath == key) < 0)
                {
                    throw DataFormatException.InFile(labelsPath, "labels name '" + key + "', which is not a file under data/");
                }
            }

            NabEvaluationResult result = new NabEvaluationResult();
            foreach (NabSeries series in corpus)
            {
                NabWindowLimits[] windows;
                if (!labels.TryGetValue(series.RelativePath, out windows))
                {
                    throw DataFormatException.InFile(labelsPath, "no entry for data file '" + series.RelativePath + "'");
                }

                result.Series.Add(series);
                result.Files.Add(NabLabelledFile.FromSeries(series, windows, labelsPath));
                result.Scores.Add(null);
                result.Levels.Add(null);
                result.TotalRows += series.RowCount;
                result.TotalWindows += windows.Length;
            }

            return result;
        }

        private static void ScoreProfiles(EvaluationPaths paths, NabEvaluationResult result)
        {
            List<NabProfile> profiles = NabProfilesReader.Read(Path.Combine(paths.NabRoot, "config", "profiles.json"));
            foreach (NabProfile profile in profiles)
            {
                NabThresholdResult best = NabScorer.OptimizeThreshold(result.Files, result.Scores, profile);
                NabProfileResult profileResult = new NabProfileResult
                {
                    Profile = profile,
                    Threshold = best.Threshold,
                    RawScore = best.Score,
                    NullScore = NabScorer.NullScore(result.Files, profile),
                    PerfectScore = NabScorer.PerfectScore(result.Files, profile),
                };
                profileResult.NormalizedScore = NabScorer.Normalize(best.Score, profileResult.NullScore, profileResult.PerfectScore);
                for (int f = 0; f < result.Files.Count; f++)
                {
                    NabFileScore fileScore = NabScorer.ScoreFile(result.Files[f], result.Scores[f], profile, best.Threshold);
                    profileResult.WindowsDetected += fileScore.WindowsDetected;
                    profileResult.WindowsMissed += fileScore.WindowsMissed;
                    profileResult.FalsePositiveRows += fileScore.FalsePositiveRows;
                }

                result.Profiles.Add(profileResult);
            }
        }
    }
}
