using System;
using SensorNode.Core.Anomaly;
using SensorNode.Core.Config;
using SensorNode.Core.Machine;
using SensorNode.Core.Node;
using SensorNode.Hardware;

namespace SensorNode.Core.Power
{
    /// <summary>
    /// The node state that must survive a deep sleep or a reboot, in one small file: every anomaly channel's learned
    /// state (<see cref="AnomalyChannel.SaveState"/>) and the <see cref="PowerStateRecord"/> (power mode and request,
    /// machine state, report bookkeeping). Event sequence numbers and undelivered events are the publisher's (see
    /// <see cref="IPowerAnnouncer.SavePending"/>): one mechanism for them, not two.
    /// </summary>
    /// <remarks>
    /// <para>Format (little-endian), version <see cref="FormatVersion"/>: "NSTA", version, channel count, bytes per channel,
    /// flags; mode, request, reason codes; machine states; then the ages and counters of the record (8 bytes each); then
    /// each channel's state; then a CRC-32 of everything before it. A different version, channel count or channel size is
    /// <see cref="StateLoadOutcome.Incompatible"/>: the node starts afresh rather than misread a baseline.</para>
    /// <para>Atomic save, as the config's: write <see cref="TempFileName"/>, read it back and compare, rename it over
    /// <see cref="FileName"/>. A power cut leaves either the old or the new file. Load takes <see cref="FileName"/>, or an
    /// intact <see cref="TempFileName"/> when the cut fell between the check and the rename.</para>
    /// <para>When to save is the <see cref="PowerManager"/>'s write policy; this class only writes when told. Buffers are
    /// allocated once; Load and Save allocate nothing. Not thread-safe.</para>
    /// </remarks>
    public sealed class NodeStateStore
    {
        /// <summary>The state file.</summary>
        public const string FileName = "state.dat";

        /// <summary>Written and verified before it replaces <see cref="FileName"/>.</summary>
        public const string TempFileName = "state.tmp";

        /// <summary>Format of the file; a change of layout gets a new number.</summary>
        public const byte FormatVersion = 1;

        private const int HeaderBytes = 96;
        private const int CrcBytes = 4;
        private const int FlagMachineChanged = 1;
        private const int FlagPlannedSleep = 2;

        private readonly IFileStorage storage;
        private readonly byte[] buffer;
        private readonly byte[] readBack;
        private readonly int fileBytes;

        /// <summary>A store on <paramref name="storage"/> for the node's <see cref="NodeChannels.Count"/> channels.</summary>
        public NodeStateStore(IFileStorage storage)
        {
            if (storage == null)
            {
                throw new ArgumentNullException(nameof(storage));
            }

            this.storage = storage;
            fileBytes = HeaderBytes + NodeChannels.Count * AnomalyChannel.StateBytes + CrcBytes;
            buffer = new byte[fileBytes];
            readBack = new byte[fileBytes];
        }

        /// <summary>What was loaded, or what to save: the caller fills it before <see cref="Save"/>.</summary>
        public PowerStateRecord Record { get; } = new PowerStateRecord();

        /// <summary>Size of the file, bytes.</summary>
        public int FileBytes => fileBytes;

        /// <summary>Successful saves since construction.</summary>
        public int Writes { get; private set; }

        /// <summary>Status of the last failed storage step of <see cref="Save"/> (Ok after a successful save).</summary>
        public StorageStatus LastSaveStatus { get; private set; }

        /// <summary>
        /// Reads the state. On <see cref="StateLoadOutcome.Loaded"/> the channels of <paramref name="core"/> hold their
        /// saved state and <see cref="Record"/> the rest; otherwise nothing in the core changed.
        /// </summary>
        public StateLoadOutcome Load(SensorNodeCore core)
        {
            if (core == null)
            {
                throw new ArgumentNullException(nameof(core));
            }

            StateLoadOutcome outcome = LoadFile(FileName, core);
            if (outcome == StateLoadOutcome.Loaded || outcome == StateLoadOutcome.Incompatible)
            {
                return outcome;
            }

            // A cut between the temp file's check and the rename leaves an intact temp file: it is the newest state.
            StateLoadOutcome fromTemp = LoadFile(TempFileName, core);
            if (fromTemp == StateLoadOutcome.Loaded)
            {
                return fromTemp;
            }

            return outcome;
        }

        /// <summary>
        /// Writes <see cref="Record"/> and the channels of <paramref name="core"/> atomically (temp file, read back,
        /// rename). Returns false, with <see cref="LastSaveStatus"/> set, when a step failed; the old file then stands.
        /// </summary>
        public bool Save(SensorNodeCore core)
        {
            if (core == null)
            {
                throw new ArgumentNullException(nameof(core));
            }

            Encode(core);
            StorageStatus status = VerifiedWrite.Write(storage, TempFileName, buffer, fileBytes, readBack);
            if (status == StorageStatus.Ok)
            {
                status = storage.Rename(TempFileName, FileName);
            }

            LastSaveStatus = status;
            if (status != StorageStatus.Ok)
            {
                return false;
            }

            Writes++;
            return true;
        }

        private void Encode(SensorNodeCore core)
        {
            PowerStateRecord r = Record;
            for (int i = 0; i < HeaderBytes; i++)
            {
                buffer[i] = 0;
            }

            buffer[0] = (byte)'N';
            buffer[1] = (byte)'S';
            buffer[2] = (byte)'T';
            buffer[3] = (byte)'A';
            buffer[4] = FormatVersion;
            buffer[5] = (byte)NodeChannels.Count;
            buffer[6] = (byte)AnomalyChannel.StateBytes;
            buffer[7] = (byte)((r.MachineChanged ? FlagMachineChanged : 0) | (r.PlannedSleepMs > 0 ? FlagPlannedSleep : 0));
            buffer[8] = (byte)r.Mode;
            buffer[9] = (byte)r.Request;
            buffer[10] = (byte)r.ModeReason;
            buffer[11] = (byte)r.RequestReason;
            buffer[12] = (byte)r.Machine;
            buffer[13] = (byte)r.MachinePrevious;
            LittleEndian.PutInt64(buffer, 16, r.ModeAgeMs);
            LittleEndian.PutInt64(buffer, 24, r.MachineAgeMs);
            LittleEndian.PutInt64(buffer, 32, r.NotRunningAgeMs);
            LittleEndian.PutInt64(buffer, 40, r.OffAgeMs);
            LittleEndian.PutInt64(buffer, 48, r.LastReportAgeMs);
            LittleEndian.PutInt64(buffer, 56, r.ReportedSeq);
            LittleEndian.PutInt64(buffer, 64, r.PlannedSleepMs);
            LittleEndian.PutInt64(buffer, 72, r.SavedAtUnixMs);
            LittleEndian.PutInt64(buffer, 80, r.LastEventSeq);
            int position = HeaderBytes;
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                position += core.Channel(i).SaveState(buffer, position);
            }

            LittleEndian.PutUInt32(buffer, position, Crc32.Compute(buffer, 0, position));
        }

        private StateLoadOutcome LoadFile(string name, SensorNodeCore core)
        {
            int length;
            StorageStatus status = storage.Read(name, readBack, out length);
            if (status == StorageStatus.NotFound)
            {
                return StateLoadOutcome.NoFile;
            }

            if (status != StorageStatus.Ok || length < HeaderBytes + CrcBytes || readBack[0] != 'N' || readBack[1] != 'S'
                || readBack[2] != 'T' || readBack[3] != 'A')
            {
                return StateLoadOutcome.Corrupt;
            }

            if (LittleEndian.GetUInt32(readBack, length - CrcBytes) != Crc32.Compute(readBack, 0, length - CrcBytes))
            {
                return StateLoadOutcome.Corrupt;
            }

            if (readBack[4] != FormatVersion || readBack[5] != NodeChannels.Count || readBack[6] != AnomalyChannel.StateBytes
                || length != fileBytes || readBack[8] > (byte)PowerMode.Sleep || readBack[9] > (byte)PowerModeRequest.Sleep
                || readBack[12] > (byte)MachineState.Running || readBack[13] > (byte)MachineState.Running)
            {
                return StateLoadOutcome.Incompatible;
            }

            // All channels or none: a block that does not restore sends every channel back to learning.
            int position = HeaderBytes;
            for (int i = 0; i < NodeChannels.Count; i++)
            {
                if (!core.Channel(i).RestoreState(readBack, position, AnomalyChannel.StateBytes))
                {
                    for (int j = 0; j < i; j++)
                    {
                        core.Channel(j).Relearn();
                    }

                    return StateLoadOutcome.Incompatible;
                }

                position += AnomalyChannel.StateBytes;
            }

            PowerStateRecord r = Record;
            r.MachineChanged = (readBack[7] & FlagMachineChanged) != 0;
            r.Mode = (PowerMode)readBack[8];
            r.Request = (PowerModeRequest)readBack[9];
            r.ModeReason = readBack[10];
            r.RequestReason = readBack[11];
            r.Machine = (MachineState)readBack[12];
            r.MachinePrevious = (MachineState)readBack[13];
            r.ModeAgeMs = LittleEndian.GetInt64(readBack, 16);
            r.MachineAgeMs = LittleEndian.GetInt64(readBack, 24);
            r.NotRunningAgeMs = LittleEndian.GetInt64(readBack, 32);
            r.OffAgeMs = LittleEndian.GetInt64(readBack, 40);
            r.LastReportAgeMs = LittleEndian.GetInt64(readBack, 48);
            r.ReportedSeq = LittleEndian.GetInt64(readBack, 56);
            r.PlannedSleepMs = (readBack[7] & FlagPlannedSleep) != 0 ? LittleEndian.GetInt64(readBack, 64) : 0;
            r.SavedAtUnixMs = LittleEndian.GetInt64(readBack, 72);
            r.LastEventSeq = LittleEndian.GetInt64(readBack, 80);
            return StateLoadOutcome.Loaded;
        }
    }
}
