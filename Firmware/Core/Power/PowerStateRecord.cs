using SensorNode.Core.Machine;
using SensorNode.Core.Node;

namespace SensorNode.Core.Power
{
    /// <summary>
    /// The power manager's and the machine detector's part of the saved node state (<see cref="NodeStateStore"/>). Times
    /// are ages at the moment of saving, so that they survive the node clock's restart at every boot; the wall time of
    /// the save, when known, turns them back into ages at the next boot.
    /// </summary>
    public sealed class PowerStateRecord
    {
        /// <summary>Mode in effect when saved.</summary>
        public PowerMode Mode { get; set; }

        /// <summary>Code of the mode's reason (<see cref="PowerReasons"/>).</summary>
        public int ModeReason { get; set; }

        /// <summary>Mode asked for with the <c>mode</c> command (auto when none).</summary>
        public PowerModeRequest Request { get; set; }

        /// <summary>Code of the request's source (<see cref="PowerReasons"/>).</summary>
        public int RequestReason { get; set; }

        /// <summary>Time in <see cref="Mode"/> when saved, ms.</summary>
        public long ModeAgeMs { get; set; }

        /// <summary>Machine state when saved.</summary>
        public MachineState Machine { get; set; }

        /// <summary>Machine state before the last change.</summary>
        public MachineState MachinePrevious { get; set; }

        /// <summary>False until the machine state has changed once (the detector's dwell applies from then on).</summary>
        public bool MachineChanged { get; set; }

        /// <summary>Time in <see cref="Machine"/> when saved, ms.</summary>
        public long MachineAgeMs { get; set; }

        /// <summary>Time since the machine last ran when saved, ms; -1 while it ran.</summary>
        public long NotRunningAgeMs { get; set; }

        /// <summary>Time the machine had been off when saved, ms; -1 unless off.</summary>
        public long OffAgeMs { get; set; }

        /// <summary>Time since the last complete report when saved, ms; -1 before the first.</summary>
        public long LastReportAgeMs { get; set; }

        /// <summary>Sequence number of the newest event recorded (delivered or not) when saved; 0 before the first.</summary>
        public long LastEventSeq { get; set; }

        /// <summary>Sequence number of the newest event delivered with the last complete report.</summary>
        public long ReportedSeq { get; set; }

        /// <summary>The deep sleep that followed the save, ms; 0 when none was planned.</summary>
        public long PlannedSleepMs { get; set; }

        /// <summary>Wall time of the save, Unix ms; 0 when unknown.</summary>
        public long SavedAtUnixMs { get; set; }
    }
}
