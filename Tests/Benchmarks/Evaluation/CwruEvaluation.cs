using System;
using System.Collections.Generic;
using System.IO;
using SensorNode.Core.Machine;
using SensorNode.Core.Signal;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>One CWRU run: the normal recording then one fault file, window by window.</summary>
    public sealed class CwruRun
    {
        public string FaultFile { get; set; }

        public string FaultLabel { get; set; }

        /// <summary>Windows of the normal recording (learning part first).</summary>
        public int NormalWindows { get; set; }

        public int LearnWindows { get; set; }

        /// <summary>First window at which every channel had learned (machine-state debounce delays it); -1 if never.</summary>
        public int LearnedAtWindow { get; set; }

        /// <summary>Per window (normal then fault): each channel's feature value.</summary>
        public List<int[]> Features { get; } = new List<int[]>();


        /// <summary>Per window: the highest channel score, Q1.15.</summary>
        public List<int> WorstScoreQ15 { get; } = new List<int>();

        /// <summary>Per window: the worst channel level (health).</summary>
        public List<EvalLevel> Health { get; } = new List<EvalLevel>();

        /// <summary>Normal windows, once every channel has learned, whose health is Alarm.</summary>
        public int FalseAlarmWindows { get; set; }

        /// <summary>Normal windows, once every channel has learned, whose health is Watch.</summary>
        public int WatchWindowsOnNormal { get; set; }

        /// <summary>Times health entered Alarm during those windows.</summary>
        public int FalseAlarmEvents { get; set; }

        /// <summary>Fault windows streamed before the first Alarm (0: the first fault window alarmed); -1 if none.</summary>
        public int WindowsBeforeFirstAlarm { get; set; }

        public int FaultWindows { get; set; }

        /// <summary>Name of the channel(s) in Alarm at the first fault alarm.</summary>
        public string FirstAlarmChannels { get; set; }
    }

    public sealed class CwruEvaluationResult
    {
        public List<CwruRun> Runs { get; } = new List<CwruRun>();

        public string[] ChannelNames { get; set; }

        public int NormalSamples48k { get; set; }

        public int NormalSamples12k { get; set; }
    }

    /// <summary>
    /// CWRU: the drive-end accelerometer. The 48 kHz normal recording is decimated to 12 kHz
    /// (<see cref="Decimator.Cwru48kTo12k"/>); every signal is scaled from g to ADXL345 counts
    /// (256 LSB/g, 13-bit, saturating), and the firmware's feature extractor turns each window into
    /// features. For each fault file a fresh set of channels (one per feature) and a fresh machine state
    /// detector learn on the first part of the normal windows, stream the rest (false alarms are counted
    /// there), then stream the fault file. The velocity channel skips the windows whose velocity has not
    /// settled after the extractor's restart at the start of each recording.
    /// </summary>
    public static class CwruEvaluation
    {
        public const string NormalFile = "normal_0_97.mat";

        public static readonly string[][] FaultFiles =
        {
            new[] { "12k_Drive_End_IR007_0_105.mat", "inner race 0.007\"" },
            new[] { "12k_Drive_End_B007_0_118.mat", "ball 0.007\"" },
            new[] { "12k_Drive_End_OR007@6_0_130.mat", "outer race 0.007\" @6" },
        };

        public static CwruEvaluationResult Run(EvaluationPaths paths)
        {
            CwruEvaluationResult result = new CwruEvaluationResult();
            double[] normal48k = DriveEnd(Path.Combine(paths.CwruRoot, NormalFile));
            double[] normal12k = Decimator.Cwru48kTo12k().Apply(normal48k);
            result.NormalSamples48k = normal48k.Length;
            result.NormalSamples12k = normal12k.Length;
            short[] normalCounts = ToCounts(normal12k);
            result.ChannelNames = CwruFirmwareFeatures.ChannelNames;
            VibrationFeatureExtractor extractor = new VibrationFeatureExtractor(EvaluationParameters.Cwru.Vibration());
            List<CwruWindow> normalFeatures = CwruFirmwareFeatures.Windows(extractor, normalCounts, EvaluationParameters.Cwru.WindowSamples);
            int learnWindows = (int)(normalFeatures.Count * EvaluationParameters.Cwru.LearnFraction);

            foreach (string[] fault in FaultFiles)
            {
                short[] faultCounts = ToCounts(DriveEnd(Path.Combine(paths.CwruRoot, fault[0])));
                List<CwruWindow> faultFeatures = CwruFirmwareFeatures.Windows(extractor, faultCounts, EvaluationParameters.Cwru.WindowSamples);
                CwruRun run = new CwruRun
                {
                    FaultFile = fault[0],
                    FaultLabel = fault[1],
                    NormalWindows = normalFeatures.Count,
                    LearnWindows = learnWindows,
                    FaultWindows = faultFeatures.Count,
                    WindowsBeforeFirstAlarm = -1,
                    LearnedAtWindow = -1,
                };

                MachineStateDetector machine = new MachineStateDetector(EvaluationParameters.Cwru.MachineState());

                IChannelDetector[] channels = new IChannelDetector[result.ChannelNames.Length];
                for (int c = 0; c < channels.Length; c++)
                {
                    channels[c] = EvaluationParameters.Cwru.CreateChannel(c, learnWindows);
                }

                EvalLevel previous = EvalLevel.Learning;
                List<CwruWindow> stream = new List<CwruWindow>(normalFeatures);
                stream.AddRange(faultFeatures);
                for (int w = 0; w < stream.Count; w++)
                {
                    // No current in the data: the machine state comes from the vibration RMS alone.
                    long nowMs = (long)w * EvaluationParameters.Cwru.WindowSamples * 1000 / EvaluationParameters.Cwru.SampleRateHz;
                    int[] features = stream[w].Features;
                    machine.Update(0, features[CwruFirmwareFeatures.AccelRms], nowMs);
                    EvalLevel health = EvalLevel.Learning;
                    int worstScore = 0;
                    bool allLearned = true;
                    for (int c = 0; c < channels.Length; c++)
                    {
                        if (c != CwruFirmwareFeatures.Velocity || stream[w].VelocitySettled)
                        {
                            channels[c].Update(features[c], machine.IsRunning);
                        }

                        worstScore = Math.Max(worstScore, channels[c].ScoreQ15);
                        health = (EvalLevel)Math.Max((int)health, (int)channels[c].Level);
                        allLearned &= channels[c].IsLearned;
                    }

                    if (allLearned && run.LearnedAtWindow < 0)
                    {
                        run.LearnedAtWindow = w;
                    }


                    run.Features.Add(features);
                    run.WorstScoreQ15.Add(worstScore);
                    run.Health.Add(health);
                    bool isFault = w >= normalFeatures.Count;
                    if (!isFault && run.LearnedAtWindow >= 0 && health == EvalLevel.Watch)
                    {
                        run.WatchWindowsOnNormal++;
                    }

                    if (!isFault && run.LearnedAtWindow >= 0 && health == EvalLevel.Alarm)
                    {
                        run.FalseAlarmWindows++;
                        if (previous != EvalLevel.Alarm)
                        {
                            run.FalseAlarmEvents++;
                        }
                    }

                    if (isFault && run.WindowsBeforeFirstAlarm < 0 && health == EvalLevel.Alarm)
                    {
                        run.WindowsBeforeFirstAlarm = w - normalFeatures.Count;
                        run.FirstAlarmChannels = AlarmingChannels(channels, result.ChannelNames);
                    }

                    previous = health;
                }

                result.Runs.Add(run);
            }

            return result;
        }

        /// <summary>The drive-end acceleration (the variable whose name ends in _DE_time), in g.</summary>
        public static double[] DriveEnd(string path)
        {
            Dictionary<string, MatVariable> variables = MatFileReader.Read(path);
            foreach (MatVariable variable in variables.Values)
            {
                if (variable.Name.EndsWith("_DE_time", StringComparison.Ordinal))
                {
                    return variable.Data;
                }
            }

            throw DataFormatException.InFile(path, "no variable named *_DE_time (drive-end accelerometer)");
        }

        /// <summary>g to ADXL345 counts at +/-16 g full resolution (256 LSB/g), rounded, saturated to 13 bits.</summary>
        public static short[] ToCounts(double[] g)
        {
            short[] counts = new short[g.Length];
            for (int i = 0; i < g.Length; i++)
            {
                double c = Math.Round(g[i] * EvaluationParameters.Cwru.CountsPerG, MidpointRounding.AwayFromZero);
                counts[i] = (short)Math.Max(EvaluationParameters.Cwru.CountMin, Math.Min(EvaluationParameters.Cwru.CountMax, c));
            }

            return counts;
        }

        private static string AlarmingChannels(IChannelDetector[] channels, string[] names)
        {
            string list = "";
            for (int c = 0; c < channels.Length; c++)
            {
                if (channels[c].Level == EvalLevel.Alarm)
                {
                    list += (list.Length > 0 ? ", " : "") + names[c];
                }
            }

            return list;
        }
    }
}
