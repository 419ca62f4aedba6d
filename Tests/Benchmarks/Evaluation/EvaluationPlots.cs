using System;
using System.IO;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// The per-dataset plots: the signal with its labelled windows shaded, the anomaly score with the
    /// threshold, and the level of the filter as coloured bands (grey learning, green ok, amber watch,
    /// red alarm, purple fault), so a reader sees at a glance where the filter fires.
    /// </summary>
    public static class EvaluationPlots
    {
        public const string NabMachineTemperature = "realKnownCause/machine_temperature_system_failure.csv";

        private const string SignalColor = "#1f4e9c";
        private const string ScoreColor = "#222222";
        private const string WindowShade = "#e41a1c";
        private const string LearnShade = "#9e9e9e";
        private const double Width = 1100;

        /// <summary>Writes nab-machine_temperature.svg; returns its path.</summary>
        public static string WriteNab(string folder, NabEvaluationResult nab)
        {
            int f = nab.IndexOf(NabMachineTemperature);
            NabSeries series = nab.Series[f];
            NabLabelledFile file = nab.Files[f];
            double threshold = nab.Profiles[0].Threshold;
            double[] x = Rows(series.RowCount);
            SvgFigure figure = new SvgFigure("NAB machine_temperature_system_failure: " + nab.DetectorName, Width);
            SvgPanel signal = figure.AddPanel("temperature sensor value", 200, 0, series.RowCount, "row (5-minute samples)");
            signal.AddShade(0, file.ProbationRows, LearnShade, 0.25, "probation (not scored)");
            for (int w = 0; w < file.WindowCount; w++)
            {
                signal.AddShade(file.WindowFirstRows[w], file.WindowLastRows[w] + 1, WindowShade, 0.18, w == 0 ? "labelled anomaly window" : null);
            }

            signal.AddLine(x, series.Values, SignalColor, "value");
            SvgPanel score = figure.AddPanel("anomaly score and level", 110, 0, series.RowCount, "row (5-minute samples)");
            score.SetYRange(0, 1);
            for (int w = 0; w < file.WindowCount; w++)
            {
                score.AddShade(file.WindowFirstRows[w], file.WindowLastRows[w] + 1, WindowShade, 0.18, null);
            }

            score.AddLine(x, nab.Scores[f], ScoreColor, "score");
            if (!double.IsInfinity(threshold))
            {
                score.AddRule(threshold, SvgFigure.AlarmColor, "standard-profile threshold " + threshold.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
            }

            score.SetLevelStrip(x, nab.Levels[f]);
            return Save(folder, "nab-machine_temperature.svg", figure);
        }

        /// <summary>Writes cwru.svg: per fault file, the normal recording then the fault, window by window.</summary>
        public static string WriteCwru(string folder, CwruEvaluationResult cwru)
        {
            SvgFigure figure = new SvgFigure("CWRU drive-end bearing, 12 kHz, windows of " + EvaluationParameters.Cwru.WindowSamples + " samples", Width);
            foreach (CwruRun run in cwru.Runs)
            {
                int n = run.Features.Count;
                double[] x = Rows(n);
                double[] rms = new double[n];
                double[] score = new double[n];
                for (int w = 0; w < n; w++)
                {
                    rms[w] = run.Features[w][0];
                    score[w] = run.WorstScoreQ15[w] / 32768.0;
                }

                SvgPanel signal = figure.AddPanel("normal, then " + run.FaultLabel + " (" + run.FaultFile + "): " + cwru.ChannelNames[0], 110, 0, n, "window");
                signal.AddShade(0, run.LearnedAtWindow >= 0 ? run.LearnedAtWindow : run.NormalWindows, LearnShade, 0.25, "learning");
                signal.AddShade(run.NormalWindows, n, WindowShade, 0.18, "fault recording");
                signal.AddLine(x, rms, SignalColor, cwru.ChannelNames[0]);
                SvgPanel panel = figure.AddPanel("highest channel score and health (worst channel level)", 60, 0, n, "window");
                panel.SetYRange(0, 1);
                panel.AddShade(run.NormalWindows, n, WindowShade, 0.18, null);
                panel.AddLine(x, score, ScoreColor, "score");
                panel.SetLevelStrip(x, run.Health.ToArray());
            }

            return Save(folder, "cwru.svg", figure);
        }

        /// <summary>Writes ims.svg: each bearing's mean |a|, score and level over the run.</summary>
        public static string WriteIms(string folder, ImsEvaluationResult ims)
        {
            ImsRecording recording = ims.Recording;
            int n = recording.RowCount;
            double[] days = new double[n];
            for (int i = 0; i < n; i++)
            {
                days[i] = (recording.Timestamps[i] - recording.Timestamps[0]).TotalDays;
            }

            double end = days[n - 1];
            string xLabel = "days since " + recording.Timestamps[0].ToString("yyyy-MM-dd HH:mm");
            SvgFigure figure = new SvgFigure("IMS test 2 run to failure: mean |a| per 10-minute snapshot (bearing 1 failed at the end)", Width);
            foreach (ImsBearingRun run in ims.Bearings)
            {
                double[] score = new double[n];
                for (int i = 0; i < n; i++)
                {
                    score[i] = run.ScoreQ15[i] / 32768.0;
                }

                string status = run.FirstSustainedAlarmRow >= 0
                    ? "sustained alarm from row " + (run.FirstSustainedAlarmRow + 1)
                    : run.FirstAlarmRow >= 0 ? "short alarms only" : "no alarm";
                SvgPanel signal = figure.AddPanel("bearing " + run.Bearing + " mean |a| (g): " + status, 90, 0, end, xLabel);
                int learned = Array.FindIndex(run.Levels, level => level != EvalLevel.Learning);
                signal.AddShade(0, days[learned < 0 ? n - 1 : learned], LearnShade, 0.25, "learning");
                if (run.FirstSustainedAlarmRow >= 0)
                {
                    signal.AddShade(days[run.FirstSustainedAlarmRow], end, SvgFigure.AlarmColor, 0.12, "after first sustained alarm");
                }

                signal.AddLine(days, recording.MeanAbsGByBearing[run.Bearing - 1], SignalColor, "mean |a|");
                SvgPanel panel = figure.AddPanel("bearing " + run.Bearing + " score and level", 45, 0, end, xLabel);
                panel.SetYRange(0, 1);
                panel.AddLine(days, score, ScoreColor, "score");
                panel.SetLevelStrip(days, run.Levels);
            }

            return Save(folder, "ims.svg", figure);
        }

        private static double[] Rows(int count)
        {
            double[] x = new double[count];
            for (int i = 0; i < count; i++)
            {
                x[i] = i;
            }

            return x;
        }

        private static string Save(string folder, string name, SvgFigure figure)
        {
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, name);
            File.WriteAllText(path, figure.Render());
            return path;
        }
    }
}
