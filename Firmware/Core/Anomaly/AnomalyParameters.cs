using System;

namespace SensorNode.Core.Anomaly
{
    /// <summary>
    /// Configuration of one <see cref="AnomalyChannel"/>. Values are plain integers: counts of
    /// windows, power-of-two shifts, Q8 multiples (256 = 1.0) of the channel's spread, Q1.15 score
    /// thresholds (32768 = 1.0), and limits in the channel's own unit (µm/s, centi-°C, mA...).
    /// The defaults suit a machine feature sampled once a window; the owner sets limits per channel.
    /// A channel keeps a reference to its parameters and reads them every window, so change them
    /// only between windows, and call <see cref="Validate"/> after a change.
    /// </summary>
    public sealed class AnomalyParameters
    {
        /// <summary>Windows of running machine the baseline learns from before it scores (&gt;= 2).</summary>
        public int LearnWindows { get; set; } = 120;

        /// <summary>Adaptation rate after learning, 2^-shift per normal window (8: time constant 256 windows).</summary>
        public int AdaptShift { get; set; } = 8;

        /// <summary>
        /// Smallest spread the score divides by, in the channel's unit (&gt;= 1). A flat signal has a
        /// spread of 0; the floor keeps its score finite and makes 1 LSB of noise worth 1/floor spreads.
        /// </summary>
        public int SpreadFloor { get; set; } = 1;

        /// <summary>
        /// Smallest spread relative to the baseline mean, in per mille of |mean| (0: off; 50: 5 %).
        /// A vibration amplitude that changes by less than a few per cent is no sign of a fault
        /// however steady the machine was while learning, so the score counts deviations in units
        /// of at least this fraction of the normal level.
        /// </summary>
        public int SpreadFloorPerMille { get; set; }

        /// <summary>
        /// True to score only values above the baseline mean: a fall of the feature counts as normal (a bearing cools
        /// while its machine idles). Limits and faults apply either way; false scores both sides.
        /// </summary>
        public bool HighSideOnly { get; set; }

        /// <summary>
        /// Outlier clip, Q8 spreads (1024: 4 spreads). A window further from the mean moves mean and
        /// spread, and charges the smoothed and CUSUM terms, only as much as a window at the clip would.
        /// </summary>
        public int OutlierClipQ8 { get; set; } = 1024;

        /// <summary>The envelope is never narrower than mean +/- this many spreads, Q8 (768: 3 spreads).</summary>
        public int EnvelopeMarginQ8 { get; set; } = 768;

        /// <summary>
        /// The envelope (highest and lowest normal values seen) relaxes toward its margin by
        /// 2^-shift per adapting window; 0 keeps it for ever.
        /// </summary>
        public int EnvelopeDecayShift { get; set; } = 12;

        /// <summary>
        /// Envelope excess (distance beyond the envelope over the envelope's half-width), Q8, that
        /// scores 0.5; 0 disables this term. 128: a value 50 % further out than any normal one.
        /// </summary>
        public int EnvelopeRefQ8 { get; set; } = 128;

        /// <summary>Smoothing of the standardized deviation, 2^-shift per window (3: about 8 windows).</summary>
        public int FastShift { get; set; } = 3;

        /// <summary>
        /// Smoothed standardized deviation, Q8 spreads, that scores 0.5; 0 disables this term. The
        /// deviation is clipped at OutlierClipQ8 first (as for the CUSUM), so keep this below the clip.
        /// </summary>
        public int FastRefQ8 { get; set; } = 640;

        /// <summary>CUSUM slack per window, Q8 spreads: drifts smaller than this never accumulate.</summary>
        public int CusumSlackQ8 { get; set; } = 192;

        /// <summary>CUSUM sum, Q8 spreads, that scores 0.5; 0 disables this term.</summary>
        public int CusumRefQ8 { get; set; } = 4096;

        /// <summary>Score, Q1.15, at or above which the channel heads for Watch.</summary>
        public int WatchRaiseQ15 { get; set; } = 16384;

        /// <summary>Score, Q1.15, below which a Watch (or Alarm) channel heads back to Ok; &lt;= WatchRaiseQ15.</summary>
        public int WatchClearQ15 { get; set; } = 13107;

        /// <summary>Score, Q1.15, at or above which the channel heads for Alarm.</summary>
        public int AlarmRaiseQ15 { get; set; } = 24576;

        /// <summary>Score, Q1.15, below which an Alarm channel heads back to Watch or Ok; &lt;= AlarmRaiseQ15.</summary>
        public int AlarmClearQ15 { get; set; } = 19661;

        /// <summary>Consecutive windows a worse level must persist before the channel takes it (&gt;= 1).</summary>
        public int RaiseDwellWindows { get; set; } = 3;

        /// <summary>Consecutive windows a better level must persist before the channel takes it (&gt;= 1).</summary>
        public int ClearDwellWindows { get; set; } = 5;

        /// <summary>Absolute high limit in the channel's unit (ISO zone C/D, maximum temperature...); int.MaxValue: none.</summary>
        public int HighLimit { get; set; } = int.MaxValue;

        /// <summary>Absolute low limit in the channel's unit; int.MinValue: none.</summary>
        public int LowLimit { get; set; } = int.MinValue;

        /// <summary>Lowest value the sensor can physically report; anything below is a fault.</summary>
        public int PlausibleMin { get; set; } = int.MinValue;

        /// <summary>Highest value the sensor can physically report; anything above is a fault.</summary>
        public int PlausibleMax { get; set; } = int.MaxValue;

        /// <summary>
        /// Running windows with exactly the same value that make the channel a stuck fault; 0 disables
        /// the check. Only for a feature that flickers while its sensor works: a temperature read from a
        /// 15-bit RTD converter moves by a code or two from window to window, so 600 windows (10 minutes)
        /// of one value while the machine runs is a frozen converter. Not for a feature quantised coarser
        /// than its noise (a steady vibration RMS in milli-g repeats for minutes); a sensor whose raw
        /// samples show it frozen is better caught there (<see cref="AnomalyChannel.MarkSensorStuck"/>).
        /// </summary>
        public int StuckWindows { get; set; }

        /// <summary>Consecutive windows without a reading that make the channel a missing fault (&gt;= 1).</summary>
        public int MissingWindows { get; set; } = 3;

        /// <summary>Consecutive good windows that clear a fault (&gt;= 1).</summary>
        public int RecoverWindows { get; set; } = 3;

        /// <summary>
        /// Abnormal windows after which the baseline adapts again although the channel is still
        /// abnormal (a new normal is accepted); 0 freezes the baseline for as long as the channel is
        /// abnormal, so a lasting fault keeps its alarm until it clears or the learn command runs.
        /// </summary>
        public int AdaptAfterWindows { get; set; }

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> if a value is out of range or the thresholds are inconsistent.</summary>
        public void Validate()
        {
            Check(LearnWindows >= 2, "LearnWindows");
            Check(AdaptShift >= 1 && AdaptShift <= 20, "AdaptShift");
            Check(SpreadFloor >= 1, "SpreadFloor");
            Check(SpreadFloorPerMille >= 0 && SpreadFloorPerMille <= 1000, "SpreadFloorPerMille");
            Check(OutlierClipQ8 >= 256, "OutlierClipQ8");
            Check(EnvelopeMarginQ8 >= 1, "EnvelopeMarginQ8");
            Check(EnvelopeDecayShift >= 0 && EnvelopeDecayShift <= 30, "EnvelopeDecayShift");
            Check(EnvelopeRefQ8 >= 0, "EnvelopeRefQ8");
            Check(FastShift >= 0 && FastShift <= 16, "FastShift");
            Check(FastRefQ8 >= 0, "FastRefQ8");
            Check(CusumSlackQ8 >= 0, "CusumSlackQ8");
            Check(CusumRefQ8 >= 0, "CusumRefQ8");
            Check(WatchRaiseQ15 > 0 && WatchRaiseQ15 <= 32767, "WatchRaiseQ15");
            Check(WatchClearQ15 >= 0 && WatchClearQ15 <= WatchRaiseQ15, "WatchClearQ15");
            Check(AlarmRaiseQ15 >= WatchRaiseQ15 && AlarmRaiseQ15 <= 32767, "AlarmRaiseQ15");
            Check(AlarmClearQ15 >= WatchClearQ15 && AlarmClearQ15 <= AlarmRaiseQ15, "AlarmClearQ15");
            Check(RaiseDwellWindows >= 1, "RaiseDwellWindows");
            Check(ClearDwellWindows >= 1, "ClearDwellWindows");
            Check(LowLimit <= HighLimit, "LowLimit");
            Check(PlausibleMin <= PlausibleMax, "PlausibleMin");
            Check(StuckWindows >= 0, "StuckWindows");
            Check(MissingWindows >= 1, "MissingWindows");
            Check(RecoverWindows >= 1, "RecoverWindows");
            Check(AdaptAfterWindows >= 0, "AdaptAfterWindows");
        }

        private static void Check(bool condition, string name)
        {
            if (!condition)
            {
                throw new ArgumentOutOfRangeException(name);
            }
        }
    }
}
