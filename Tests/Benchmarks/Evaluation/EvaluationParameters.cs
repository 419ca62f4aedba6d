using SensorNode.Core.Anomaly;
using SensorNode.Core.FixedMath;
using SensorNode.Core.Machine;
using SensorNode.Core.Signal;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// Every tunable of the evaluation, in one place: one parameter set per data family, the same for
    /// every file of that family. Nothing is tuned per file. Anything not set here keeps the firmware
    /// default of <see cref="AnomalyParameters"/> / <see cref="MachineStateParameters"/>. The report
    /// prints these values.
    /// </summary>
    public static class EvaluationParameters
    {
        /// <summary>NAB: one value per row, value mapped by <see cref="NabValueMapping"/>.</summary>
        public static class Nab
        {
            /// <summary>Rows the channel learns from: within every file's probation period (the shortest is 168 rows).</summary>
            public const int LearnRows = 150;

            /// <summary>NAB rows are not sensor readings: a long constant run is data, not a stuck sensor.</summary>
            public static AnomalyParameters Channel()
            {
                return new AnomalyParameters
                {
                    LearnWindows = LearnRows,
                    AdaptShift = 7,
                    SpreadFloor = 10,
                    OutlierClipQ8 = 1024,
                    EnvelopeMarginQ8 = 384,
                    EnvelopeDecayShift = 16,
                    EnvelopeRefQ8 = 256,
                    FastRefQ8 = 0,
                    CusumRefQ8 = 0,
                    WatchRaiseQ15 = 16384,
                    WatchClearQ15 = 16384,
                    AlarmRaiseQ15 = 24576,
                    AlarmClearQ15 = 24576,
                    RaiseDwellWindows = 1,
                    ClearDwellWindows = 1,
                    AdaptAfterWindows = 1,
                    StuckWindows = 0,
                };
            }

            public static IChannelDetector CreateChannel()
            {
                return new FirmwareChannelDetector(Channel());
            }
        }

        /// <summary>
        /// The machine-vibration family (CWRU and IMS): one set for every vibration amplitude channel; only the learning
        /// length follows the recording. Departures from the firmware defaults, and why:
        /// SpreadFloorPerMille 80: a change below 8 % of the learned level is never scored as many spreads, however steady the
        /// machine was while learning (IMS's healthy bearings drift by 5-7 % over days); the CUSUM term is off (CusumRefQ8 0):
        /// on a vibration amplitude a slow few-per-cent drift is not a fault, and the envelope and smoothed terms see any
        /// real rise; RaiseDwellWindows 2: two windows in a row are enough to confirm a bearing fault (one is not: a knock
        /// or a burst lasts one window), so a fault alarms on its second window; vibration never legitimately repeats, so
        /// 60 identical windows are a stuck sensor.
        /// </summary>
        public static class MachineVibration
        {
            public static AnomalyParameters Channel(int learnWindows)
            {
                return new AnomalyParameters
                {
                    LearnWindows = learnWindows,
                    SpreadFloorPerMille = 80,
                    RaiseDwellWindows = 2,
                    CusumRefQ8 = 0,
                    StuckWindows = 60,
                };
            }
        }

        /// <summary>CWRU: drive-end accelerometer, 12 kHz, windows of samples scaled to ADXL345 counts.</summary>
        public static class Cwru
        {
            public const int SampleRateHz = 12000;

            /// <summary>Samples per window (85 ms at 12 kHz), about 2.6 shaft turns at 1797 rpm.</summary>
            public const int WindowSamples = 1024;

            /// <summary>The first half of the decimated normal recording is the learning part.</summary>
            public const double LearnFraction = 0.5;

            /// <summary>ADXL345 at +/-16 g in full resolution: 256 LSB/g (3.906 mg/LSB, the datasheet's "3.9 mg/LSB"), 13-bit signed counts.</summary>
            public const int CountsPerG = 256;

            public const int CountMin = -4096;

            public const int CountMax = 4095;

            /// <summary>The firmware feature extractor: one axis at 12 kHz, ADXL345 scale, ISO group 2 on a rigid foundation.</summary>
            public static VibrationParameters Vibration()
            {
                return new VibrationParameters
                {
                    SampleRateHz = SampleRateHz,
                    AxisCount = 1,
                    MilliGPerCount = new LinearScale(1000, CountsPerG),
                    MachineGroup = IsoMachineGroup.Group2,
                    Foundation = IsoFoundation.Rigid,
                };
            }

            /// <summary>
            /// Channel <paramref name="channel"/> of <see cref="CwruFirmwareFeatures.ChannelNames"/>: the machine-vibration set
            /// (<see cref="EvaluationParameters.MachineVibration.Channel"/>) learning over the learning part of the normal recording; the
            /// velocity channel's absolute high limit is the ISO zone C/D boundary of the extractor's machine group and foundation.
            /// </summary>
            public static AnomalyParameters Channel(int channel, int learnWindows)
            {
                AnomalyParameters parameters = MachineVibration.Channel(learnWindows);
                if (channel == CwruFirmwareFeatures.Velocity)
                {
                    VibrationParameters vibration = Vibration();
                    parameters.HighLimit = IsoZoneLimits.BoundaryUmS(vibration.MachineGroup, vibration.Foundation, IsoZone.C);
                }

                return parameters;
            }

            public static IChannelDetector CreateChannel(int channel, int learnWindows)
            {
                return new FirmwareChannelDetector(Channel(channel, learnWindows));
            }

            /// <summary>Machine state from vibration only (no current in the data); firmware defaults otherwise.</summary>
            public static MachineStateParameters MachineState()
            {
                return new MachineStateParameters();
            }
        }

        /// <summary>IMS test 2: one mean-|a| value per bearing per 10-minute snapshot.</summary>
        public static class Ims
        {
            /// <summary>Channel unit: 10 micro-g per count (0.06 g reads 6000).</summary>
            public const double CountsPerG = 100000.0;

            /// <summary>Learning part: the first 144 running snapshots, one day of the run.</summary>
            public const int LearnRows = 144;

            /// <summary>An alarm is sustained once it has held this many consecutive snapshots (1 hour).</summary>
            public const int SustainRows = 6;

            /// <summary>The machine-vibration set (<see cref="EvaluationParameters.MachineVibration.Channel"/>), learning one day.</summary>
            public static AnomalyParameters Channel()
            {
                return MachineVibration.Channel(LearnRows);
            }

            public static IChannelDetector CreateChannel()
            {
                return new FirmwareChannelDetector(Channel());
            }

            /// <summary>
            /// Machine state from vibration only: mean |a| in milli-g stands in for the acceleration RMS
            /// the firmware uses (no current in the data); with 10-minute snapshots the debounce of
            /// 3 windows is 30 minutes, and the minimum dwell is the firmware default.
            /// </summary>
            public static MachineStateParameters MachineState()
            {
                return new MachineStateParameters();
            }
        }
    }
}
