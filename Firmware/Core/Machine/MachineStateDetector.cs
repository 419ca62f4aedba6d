using System;

namespace SensorNode.Core.Machine
{
    /// <summary>
    /// Decides Off, Idle or Running once per window from current RMS and vibration energy, with a
    /// debounce (consecutive windows agreeing on the new state) and a minimum dwell (time the
    /// current state has been held, from the caller's clock). Starts in Off; the first change has
    /// no dwell to wait for. After each <see cref="Update"/>, <see cref="StateChanged"/> tells
    /// whether that window changed the state; <see cref="PreviousState"/>, <see cref="State"/> and
    /// <see cref="ChangedAtMs"/> are the event. No allocation.
    /// </summary>
    public sealed class MachineStateDetector
    {
        private readonly MachineStateParameters parameters;
        private MachineState candidate;
        private int agreeingWindows;
        private bool dwellStarted;

        /// <summary>Creates a detector in Off. The parameters are validated and kept by reference.</summary>
        public MachineStateDetector(MachineStateParameters parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException(nameof(parameters));
            }

            parameters.Validate();
            this.parameters = parameters;
        }

        /// <summary>Current state.</summary>
        public MachineState State { get; private set; }

        /// <summary>State before the last change.</summary>
        public MachineState PreviousState { get; private set; }

        /// <summary>Caller's clock time of the last change, ms (0 before the first).</summary>
        public long ChangedAtMs { get; private set; }

        /// <summary>True if the last <see cref="Update"/> changed the state.</summary>
        public bool StateChanged { get; private set; }

        /// <summary>Number of changes since construction; wraps at int.MaxValue.</summary>
        public int ChangeCount { get; private set; }

        /// <summary>True while the machine runs: the anomaly channels' learningAllowed.</summary>
        public bool IsRunning => State == MachineState.Running;

        /// <summary>True while windows are agreeing on a new state that the debounce or the dwell has not let through yet.</summary>
        public bool ChangePending => agreeingWindows > 0;

        /// <summary>
        /// Continues from a state kept across a deep sleep or a reboot: <paramref name="state"/> since
        /// <paramref name="changedAtMs"/> (the caller's clock; negative for a change before this boot), with
        /// <paramref name="previous"/> before it. <paramref name="dwellStarted"/> is false when no change has happened yet
        /// (the first change then has no dwell to wait for). No change is pending afterwards, and
        /// <see cref="StateChanged"/> is false.
        /// </summary>
        public void Restore(MachineState state, MachineState previous, long changedAtMs, bool dwellStarted)
        {
            State = state;
            PreviousState = previous;
            ChangedAtMs = changedAtMs;
            this.dwellStarted = dwellStarted;
            candidate = state;
            agreeingWindows = 0;
            StateChanged = false;
        }

        /// <summary>True once a change has happened (the dwell applies from then on).</summary>
        public bool HasChanged => dwellStarted;

        /// <summary>The state one window's readings point to, before debounce and dwell.</summary>
        public MachineState Classify(int currentRmsMa, int vibrationMilliG)
        {
            MachineStateParameters p = parameters;
            if (currentRmsMa >= p.CurrentRunMa || vibrationMilliG >= p.VibrationRunMilliG)
            {
                return MachineState.Running;
            }

            if (currentRmsMa < p.CurrentOffMa && vibrationMilliG < p.VibrationOffMilliG)
            {
                return MachineState.Off;
            }

            return MachineState.Idle;
        }

        /// <summary>One window: current RMS in mA, acceleration RMS in milli-g, and the time from the node's IClock in ms.</summary>
        public void Update(int currentRmsMa, int vibrationMilliG, long nowMs)
        {
            StateChanged = false;
            MachineState seen = Classify(currentRmsMa, vibrationMilliG);
            if (seen == State)
            {
                agreeingWindows = 0;
                return;
            }

            if (agreeingWindows == 0 || seen != candidate)
            {
                candidate = seen;
                agreeingWindows = 0;
            }

            if (agreeingWindows < int.MaxValue)
            {
                agreeingWindows++;
            }

            bool debounced = agreeingWindows >= parameters.DebounceWindows;
            bool dwelled = !dwellStarted || nowMs - ChangedAtMs >= parameters.MinDwellMs;
            if (debounced && dwelled)
            {
                PreviousState = State;
                State = candidate;
                ChangedAtMs = nowMs;
                dwellStarted = true;
                agreeingWindows = 0;
                StateChanged = true;
                ChangeCount = ChangeCount == int.MaxValue ? 0 : ChangeCount + 1;
            }
        }
    }
}
