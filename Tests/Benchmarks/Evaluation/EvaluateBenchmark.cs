using System;
using System.Diagnostics;
using System.IO;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// <c>evaluate</c>: runs the filter over NAB, CWRU and IMS, prints the three tables, writes
    /// docs/evaluation.md, docs/evaluation/*.svg and the NAB results files. Options: <c>--data DIR</c>
    /// (default ../shared/data from the repository root, or $SENSORNODE_DATA), <c>--repo DIR</c>, and
    /// <c>--score-results DIR</c> to only score an existing NAB results folder of any detector.
    /// Exit codes: 0 done, 2 bad arguments, 3 missing or malformed data.
    /// </summary>
    internal sealed class EvaluateBenchmark : IBenchmark
    {
        public string Name => "evaluate";

        public string Description => "anomaly filter on NAB, CWRU and IMS data; writes docs/evaluation.md and plots";

        public int Run(string[] args)
        {
            string data = null;
            string repo = null;
            string scoreResults = null;
            for (int i = 0; i < args.Length; i++)
            {
                bool hasValue = i + 1 < args.Length;
                if (args[i] == "--data" && hasValue)
                {
                    data = args[++i];
                }
                else if (args[i] == "--repo" && hasValue)
                {
                    repo = args[++i];
                }
                else if (args[i] == "--score-results" && hasValue)
                {
                    scoreResults = args[++i];
                }
                else
                {
                    Console.Error.WriteLine("evaluate: unknown option '" + args[i] + "'; usage: evaluate [--data DIR] [--repo DIR] [--score-results NAB_RESULTS_DETECTOR_DIR]");
                    return 2;
                }
            }

            try
            {
                EvaluationPaths paths = EvaluationPaths.Resolve(data, repo);
                return scoreResults != null ? ScoreOnly(paths, scoreResults) : RunAll(paths);
            }
            catch (Exception e) when (e is DataFormatException || e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("evaluate: " + e.Message);
                return 3;
            }
        }

        private static int RunAll(EvaluationPaths paths)
        {
            Stopwatch total = Stopwatch.StartNew();
            Stopwatch step = Stopwatch.StartNew();
            NabEvaluationResult nab = NabEvaluation.Run(paths);
            Console.WriteLine("NAB (" + nab.Series.Count + " files, " + nab.TotalRows + " rows, " + step.Elapsed.TotalSeconds.ToString("0.0") + " s)");
            Console.WriteLine(EvaluationReport.NabTable(nab));

            step.Restart();
            CwruEvaluationResult cwru = CwruEvaluation.Run(paths);
            Console.WriteLine("CWRU (" + step.Elapsed.TotalSeconds.ToString("0.0") + " s)");
            Console.WriteLine(EvaluationReport.CwruTable(cwru));

            step.Restart();
            ImsEvaluationResult ims = ImsEvaluation.Run(paths);
            Console.WriteLine("IMS test 2 (" + step.Elapsed.TotalSeconds.ToString("0.0") + " s)");
            Console.WriteLine(EvaluationReport.ImsTable(ims));

            EvaluationPlots.WriteNab(paths.PlotFolder, nab);
            EvaluationPlots.WriteCwru(paths.PlotFolder, cwru);
            EvaluationPlots.WriteIms(paths.PlotFolder, ims);
            Directory.CreateDirectory(Path.GetDirectoryName(paths.ReportFile));
            File.WriteAllText(paths.ReportFile, EvaluationReport.Document(nab, cwru, ims));
            Console.WriteLine("wrote " + paths.ReportFile + ", " + paths.PlotFolder + "/*.svg and " + nab.ResultsFolder
                + " in " + total.Elapsed.TotalSeconds.ToString("0.0") + " s");
            return 0;
        }

        private static int ScoreOnly(EvaluationPaths paths, string detectorFolder)
        {
            NabEvaluationResult nab = NabEvaluation.ScoreResultsFolder(paths, detectorFolder);
            Console.WriteLine("NAB scores of the results in " + detectorFolder);
            Console.WriteLine(EvaluationReport.NabTable(nab));
            return 0;
        }
    }
}
