using System;
using System.Globalization;
using System.Text;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>Formats the three results tables (console and docs/evaluation.md share them).</summary>
    public static class EvaluationReport
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        public static string NabTable(NabEvaluationResult nab)
        {
            StringBuilder md = new StringBuilder();
            md.Append("| Detector | Standard | Low FP | Low FN |\n|---|---|---|---|\n");
            md.Append("| **").Append(nab.DetectorName).Append(" (this run)** | **").Append(F1(nab.Profiles[0].NormalizedScore)).Append("** | **")
                .Append(F1(Find(nab, "reward_low_FP_rate").NormalizedScore)).Append("** | **").Append(F1(Find(nab, "reward_low_FN_rate").NormalizedScore)).Append("** |\n");
            foreach (object[] row in NabScoreboard.Rows)
            {
                md.Append("| ").Append(row[0]).Append(" | ").Append(F1((double)row[1])).Append(" | ").Append(F1((double)row[2])).Append(" | ").Append(F1((double)row[3])).Append(" |\n");
            }

            md.Append("\nPer profile (this run): the corpus-wide threshold the sweep chose, the raw score, the null and perfect raw scores, and what the threshold detects.\n\n");
            md.Append("| Profile | A_TP / A_FP / A_FN | Threshold | Raw score | Null | Perfect | Normalised | Windows detected | Windows missed | FP rows |\n");
            md.Append("|---|---|---|---|---|---|---|---|---|---|\n");
            foreach (NabProfileResult p in nab.Profiles)
            {
                md.Append("| ").Append(p.Profile.Name).Append(" | ").Append(G(p.Profile.TruePositiveWeight)).Append(" / ").Append(G(p.Profile.FalsePositiveWeight)).Append(" / ")
                    .Append(G(p.Profile.FalseNegativeWeight)).Append(" | ").Append(double.IsInfinity(p.Threshold) ? "none" : p.Threshold.ToString("0.#####", Invariant))
                    .Append(" | ").Append(p.RawScore.ToString("0.000", Invariant)).Append(" | ").Append(G(p.NullScore)).Append(" | ").Append(G(p.PerfectScore))
                    .Append(" | ").Append(p.NormalizedScore.ToString("0.00", Invariant)).Append(" | ").Append(p.WindowsDetected).Append(" | ").Append(p.WindowsMissed)
                    .Append(" | ").Append(p.FalsePositiveRows).Append(" |\n");
            }

            return md.ToString();
        }

        /// <summary>Each file at the standard profile's corpus threshold, to see where the score comes from.</summary>
        public static string NabPerFileTable(NabEvaluationResult nab)
        {
            NabProfileResult standard = nab.Profiles[0];
            StringBuilder md = new StringBuilder();
            md.Append("<details><summary>Per file, standard profile at its corpus threshold</summary>\n\n");
            md.Append("| File | Rows | Windows | Detected | FP rows | Score | Rows in alarm |\n|---|---|---|---|---|---|---|\n");
            for (int f = 0; f < nab.Files.Count; f++)
            {
                NabFileScore score = NabScorer.ScoreFile(nab.Files[f], nab.Scores[f], standard.Profile, standard.Threshold);
                int alarmRows = 0;
                if (nab.Levels[f] != null)
                {
                    foreach (EvalLevel level in nab.Levels[f])
                    {
                        alarmRows += level == EvalLevel.Alarm ? 1 : 0;
                    }
                }

                md.Append("| ").Append(nab.Files[f].RelativePath).Append(" | ").Append(nab.Files[f].RowCount).Append(" | ").Append(nab.Files[f].WindowCount)
                    .Append(" | ").Append(score.WindowsDetected).Append(" | ").Append(score.FalsePositiveRows).Append(" | ")
                    .Append(score.Score.ToString("0.000", Invariant)).Append(" | ").Append(alarmRows).Append(" |\n");
            }

            md.Append("\n</details>\n");
            return md.ToString();
        }

        public static string CwruTable(CwruEvaluationResult cwru)
        {
            StringBuilder md = new StringBuilder();
            md.Append("| Fault file | Fault | Windows before first alarm | Channels in alarm then | Fault windows | False alarms on normal (windows / events) | Watch windows on normal |\n");
            md.Append("|---|---|---|---|---|---|---|\n");
            foreach (CwruRun run in cwru.Runs)
            {
                md.Append("| ").Append(run.FaultFile).Append(" | ").Append(run.FaultLabel).Append(" | ")
                    .Append(run.WindowsBeforeFirstAlarm >= 0 ? run.WindowsBeforeFirstAlarm.ToString(Invariant) : "never alarmed").Append(" | ")
                    .Append(run.FirstAlarmChannels ?? "-").Append(" | ").Append(run.FaultWindows).Append(" | ")
                    .Append(run.FalseAlarmWindows).Append(" / ").Append(run.FalseAlarmEvents).Append(" | ").Append(run.WatchWindowsOnNormal).Append(" |\n");
            }

            CwruRun first = cwru.Runs[0];
            md.Append("\nNormal recording: ").Append(cwru.NormalSamples48k).Append(" samples at 48 kHz, ").Append(cwru.NormalSamples12k)
                .Append(" after decimation, ").Append(first.NormalWindows).Append(" windows. Each channel learns ").Append(first.LearnWindows)
                .Append(" running windows (the machine-state debounce delays the start), so every channel has learned at window ").Append(first.LearnedAtWindow)
                .Append("; the ").Append(first.NormalWindows - first.LearnedAtWindow).Append(" normal windows from there on are checked for false alarms. ")
                .Append("\"Windows before first alarm\" counts fault windows streamed before health reached alarm (0: the first fault window alarmed).\n");
            return md.ToString();
        }

        public static string ImsTable(ImsEvaluationResult ims)
        {
            ImsRecording recording = ims.Recording;
            DateTime end = recording.Timestamps[recording.RowCount - 1];
            StringBuilder md = new StringBuilder();
            md.Append("| Bearing | First sustained alarm (row, of ").Append(recording.RowCount).Append(") | Its time | Before the end of the test | First alarm of any length (row) | Rows in alarm | Alarm events |\n");
            md.Append("|---|---|---|---|---|---|---|\n");
            foreach (ImsBearingRun run in ims.Bearings)
            {
                md.Append("| ").Append(run.Bearing).Append(run.Bearing == 1 ? " (failed)" : " (healthy)").Append(" | ");
                if (run.FirstSustainedAlarmRow >= 0)
                {
                    DateTime at = recording.Timestamps[run.FirstSustainedAlarmRow];
                    md.Append(run.FirstSustainedAlarmRow + 1).Append(" | ").Append(at.ToString("yyyy-MM-dd HH:mm", Invariant)).Append(" | ")
                        .Append((end - at).TotalHours.ToString("0.0", Invariant)).Append(" h");
                }
                else
                {
                    md.Append("none | - | -");
                }

                md.Append(" | ").Append(run.FirstAlarmRow >= 0 ? (run.FirstAlarmRow + 1).ToString(Invariant) : "none").Append(" | ")
                    .Append(run.AlarmRows).Append(" | ").Append(run.AlarmEvents).Append(" |\n");
            }

            md.Append("\nRows are numbered from 1 (the first data row). Sustained: Alarm held for ").Append(EvaluationParameters.Ims.SustainRows)
                .Append(" consecutive snapshots. The test ends at ").Append(end.ToString("yyyy-MM-dd HH:mm", Invariant)).Append(".\n");
            return md.ToString();
        }

        public static string Document(NabEvaluationResult nab, CwruEvaluationResult cwru, ImsEvaluationResult ims)
        {
            StringBuilder md = new StringBuilder();
            md.Append("# Evaluation of the anomaly filter on real data\n\n");
            md.Append("Generated by `dotnet run -c Release --project Tests/Benchmarks -- evaluate` (host-only harness in `Tests/Benchmarks/Evaluation`). ")
                .Append("Do not edit by hand: rerun it.\n\n");
            md.Append("Detector: `").Append(nab.DetectorName).Append("`, the firmware's `SensorNode.Core.Anomaly.AnomalyChannel` (fixed point, the exact device code). ")
                .Append("Every dataset runs one channel per feature, updated once per window or row; ")
                .Append("the score is `ScoreQ15 / 32768` and the level is the channel's (health = the worst channel).\n\n");
            md.Append("## NAB v1.1 (58 files, ").Append(nab.TotalRows).Append(" rows, ").Append(nab.TotalWindows).Append(" windows)\n\n");
            md.Append(NabTable(nab)).Append('\n');
            md.Append("Scoring is NAB's: probation min(floor(15 %), 750) rows; detections are rows with score >= threshold; ")
                .Append("the first detection in a window earns A_TP sigma(y)/sigma(-1); false positives are weighted by their distance from the previous window ")
                .Append("(-A_FP before the first one); missed windows cost A_FN; one threshold per profile is swept over every distinct score of the corpus; ")
                .Append("normalised = 100 (S - S_null) / (S_perfect - S_null) with the null detector (0.5 everywhere) and the perfect one (1 at each window start) ")
                .Append("put through the same sweep. The C# scorer (`NabScorer`) was checked against NAB's published results folders with ")
                .Append("`evaluate --score-results <NAB>/results/<detector>`: ARTime 74.85 / 65.15 / 80.36 and windowedGaussian 39.65 / 20.87 / 47.41 reproduce ")
                .Append("`results/final_results.json` exactly; numenta reproduces standard 70.10 and low FN 74.32, and gives 63.21 for low FP where NAB's stored ")
                .Append("threshold (0.5752, from an older non-exhaustive optimiser) gives 63.12: the exhaustive sweep finds a better threshold.\n\n");
            md.Append("Results files in NAB's layout (for NAB's own scorer): `artifacts/nab-results/").Append(nab.DetectorName).Append("/<category>/")
                .Append(nab.DetectorName).Append("_<file>.csv` (git-ignored).\n\n");
            md.Append("![NAB machine temperature](evaluation/nab-machine_temperature.svg)\n\n");
            md.Append(NabPerFileTable(nab)).Append('\n');

            md.Append("## CWRU bearing data (drive end, 0 HP, 1797 rpm)\n\n");
            md.Append(CwruTable(cwru)).Append('\n');
            md.Append("Channels: ").Append(string.Join(", ", cwru.ChannelNames))
                .Append(", from the firmware's `VibrationFeatureExtractor` (one axis, fixed point, restarted at the start of each recording; the velocity channel ")
                .Append("skips the windows whose velocity filters have not settled). The velocity channel's high limit is the ISO 10816-3 zone C/D boundary ")
                .Append("(group 2, rigid). The 48 kHz normal recording is decimated by 4 behind a 129-tap Blackman-windowed-sinc low-pass (cut-off 5 kHz, about 74 dB stop band from 6 kHz), ")
                .Append("keeping only outputs whose filter span lies inside the recording. Accelerations are scaled from g to ADXL345 counts at +/-16 g full resolution ")
                .Append("(256 LSB/g = 3.906 mg/LSB, rounded, saturated to [-4096, 4095]).\n\n");
            md.Append("![CWRU](evaluation/cwru.svg)\n\n");

            md.Append("## IMS test 2 (run to failure)\n\n");
            md.Append(ImsTable(ims)).Append('\n');
            md.Append("![IMS](evaluation/ims.svg)\n\n");

            md.Append("## Parameters (one set per data family, the same for every file)\n\n");
            md.Append("From `Tests/Benchmarks/Evaluation/EvaluationParameters.cs`:\n\n");
            md.Append("| Family | Parameter | Value |\n|---|---|---|\n");
            md.Append("| NAB | learning rows (inside every file's probation) | ").Append(EvaluationParameters.Nab.LearnRows).Append(" |\n");
            md.Append("| NAB | learning allowed | always (no machine state in NAB) |\n");
            md.Append("| CWRU | window | ").Append(EvaluationParameters.Cwru.WindowSamples).Append(" samples at ").Append(EvaluationParameters.Cwru.SampleRateHz).Append(" Hz |\n");
            md.Append("| CWRU | learning part | first ").Append((EvaluationParameters.Cwru.LearnFraction * 100).ToString("0", Invariant)).Append(" % of the normal windows |\n");
            md.Append("| CWRU | counts | ").Append(EvaluationParameters.Cwru.CountsPerG).Append(" LSB/g, [")
                .Append(EvaluationParameters.Cwru.CountMin).Append(", ").Append(EvaluationParameters.Cwru.CountMax).Append("] |\n");
            md.Append("| IMS | unit | ").Append((1e6 / EvaluationParameters.Ims.CountsPerG).ToString("0", Invariant)).Append(" micro-g per count |\n");
            md.Append("| IMS | learning rows | ").Append(EvaluationParameters.Ims.LearnRows).Append(" running snapshots (one day) |\n");
            md.Append("| IMS, CWRU | learning allowed | while the firmware MachineStateDetector (vibration only, no current in the data) says Running |\n");
            md.Append("| IMS | sustained alarm | ").Append(EvaluationParameters.Ims.SustainRows).Append(" consecutive snapshots |\n");
            md.Append(ChannelParametersText(cwru.Runs[0].LearnWindows));
            md.Append("\n## Value mapping (NAB)\n\n").Append(NabValueMapping.RuleText).Append("\n\n");

            md.Append("## Data sources\n\n");
            md.Append("- **NAB**: Numenta Anomaly Benchmark v1.1, github numenta/NAB commit ea702d75 (2024-12-03), MIT license. ")
                .Append("Lavin and Ahmad, \"Evaluating Real-time Anomaly Detection Algorithms - the Numenta Anomaly Benchmark\", IEEE ICMLA 2015.\n");
            md.Append("- **CWRU**: Case Western Reserve University Bearing Data Center; files as copied on github yyxyz/CaseWesternReserveUniversityData ")
                .Append("commit b19e5a7e (no license stated). Smith and Randall, \"Rolling element bearing diagnostics using the Case Western Reserve University data: ")
                .Append("A benchmark study\", MSSP 64-65 (2015) 100-131.\n");
            md.Append("- **IMS**: IMS Bearings data set, NASA Prognostics Data Repository (Lee, Qiu, Yu, Lin; Rexnord; University of Cincinnati, 2007); ")
                .Append("per-file summary of test 2 as published on github tianyushou/bearingRUL.\n");
            return md.ToString();
        }

        /// <summary>Every AnomalyParameters / MachineStateParameters property of each family, read by reflection so the table cannot drift from the code.</summary>
        private static string ChannelParametersText(int cwruLearnWindows)
        {
            StringBuilder md = new StringBuilder();
            AppendProperties(md, "NAB", "AnomalyParameters", EvaluationParameters.Nab.Channel());
            for (int c = 0; c < CwruFirmwareFeatures.ChannelNames.Length; c++)
            {
                AppendProperties(md, "CWRU", "AnomalyParameters, " + CwruFirmwareFeatures.ChannelNames[c], EvaluationParameters.Cwru.Channel(c, cwruLearnWindows));
            }

            AppendProperties(md, "CWRU", "VibrationParameters", EvaluationParameters.Cwru.Vibration());
            AppendProperties(md, "IMS", "AnomalyParameters", EvaluationParameters.Ims.Channel());
            AppendProperties(md, "CWRU", "MachineStateParameters", EvaluationParameters.Cwru.MachineState());
            AppendProperties(md, "IMS", "MachineStateParameters", EvaluationParameters.Ims.MachineState());
            return md.ToString();
        }

        private static void AppendProperties(StringBuilder md, string family, string what, object parameters)
        {
            StringBuilder values = new StringBuilder();
            foreach (System.Reflection.PropertyInfo property in parameters.GetType().GetProperties())
            {
                if (property.CanRead && property.GetIndexParameters().Length == 0)
                {
                    object value = property.GetValue(parameters);
                    string text = value is int i && i == int.MaxValue ? "none"
                        : value is int j && j == int.MinValue ? "none"
                        : value is SensorNode.Core.FixedMath.LinearScale ? "1000/" + EvaluationParameters.Cwru.CountsPerG
                        : Convert.ToString(value, Invariant);
                    values.Append(values.Length > 0 ? ", " : "").Append(property.Name).Append(' ').Append(text);
                }
            }

            md.Append("| ").Append(family).Append(" | ").Append(what).Append(" | ").Append(values).Append(" |\n");
        }

        private static NabProfileResult Find(NabEvaluationResult nab, string name)
        {
            foreach (NabProfileResult p in nab.Profiles)
            {
                if (p.Profile.Name == name)
                {
                    return p;
                }
            }

            throw new InvalidOperationException("profile " + name + " missing from profiles.json");
        }

        private static string F1(double value)
        {
            return value.ToString("0.0", Invariant);
        }

        private static string G(double value)
        {
            return value.ToString("0.###", Invariant);
        }
    }
}
