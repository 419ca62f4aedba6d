using System;
using SensorNode.Core.FixedMath;

namespace SensorNode.Core.Anomaly
{
    /// <summary>
    /// Anomaly filter for one feature channel (velocity RMS, temperature, current...), updated once
    /// per window with an integer in the channel's unit. Integer-only, no allocation after
    /// construction.
    ///
    /// Baseline (learned only while the machine runs): mean and spread (mean absolute deviation,
    /// MAD ~ 0.8 sigma for Gaussian noise), plus an envelope: the highest and lowest values seen in
    /// normal running. The first LearnWindows running windows are averaged cumulatively (outliers
    /// clipped at OutlierClipQ8 spreads once 8 windows are in); then the baseline follows normal
    /// windows by 2^-AdaptShift and freezes while the channel is abnormal (score at or above the
    /// watch threshold, or a level other than Ok), unless AdaptAfterWindows accepts a new normal.
    /// The spread is floored at SpreadFloor so that a flat signal scores finitely, and at
    /// SpreadFloorPerMille of |mean| so that a few-per-cent change of a very steady amplitude
    /// channel (vibration) does not count as many spreads.
    ///
    /// Score, per window, with z = (x - mean) / spread clipped to +/-OutlierClip:
    /// u = max(excess / EnvelopeRef, |EWMA_FastShift(z)| / FastRef, max(CUSUM+, CUSUM-) / CusumRef),
    /// where excess = (distance beyond the envelope) / (envelope half-width, at least
    /// EnvelopeMargin spreads) catches spikes and steps past anything seen in normal running,
    /// scaled to what is normal for this channel; the smoothed z catches sustained shifts; the
    /// two-sided CUSUM (slack CusumSlack) catches slow drifts the smoothed z never sees.
    /// ScoreQ15 = 32768 u / (u + 1), saturated to [0, 32767]: monotone, 0.5 at u = 1, the same
    /// statistic giving the same score on any channel. A term whose reference is 0 is off.
    ///
    /// Levels: Ok, Watch, Alarm from the score with hysteresis (raise/clear thresholds) and a dwell
    /// (consecutive windows) for raising and for clearing; an absolute limit breach heads for
    /// Alarm whether or not the baseline is learned, and such a window never enters the baseline. Faults (missing, stuck, impossible) take the
    /// channel to Fault at once (their counts are the dwell), never touch the baseline, and clear
    /// after RecoverWindows good windows. While the machine does not run the channel does not
    /// score (its baseline describes the running machine): score 0, limits and faults still apply.
    ///
    /// Events: after each call, <see cref="LevelChanged"/> tells whether the level changed in that
    /// window; <see cref="PreviousLevel"/>, <see cref="Level"/>, <see cref="Reason"/>,
    /// <see cref="EventValue"/>, <see cref="EventScoreQ15"/> and <see cref="ChangeCount"/>
    /// describe the last change. Polling these properties allocates nothing.
    ///
    /// State, in field bytes (object header and the parameters object excluded), 105 of 128:
    /// | field | bytes |
    /// |---|---|
    /// | parameters (reference) | 8 |
    /// | meanQ16, spreadQ16, highQ16, lowQ16 (long, unit x 2^16) | 32 |
    /// | fastZQ8, cusumUpQ8, cusumDownQ8 (int, spreads x 256) | 12 |
    /// | learnedWindows, frozenWindows, dwellWindows | 12 |
    /// | lastRaw, sameRunWindows, missingWindows, goodWindows | 16 |
    /// | scoreQ15, eventValue, eventScoreQ15, changeCount | 16 |
    /// | level, previousLevel, reason, pendingLevel, pendingReason (byte enums) | 5 |
    /// | dwellRaising, levelChanged, hasLast, faultActive (bool) | 4 |
    /// </summary>
    public sealed class AnomalyChannel
    {
        private const int UnitShift = 16;
        private const int ZShift = 8;
        private const int UShift = 16;
        private const int CusumLimitQ8 = 1 << 28;
        private const int LearnClipAfterWindows = 8;

        private readonly AnomalyParameters parameters;

        private long meanQ16;
        private long spreadQ16;
        private long highQ16;
        private long lowQ16;
        private int fastZQ8;
        private int cusumUpQ8;
        private int cusumDownQ8;
        private int learnedWindows;
        private int frozenWindows;
        private int dwellWindows;
        private int lastRaw;
        private int sameRunWindows;
        private int missingWindows;
        private int goodWindows;
        private int scoreQ15;
        private int eventValue;
        private int eventScoreQ15;
        private int changeCount;
        private ChannelLevel level;
        private ChannelLevel previousLevel;
        private LevelReason reason;
        private ChannelLevel pendingLevel;
        private LevelReason pendingReason;
        private bool dwellRaising;
        private bool levelChanged;
        private bool hasLast;
        private bool faultActive;

        /// <summary>Creates a channel in Ok, learning. The parameters are validated and kept by reference.</summary>
        public AnomalyChannel(AnomalyParameters parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException(nameof(parameters));
            }

            parameters.Validate();
            this.parameters = parameters;
        }

        /// <summary>Anomaly score of the last window in Q1.15, 0..32767 (0 while learning, faulted or not running).</summary>
        public int ScoreQ15 => scoreQ15;

        /// <summary>Current level.</summary>
        public ChannelLevel Level => level;

        /// <summary>True once the baseline has learned LearnWindows running windows.</summary>
        public bool IsLearned => learnedWindows >= parameters.LearnWindows;

        /// <summary>True if the last Update or MarkSensorMissing changed the level.</summary>
        public bool LevelChanged => levelChanged;

        /// <summary>Level before the last change.</summary>
        public ChannelLevel PreviousLevel => previousLevel;

        /// <summary>Reason of the last change (<see cref="LevelReason.None"/> before the first).</summary>
        public LevelReason Reason => reason;

        /// <summary>Value of the window that made the last change (the last value before a missing fault).</summary>
        public int EventValue => eventValue;

        /// <summary>Score, Q1.15, of the window that made the last change.</summary>
        public int EventScoreQ15 => eventScoreQ15;

        /// <summary>Number of level changes since construction; wraps at int.MaxValue.</summary>
        public int ChangeCount => changeCount;

        /// <summary>Baseline mean in the channel's unit, rounded half up.</summary>
        public int Mean => (int)((meanQ16 + (1L << (UnitShift - 1))) >> UnitShift);

        /// <summary>Baseline spread (mean absolute deviation) in the channel's unit, rounded half up, before the floor.</summary>
        public int Spread => (int)((spreadQ16 + (1L << (UnitShift - 1))) >> UnitShift);

        /// <summary>
        /// One window's reading. <paramref name="learningAllowed"/> is true while the machine runs:
        /// only then does the channel learn, score and check for a stuck sensor.
        /// </summary>
        public void Update(int value, bool learningAllowed)
        {
            AnomalyParameters p = parameters;
            levelChanged = false;
            missingWindows = 0;

            LevelReason fault = LevelReason.None;
            if (value < p.PlausibleMin || value > p.PlausibleMax)
            {
                fault = LevelReason.Impossible;
            }
            else
            {
                if (!hasLast || value != lastRaw)
                {
                    sameRunWindows = learningAllowed ? 1 : 0;
                }
                else if (learningAllowed && sameRunWindows < int.MaxValue)
                {
                    sameRunWindows++;
                }

                lastRaw = value;
                hasLast = true;
                if (p.StuckWindows > 0 && sameRunWindows >= p.StuckWindows)
                {
                    fault = LevelReason.Stuck;
                }
            }

            if (fault != LevelReason.None)
            {
                EnterFault(fault, value);
                return;
            }

            if (faultActive)
            {
                goodWindows++;
                if (goodWindows < p.RecoverWindows)
                {
                    scoreQ15 = 0;
                    return;
                }

                faultActive = false;
                ResetDetectors();
                SetLevel(ChannelLevel.Ok, LevelReason.Recovered, value, 0);
            }

            bool withinLimits = value <= p.HighLimit && value >= p.LowLimit;
            int scoreLevel = (int)ChannelLevel.Ok;
            if (!learningAllowed)
            {
                scoreQ15 = 0;
            }
            else if (learnedWindows < p.LearnWindows)
            {
                if (withinLimits)
                {
                    Learn(value);
                }

                scoreQ15 = 0;
            }
            else
            {
                scoreQ15 = Score(value);
                scoreLevel = (int)ScoreLevel(scoreQ15);
            }

            int target = scoreLevel;
            LevelReason targetReason = LevelReason.ScoreHigh;
            if (value > p.HighLimit)
            {
                target = (int)ChannelLevel.Alarm;
                targetReason = LevelReason.AboveLimit;
            }
            else if (value < p.LowLimit)
            {
                target = (int)ChannelLevel.Alarm;
                targetReason = LevelReason.BelowLimit;
            }

            ApplyDwell((ChannelLevel)target, targetReason, value);

            if (learningAllowed && learnedWindows >= p.LearnWindows)
            {
                bool abnormal = level != ChannelLevel.Ok || scoreQ15 >= p.WatchRaiseQ15 || !withinLimits;
                if (!abnormal)
                {
                    frozenWindows = 0;
                    Adapt(value);
                }
                else
                {
                    if (frozenWindows < int.MaxValue)
                    {
                        frozenWindows++;
                    }

                    if (p.AdaptAfterWindows > 0 && frozenWindows > p.AdaptAfterWindows)
                    {
                        Adapt(value);
                    }
                }
            }
        }

        /// <summary>A window in which the sensor gave no reading: after MissingWindows in a row the channel faults.</summary>
        public void MarkSensorMissing()
        {
            levelChanged = false;
            goodWindows = 0;
            if (missingWindows < int.MaxValue)
            {
                missingWindows++;
            }

            if (missingWindows >= parameters.MissingWindows)
            {
                EnterFault(LevelReason.Missing, lastRaw);
            }
        }

        /// <summary>
        /// The learn command: forgets the baseline, the detectors and any fault, and starts learning
        /// again. The level returns to Ok, reported as a change with reason Relearn if it was not Ok.
        /// </summary>
        public void Relearn()
        {
            levelChanged = false;
            meanQ16 = 0;
            spreadQ16 = 0;
            highQ16 = 0;
            lowQ16 = 0;
            learnedWindows = 0;
            frozenWindows = 0;
            sameRunWindows = 0;
            missingWindows = 0;
            goodWindows = 0;
            hasLast = false;
            faultActive = false;
            ResetDetectors();
            if (level != ChannelLevel.Ok)
            {
                SetLevel(ChannelLevel.Ok, LevelReason.Relearn, lastRaw, 0);
            }

            scoreQ15 = 0;
        }

        private void EnterFault(LevelReason fault, int value)
        {
            goodWindows = 0;
            scoreQ15 = 0;
            dwellWindows = 0;
            if (!faultActive)
            {
                faultActive = true;
                SetLevel(ChannelLevel.Fault, fault, value, 0);
            }
        }

        private void ResetDetectors()
        {
            fastZQ8 = 0;
            cusumUpQ8 = 0;
            cusumDownQ8 = 0;
            dwellWindows = 0;
        }

        private void Learn(int value)
        {
            long xQ16 = (long)value << UnitShift;
            int n = learnedWindows + 1;
            if (n == 1)
            {
                meanQ16 = xQ16;
                spreadQ16 = 0;
                highQ16 = xQ16;
                lowQ16 = xQ16;
            }
            else
            {
                long deviation = xQ16 - meanQ16;
                if (n > LearnClipAfterWindows)
                {
                    deviation = Clip(deviation);
                }

                meanQ16 += IntDiv.RoundSat(deviation, n);
                long magnitude = deviation < 0 ? -deviation : deviation;
                spreadQ16 += IntDiv.RoundSat(magnitude - spreadQ16, n);
                if (xQ16 > highQ16)
                {
                    highQ16 = xQ16;
                }

                if (xQ16 < lowQ16)
                {
                    lowQ16 = xQ16;
                }
            }

            learnedWindows = n;
            if (n == parameters.LearnWindows)
            {
                ResetDetectors();
            }
        }

        private void Adapt(int value)
        {
            AnomalyParameters p = parameters;
            long xQ16 = (long)value << UnitShift;
            long deviation = Clip(xQ16 - meanQ16);
            long magnitude = deviation < 0 ? -deviation : deviation;
            meanQ16 += deviation >> p.AdaptShift;
            spreadQ16 += (magnitude - spreadQ16) >> p.AdaptShift;

            if (xQ16 > highQ16)
            {
                highQ16 = xQ16;
            }

            if (xQ16 < lowQ16)
            {
                lowQ16 = xQ16;
            }

            long margin = MarginQ16();
            long highFloor = meanQ16 + margin;
            long lowFloor = meanQ16 - margin;
            if (highQ16 <= highFloor)
            {
                highQ16 = highFloor;
            }
            else if (p.EnvelopeDecayShift > 0)
            {
                highQ16 -= (highQ16 - highFloor) >> p.EnvelopeDecayShift;
            }

            if (lowQ16 >= lowFloor)
            {
                lowQ16 = lowFloor;
            }
            else if (p.EnvelopeDecayShift > 0)
            {
                lowQ16 += (lowFloor - lowQ16) >> p.EnvelopeDecayShift;
            }
        }

        private int Score(int value)
        {
            AnomalyParameters p = parameters;
            long deviation = ((long)value << UnitShift) - meanQ16;
            long spread = EffectiveSpreadQ16();

            // Huber clip: one wild window cannot charge the smoothed or the CUSUM term.
            int zQ8 = ClampToInt(IntDiv.RoundSat(deviation << ZShift, spread), p.OutlierClipQ8);
            fastZQ8 += (zQ8 - fastZQ8) >> p.FastShift;
            cusumUpQ8 = ClampCusum((long)cusumUpQ8 + zQ8 - p.CusumSlackQ8);
            cusumDownQ8 = ClampCusum((long)cusumDownQ8 - zQ8 - p.CusumSlackQ8);

            long u = 0;
            if (p.EnvelopeRefQ8 > 0)
            {
                long margin = MarginQ16();
                long upWidth = highQ16 - meanQ16;
                long downWidth = meanQ16 - lowQ16;
                if (upWidth < margin)
                {
                    upWidth = margin;
                }

                if (downWidth < margin)
                {
                    downWidth = margin;
                }

                long excessQ16 = 0;
                if (deviation > upWidth)
                {
                    excessQ16 = Ratio(deviation - upWidth, upWidth, UShift);
                }
                else if (-deviation > downWidth)
                {
                    excessQ16 = Ratio(-deviation - downWidth, downWidth, UShift);
                }

                u = Max(u, Ratio(excessQ16, p.EnvelopeRefQ8, ZShift));
            }

            if (p.FastRefQ8 > 0)
            {
                long fast = fastZQ8 < 0 ? -(long)fastZQ8 : fastZQ8;
                u = Max(u, Ratio(fast, p.FastRefQ8, UShift));
            }

            if (p.CusumRefQ8 > 0)
            {
                long cusum = cusumUpQ8 > cusumDownQ8 ? cusumUpQ8 : cusumDownQ8;
                u = Max(u, Ratio(cusum, p.CusumRefQ8, UShift));
            }

            return Squash.RationalQ15(ClampToInt(u, int.MaxValue), 1 << UShift);
        }

        private ChannelLevel ScoreLevel(int score)
        {
            AnomalyParameters p = parameters;
            if (score >= p.AlarmRaiseQ15 || (level == ChannelLevel.Alarm && score >= p.AlarmClearQ15))
            {
                return ChannelLevel.Alarm;
            }

            if (score >= p.WatchRaiseQ15 || (level != ChannelLevel.Ok && score >= p.WatchClearQ15))
            {
                return ChannelLevel.Watch;
            }

            return ChannelLevel.Ok;
        }

        private void ApplyDwell(ChannelLevel target, LevelReason targetReason, int value)
        {
            AnomalyParameters p = parameters;
            if (target == level)
            {
                dwellWindows = 0;
                return;
            }

            bool raising = target > level;
            if (dwellWindows == 0 || raising != dwellRaising)
            {
                dwellRaising = raising;
                dwellWindows = 0;
                pendingLevel = target;
            }

            dwellWindows++;

            // A raise takes the mildest level seen during its dwell, a clear the worst.
            if (raising ? target < pendingLevel : target > pendingLevel)
            {
                pendingLevel = target;
            }

            if (raising)
            {
                pendingReason = targetReason;
            }

            if (dwellWindows >= (raising ? p.RaiseDwellWindows : p.ClearDwellWindows))
            {
                SetLevel(pendingLevel, raising ? pendingReason : LevelReason.Cleared, value, scoreQ15);
                dwellWindows = 0;
            }
        }

        private void SetLevel(ChannelLevel newLevel, LevelReason why, int value, int score)
        {
            previousLevel = level;
            level = newLevel;
            reason = why;
            eventValue = value;
            eventScoreQ15 = score;
            changeCount = changeCount == int.MaxValue ? 0 : changeCount + 1;
            levelChanged = true;
        }

        private long EffectiveSpreadQ16()
        {
            long floor = (long)parameters.SpreadFloor << UnitShift;
            long magnitude = meanQ16 < 0 ? -meanQ16 : meanQ16;
            long relative = magnitude / 1000 * parameters.SpreadFloorPerMille;
            if (relative > floor)
            {
                floor = relative;
            }

            return spreadQ16 > floor ? spreadQ16 : floor;
        }

        private long MarginQ16()
        {
            return (EffectiveSpreadQ16() * parameters.EnvelopeMarginQ8) >> ZShift;
        }

        private long Clip(long deviationQ16)
        {
            long limit = (EffectiveSpreadQ16() * parameters.OutlierClipQ8) >> ZShift;
            if (deviationQ16 > limit)
            {
                return limit;
            }

            return deviationQ16 < -limit ? -limit : deviationQ16;
        }

        /// <summary>numerator * 2^shift / denominator for numerator &gt;= 0, denominator &gt; 0, exact in 128 bits, saturated to long.</summary>
        private static long Ratio(long numerator, long denominator, int shift)
        {
            ulong quotient = MulDiv.RoundSat((ulong)numerator, 1UL << shift, (ulong)denominator);
            return quotient > long.MaxValue ? long.MaxValue : (long)quotient;
        }

        private static long Max(long a, long b)
        {
            return a > b ? a : b;
        }

        private static int ClampToInt(long value, int limit)
        {
            if (value > limit)
            {
                return limit;
            }

            return value < -limit ? -limit : (int)value;
        }

        private static int ClampCusum(long sum)
        {
            if (sum < 0)
            {
                return 0;
            }

            return sum > CusumLimitQ8 ? CusumLimitQ8 : (int)sum;
        }
    }
}
