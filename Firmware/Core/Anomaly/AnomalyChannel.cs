using System;
using SensorNode.Core.Config;
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
    /// two-sided CUSUM (slack CusumSlack) catches slow drifts the smoothed z never sees. Each CUSUM sum
    /// stops at 8 CusumRef (score 0.89): a long fault cannot wind it up, so once the fault is gone the
    /// sum drains below the alarm clear threshold (score 0.6) within (8 - 1.5) CusumRef / CusumSlack
    /// windows and below the watch clear (0.4) within (8 - 0.67) CusumRef / CusumSlack (139 and 156
    /// with the defaults), instead of for about as long as the fault lasted. HighSideOnly scores only values above
    /// the mean, for features whose fall is no fault (a bearing cooling while the machine idles).
    /// ScoreQ15 = 32768 u / (u + 1), saturated to [0, 32767]: monotone, 0.5 at u = 1, the same
    /// statistic giving the same score on any channel. A term whose reference is 0 is off.
    ///
    /// Levels: Ok, Watch, Alarm from the score with hysteresis (raise/clear thresholds) and a dwell
    /// (consecutive windows) for raising and for clearing; an absolute limit breach heads for
    /// Alarm whether or not the baseline is learned, and such a window never enters the baseline. Faults (missing, stuck, impossible) take the
    /// channel to Fault at once (their counts are the dwell: MissingWindows unusable windows, missing
    /// or with a frozen raw output, or StuckWindows running windows of one repeated value), never touch the baseline, and clear
    /// after RecoverWindows good windows. While the machine does not run the channel does not
    /// score (its baseline describes the running machine): score 0, limits and faults still apply.
    ///
    /// Events: after each call, <see cref="LevelChanged"/> tells whether the level changed in that
    /// window; <see cref="PreviousLevel"/>, <see cref="Level"/>, <see cref="Reason"/>,
    /// <see cref="EventValue"/>, <see cref="EventScoreQ15"/> and <see cref="ChangeCount"/>
    /// describe the last change. Polling these properties allocates nothing.
    ///
    /// Persistence: <see cref="SaveState"/> and <see cref="RestoreState"/> carry everything below except the
    /// parameters reference and the per-window LevelChanged flag in <see cref="StateBytes"/> (95) bytes, versioned, so a
    /// node that deep-sleeps or reboots continues with its learned baseline instead of learning again.
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
        private const int CusumCapRefs = 8;
        private const int LearnClipAfterWindows = 8;
        private const int MaxLevel = (int)ChannelLevel.Alarm;
        private const int MaxReason = (int)LevelReason.Relearn;

        /// <summary>Bytes written by <see cref="SaveState"/>.</summary>
        public const int StateBytes = 95;

        /// <summary>Format of <see cref="SaveState"/>'s bytes; a change of the fields gets a new number.</summary>
        public const byte StateVersion = 1;

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
            Update(value, learningAllowed, learningAllowed);
        }

        /// <summary>
        /// One window's reading, with the stuck check and the baseline gated apart: <paramref name="running"/> is true
        /// while the machine runs (a reading that never changes then is a stuck sensor), <paramref name="learningAllowed"/>
        /// while its readings describe the baseline (learn, score, adapt), e.g. only once a slow quantity has settled after
        /// a start. Learning implies running.
        /// </summary>
        public void Update(int value, bool running, bool learningAllowed)
        {
            AnomalyParameters p = parameters;
            running = running || learningAllowed;
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
                    sameRunWindows = running ? 1 : 0;
                }
                else if (running && sameRunWindows < int.MaxValue)
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
            MarkUnusable(LevelReason.Missing, lastRaw);
        }

        /// <summary>
        /// A window whose reading cannot be real because the sensor's raw output did not move at all (it repeats one
        /// sample): the window is not scored, and after MissingWindows unusable windows in a row (missing or stuck) the
        /// channel faults as stuck with <paramref name="value"/>. For sensors whose raw samples reveal it directly, which is
        /// stronger than a feature repeating (<see cref="AnomalyParameters.StuckWindows"/>).
        /// </summary>
        public void MarkSensorStuck(int value)
        {
            MarkUnusable(LevelReason.Stuck, value);
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

        /// <summary>
        /// True while a level change is under way and more windows would settle it: a raise or clear dwell has started,
        /// windows without a reading are counting towards a missing fault, or a fault is counting its recovery windows.
        /// A node that samples in bursts keeps the burst going while this holds, so a change completes within one burst.
        /// </summary>
        public bool ChangePending => dwellWindows > 0 || (!faultActive && missingWindows > 0) || (faultActive && goodWindows > 0);

        /// <summary>
        /// Writes the channel's state (baseline, envelope, detectors, dwell and fault counters, level; not the parameters)
        /// as <see cref="StateBytes"/> bytes at <paramref name="offset"/>: byte 0 is <see cref="StateVersion"/>, then
        /// little-endian integers. For keeping what the channel has learned across a deep sleep or a reboot. Returns the
        /// number of bytes written; throws <see cref="ArgumentException"/> when the buffer has no room. Allocates nothing.
        /// </summary>
        public int SaveState(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || offset > buffer.Length - StateBytes)
            {
                throw new ArgumentException("no room for the channel state");
            }

            int p = offset;
            buffer[p++] = StateVersion;
            p = LittleEndian.PutInt64(buffer, p, meanQ16);
            p = LittleEndian.PutInt64(buffer, p, spreadQ16);
            p = LittleEndian.PutInt64(buffer, p, highQ16);
            p = LittleEndian.PutInt64(buffer, p, lowQ16);
            p = LittleEndian.PutInt32(buffer, p, fastZQ8);
            p = LittleEndian.PutInt32(buffer, p, cusumUpQ8);
            p = LittleEndian.PutInt32(buffer, p, cusumDownQ8);
            p = LittleEndian.PutInt32(buffer, p, learnedWindows);
            p = LittleEndian.PutInt32(buffer, p, frozenWindows);
            p = LittleEndian.PutInt32(buffer, p, dwellWindows);
            p = LittleEndian.PutInt32(buffer, p, lastRaw);
            p = LittleEndian.PutInt32(buffer, p, sameRunWindows);
            p = LittleEndian.PutInt32(buffer, p, missingWindows);
            p = LittleEndian.PutInt32(buffer, p, goodWindows);
            p = LittleEndian.PutInt32(buffer, p, scoreQ15);
            p = LittleEndian.PutInt32(buffer, p, eventValue);
            p = LittleEndian.PutInt32(buffer, p, eventScoreQ15);
            p = LittleEndian.PutInt32(buffer, p, changeCount);
            buffer[p++] = (byte)level;
            buffer[p++] = (byte)previousLevel;
            buffer[p++] = (byte)reason;
            buffer[p++] = (byte)pendingLevel;
            buffer[p++] = (byte)pendingReason;
            buffer[p++] = (byte)((dwellRaising ? 1 : 0) | (hasLast ? 2 : 0) | (faultActive ? 4 : 0));
            return p - offset;
        }

        /// <summary>
        /// Restores a state written by <see cref="SaveState"/>: the channel continues where it was, learned baseline
        /// included, and <see cref="LevelChanged"/> is false. Returns false, changing nothing, when the bytes are not a
        /// state of this version (wrong version byte, too short, an unknown level or reason, a negative counter or spread).
        /// The bytes' integrity (CRC) is the caller's file format's job. Allocates nothing.
        /// </summary>
        public bool RestoreState(byte[] buffer, int offset, int count)
        {
            if (buffer == null || offset < 0 || count < StateBytes || offset > buffer.Length - StateBytes
                || buffer[offset] != StateVersion)
            {
                return false;
            }

            int p = offset + 1;
            long mean = LittleEndian.GetInt64(buffer, p);
            long spread = LittleEndian.GetInt64(buffer, p + 8);
            long high = LittleEndian.GetInt64(buffer, p + 16);
            long low = LittleEndian.GetInt64(buffer, p + 24);
            p += 32;
            int fast = LittleEndian.GetInt32(buffer, p);
            int up = LittleEndian.GetInt32(buffer, p + 4);
            int down = LittleEndian.GetInt32(buffer, p + 8);
            int learned = LittleEndian.GetInt32(buffer, p + 12);
            int frozen = LittleEndian.GetInt32(buffer, p + 16);
            int dwell = LittleEndian.GetInt32(buffer, p + 20);
            int raw = LittleEndian.GetInt32(buffer, p + 24);
            int sameRun = LittleEndian.GetInt32(buffer, p + 28);
            int missing = LittleEndian.GetInt32(buffer, p + 32);
            int good = LittleEndian.GetInt32(buffer, p + 36);
            int score = LittleEndian.GetInt32(buffer, p + 40);
            int value = LittleEndian.GetInt32(buffer, p + 44);
            int eventScore = LittleEndian.GetInt32(buffer, p + 48);
            int changes = LittleEndian.GetInt32(buffer, p + 52);
            p += 56;
            int lvl = buffer[p];
            int prev = buffer[p + 1];
            int why = buffer[p + 2];
            int pending = buffer[p + 3];
            int pendingWhy = buffer[p + 4];
            int flags = buffer[p + 5];
            bool valid = spread >= 0 && up >= 0 && down >= 0 && learned >= 0 && frozen >= 0 && dwell >= 0 && sameRun >= 0
                && missing >= 0 && good >= 0 && score >= 0 && changes >= 0 && lvl <= MaxLevel && prev <= MaxLevel
                && pending <= MaxLevel && why <= MaxReason && pendingWhy <= MaxReason && flags < 8;
            if (!valid)
            {
                return false;
            }

            meanQ16 = mean;
            spreadQ16 = spread;
            highQ16 = high;
            lowQ16 = low;
            fastZQ8 = fast;
            cusumUpQ8 = up;
            cusumDownQ8 = down;
            learnedWindows = learned;
            frozenWindows = frozen;
            dwellWindows = dwell;
            lastRaw = raw;
            sameRunWindows = sameRun;
            missingWindows = missing;
            goodWindows = good;
            scoreQ15 = score;
            eventValue = value;
            eventScoreQ15 = eventScore;
            changeCount = changes;
            level = (ChannelLevel)lvl;
            previousLevel = (ChannelLevel)prev;
            reason = (LevelReason)why;
            pendingLevel = (ChannelLevel)pending;
            pendingReason = (LevelReason)pendingWhy;
            dwellRaising = (flags & 1) != 0;
            hasLast = (flags & 2) != 0;
            faultActive = (flags & 4) != 0;
            levelChanged = false;
            return true;
        }

        private void MarkUnusable(LevelReason fault, int value)
        {
            levelChanged = false;
            goodWindows = 0;
            if (missingWindows < int.MaxValue)
            {
                missingWindows++;
            }

            if (missingWindows >= parameters.MissingWindows)
            {
                EnterFault(fault, value);
            }
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
            if (p.HighSideOnly && deviation < 0)
            {
                deviation = 0;
            }

            long spread = EffectiveSpreadQ16();

            // Huber clip: one wild window cannot charge the smoothed or the CUSUM term.
            int zQ8 = ClampToInt(IntDiv.RoundSat(deviation << ZShift, spread), p.OutlierClipQ8);
            fastZQ8 += (zQ8 - fastZQ8) >> p.FastShift;
            int cusumCap = CusumCapQ8(p);
            cusumUpQ8 = ClampCusum((long)cusumUpQ8 + zQ8 - p.CusumSlackQ8, cusumCap);
            cusumDownQ8 = ClampCusum((long)cusumDownQ8 - zQ8 - p.CusumSlackQ8, cusumCap);

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

        // Anti-windup: a scored CUSUM stops at CusumCapRefs references (score 0.89), so however long a fault lasted, the
        // sum drains below the alarm clear within (CusumCapRefs - 1.5) * CusumRef / CusumSlack windows of the fault's end.
        private static int CusumCapQ8(AnomalyParameters p)
        {
            long cap = (long)p.CusumRefQ8 * CusumCapRefs;
            return p.CusumRefQ8 == 0 || cap > CusumLimitQ8 ? CusumLimitQ8 : (int)cap;
        }

        private static int ClampCusum(long sum, int cap)
        {
            if (sum < 0)
            {
                return 0;
            }

            return sum > cap ? cap : (int)sum;
        }
    }
}
