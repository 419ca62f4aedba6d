using SensorNode.Core.Anomaly;
using SensorNode.Core.Config;
using SensorNode.Core.Machine;
using SensorNode.Core.Signal;
using SensorNode.Hardware;

namespace SensorNode.Core.Node
{
    /// <summary>
    /// The wire names of the node's enums, as the console prints them and the JSON carries them: lower-case snake_case
    /// constants, so naming allocates nothing (nanoFramework's Enum.ToString gives the number, not the name). A value
    /// outside an enum's members gives "unknown".
    /// </summary>
    public static class NodeNames
    {
        /// <summary>Name for anything outside an enum's members.</summary>
        public const string Unknown = "unknown";

        /// <summary>"alarm", "clear", "fault", "machine", "power", "boot", "config" or "error".</summary>
        public static string EventType(EventType type)
        {
            switch (type)
            {
                case Node.EventType.Alarm: return "alarm";
                case Node.EventType.Clear: return "clear";
                case Node.EventType.Fault: return "fault";
                case Node.EventType.Machine: return "machine";
                case Node.EventType.Power: return "power";
                case Node.EventType.Boot: return "boot";
                case Node.EventType.Config: return "config";
                case Node.EventType.Error: return "error";
                default: return Unknown;
            }
        }

        /// <summary>"ok", "watch", "fault" or "alarm".</summary>
        public static string Level(ChannelLevel level)
        {
            switch (level)
            {
                case ChannelLevel.Ok: return "ok";
                case ChannelLevel.Watch: return "watch";
                case ChannelLevel.Fault: return "fault";
                case ChannelLevel.Alarm: return "alarm";
                default: return Unknown;
            }
        }

        /// <summary>"off", "idle" or "running".</summary>
        public static string Machine(MachineState state)
        {
            switch (state)
            {
                case MachineState.Off: return "off";
                case MachineState.Idle: return "idle";
                case MachineState.Running: return "running";
                default: return Unknown;
            }
        }

        /// <summary>The reason of a channel level change, e.g. "above_limit".</summary>
        public static string Reason(LevelReason reason)
        {
            switch (reason)
            {
                case LevelReason.None: return "none";
                case LevelReason.ScoreHigh: return "score_high";
                case LevelReason.AboveLimit: return "above_limit";
                case LevelReason.BelowLimit: return "below_limit";
                case LevelReason.Stuck: return "stuck";
                case LevelReason.Missing: return "missing";
                case LevelReason.Impossible: return "impossible";
                case LevelReason.Recovered: return "recovered";
                case LevelReason.Cleared: return "cleared";
                case LevelReason.Relearn: return "relearn";
                default: return Unknown;
            }
        }

        /// <summary>A sensor read status, e.g. "ok", "bus_error", "not_fitted".</summary>
        public static string SensorStatus(SensorReadStatus status)
        {
            switch (status)
            {
                case SensorReadStatus.Ok: return "ok";
                case SensorReadStatus.BusError: return "bus_error";
                case SensorReadStatus.NotPresent: return "not_present";
                case SensorReadStatus.OutOfRange: return "out_of_range";
                case SensorReadStatus.Overrun: return "overrun";
                case SensorReadStatus.Fault: return "fault";
                case SensorReadStatus.NotReady: return "not_ready";
                case SensorReadStatus.OpenCircuit: return "open_circuit";
                case SensorReadStatus.ShortCircuit: return "short_circuit";
                case SensorReadStatus.OverUnderVoltage: return "over_under_voltage";
                case SensorReadStatus.NotFitted: return "not_fitted";
                default: return Unknown;
            }
        }

        /// <summary>"A", "B", "C" or "D".</summary>
        public static string Zone(IsoZone zone)
        {
            switch (zone)
            {
                case IsoZone.A: return "A";
                case IsoZone.B: return "B";
                case IsoZone.C: return "C";
                case IsoZone.D: return "D";
                default: return Unknown;
            }
        }

        /// <summary>"auto", "active", "eco" or "sleep"; also the console's spelling for the <c>mode</c> command.</summary>
        public static string PowerMode(PowerModeRequest mode)
        {
            switch (mode)
            {
                case PowerModeRequest.Auto: return "auto";
                case PowerModeRequest.Active: return "active";
                case PowerModeRequest.Eco: return "eco";
                case PowerModeRequest.Sleep: return "sleep";
                default: return Unknown;
            }
        }

        /// <summary>Boot reason from the wake cause: "power_on", "timer", "console_uart", "pin" or "other".</summary>
        public static string Wake(WakeCause cause)
        {
            switch (cause)
            {
                case WakeCause.PowerOn: return "power_on";
                case WakeCause.Timer: return "timer";
                case WakeCause.ConsoleUart: return "console_uart";
                case WakeCause.Pin: return "pin";
                case WakeCause.Other: return "other";
                default: return Unknown;
            }
        }

        /// <summary>"loaded", "defaults" or "recovered".</summary>
        public static string ConfigLoad(ConfigLoadOutcome outcome)
        {
            switch (outcome)
            {
                case ConfigLoadOutcome.Loaded: return "loaded";
                case ConfigLoadOutcome.Defaults: return "defaults";
                case ConfigLoadOutcome.Recovered: return "recovered";
                default: return Unknown;
            }
        }

        /// <summary>A scheduler step, e.g. "vibration", "anomaly" (the channel of its error events).</summary>
        public static string Subsystem(NodeSubsystem subsystem)
        {
            switch (subsystem)
            {
                case NodeSubsystem.Config: return "config";
                case NodeSubsystem.Vibration: return "vibration";
                case NodeSubsystem.Temperature: return "temperature";
                case NodeSubsystem.Current: return "current";
                case NodeSubsystem.Features: return "features";
                case NodeSubsystem.Machine: return "machine";
                case NodeSubsystem.Anomaly: return "anomaly";
                case NodeSubsystem.Health: return "health";
                case NodeSubsystem.Publish: return "publish";
                default: return Unknown;
            }
        }
    }
}
