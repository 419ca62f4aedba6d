using System;
using SensorNode.Core.Machine;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>One bearing's run through its channel.</summary>
    public sealed class ImsBearingRun
    {
        public int Bearing { get; set; }

        public int[] Counts { get; set; }

        public int[] ScoreQ15 { get; set; }

        public EvalLevel[] Levels { get; set; }

        /// <summary>0-based row of the first alarm held for <see cref="EvaluationParameters.Ims.SustainRows"/> rows; -1 if none.</summary>
        public int FirstSustainedAlarmRow { get; set; }

        /// <summary>0-based row of the first alarm of any length; -1 if none.</summary>
        public int FirstAlarmRow { get; set; }

        public int AlarmRows { get; set; }

        /// <summary>Times the level entered Alarm.</summary>
        public int AlarmEvents { get; set; }
    }

    public sealed class ImsEvaluationResult
    {
        public ImsRecording Recording { get; set; }

        public ImsBearingRun[] Bearings { get; set; }
    }

    /// <summary>
    /// IMS test 2: each bearing's mean |a| goes through its own channel, one value per 10-minute snapshot,
    /// in units of <see cref="EvaluationParameters.Ims.CountsPerG"/>. Learning is allowed while the firmware's
    /// machine state detector, fed with the bearing's mean |a| in milli-g, says the rig runs.
    /// </summary>
    public static class ImsEvaluation
    {
        public static ImsEvaluationResult Run(EvaluationPaths paths)
        {
            ImsRecording recording = ImsReader.Read(paths.ImsFile);
            ImsEvaluationResult result = new ImsEvaluationResult { Recording = recording, Bearings = new ImsBearingRun[ImsReader.BearingCount] };
            for (int b = 0; b < ImsReader.BearingCount; b++)
            {
                double[] g = recording.MeanAbsGByBearing[b];
                IChannelDetector channel = EvaluationParameters.Ims.CreateChannel();
                MachineStateDetector machine = new MachineStateDetector(EvaluationParameters.Ims.MachineState());
                ImsBearingRun run = new ImsBearingRun
                {
                    Bearing = b + 1,
                    Counts = new int[g.Length],
                    ScoreQ15 = new int[g.Length],
                    Levels = new EvalLevel[g.Length],
                    FirstAlarmRow = -1,
                    FirstSustainedAlarmRow = -1,
                };

                for (int i = 0; i < g.Length; i++)
                {
                    run.Counts[i] = (int)Math.Min(int.MaxValue, Math.Round(g[i] * EvaluationParameters.Ims.CountsPerG, MidpointRounding.AwayFromZero));
                    // No current in the data: the machine state comes from this bearing's vibration alone.
                    int vibrationMilliG = (int)Math.Min(int.MaxValue, Math.Round(g[i] * 1000.0, MidpointRounding.AwayFromZero));
                    machine.Update(0, vibrationMilliG, (long)(recording.Timestamps[i] - recording.Timestamps[0]).TotalMilliseconds);
                    channel.Update(run.Counts[i], machine.IsRunning);
                    run.ScoreQ15[i] = channel.ScoreQ15;
                    run.Levels[i] = channel.Level;
                    if (run.Levels[i] == EvalLevel.Alarm)
                    {
                        run.AlarmRows++;
                        if (i == 0 || run.Levels[i - 1] != EvalLevel.Alarm)
                        {
                            run.AlarmEvents++;
                        }

                        if (run.FirstAlarmRow < 0)
                        {
                            run.FirstAlarmRow = i;
                        }
                    }
                }

                run.FirstSustainedAlarmRow = FirstSustained(run.Levels, EvaluationParameters.Ims.SustainRows);
                result.Bearings[b] = run;
            }

            return result;
        }

        /// <summary>First row that starts a run of at least <paramref name="sustainRows"/> Alarm rows; -1 if none.</summary>
        public static int FirstSustained(EvalLevel[] levels, int sustainRows)
        {
            int runLength = 0;
            for (int i = 0; i < levels.Length; i++)
            {
                runLength = levels[i] == EvalLevel.Alarm ? runLength + 1 : 0;
                if (runLength >= sustainRows)
                {
                    return i - sustainRows + 1;
                }
            }

            return -1;
        }
    }
}
