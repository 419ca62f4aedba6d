using System;
using SensorNode.Core.Config;
using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
using SensorNode.Hardware;

namespace SensorNode.Core.Console
{
    /// <summary>
    /// The one command interpreter of the serial console and the MQTT command topic: one line in, one
    /// <see cref="ConsoleReply"/> out. Commands: help, status, sensors, config, get, set, save, defaults, learn, mode,
    /// events, bench, mqtt, version, reboot (see <c>help</c>); status, sensors, config, get, events, mqtt and version take
    /// a trailing <c>json</c> for a JSON reply (status json is the MQTT state, <see cref="StateJson"/>).
    /// </summary>
    /// <remarks>
    /// <para>Input: at most <see cref="LineAssembler.DefaultMaxLineChars"/> printable ASCII characters (tab counts as a
    /// space); command words and <c>json</c> are matched ignoring case, setting keys too. A blank line gives an empty,
    /// successful reply. Everything else that is wrong (unknown command, missing or extra arguments, a bad number, a bad
    /// value, a long line, control characters) gives exactly one line "error: ..." and changes nothing: no setting, no
    /// event, no mode.</para>
    /// <para><c>set &lt;key&gt; &lt;value&gt;</c> takes the rest of the line after the key as the value, spaces included;
    /// a value in double quotes loses them (<c>""</c> is the empty text).</para>
    /// <para>Remote lines (<see cref="SettingSource.Remote"/>) run the same commands, except: set of a secret or
    /// console-only setting is refused by the <see cref="ConfigStore"/>, and <c>defaults</c> is refused because it
    /// would erase the network settings and strand the node. <c>reboot</c> is allowed remotely: the saved settings
    /// bring the node back onto the broker.</para>
    /// <para>Changes are recorded as events: a set that changes a value, save, defaults (type config), mode (type power),
    /// and relearned channels that were not ok (type clear).</para>
    /// <para>Memory: parsing and most replies allocate nothing; set, get, help details, error messages naming the input
    /// and bench allocate (command rate, never per sample). Not thread-safe: call from the node's loop thread.</para>
    /// </remarks>
    public sealed class CommandInterpreter
    {
        /// <summary>Size of the JSON buffer for json replies, bytes: status json takes about 1.1 KB, an event about 150 bytes.</summary>
        public const int JsonBufferBytes = 2048;

        /// <summary>Events listed by <c>events</c> without a count.</summary>
        public const int DefaultEventCount = 10;

        private const int Help = 0;
        private const int Status = 1;
        private const int Sensors = 2;
        private const int ConfigList = 3;
        private const int Get = 4;
        private const int Set = 5;
        private const int Save = 6;
        private const int Defaults = 7;
        private const int Learn = 8;
        private const int Mode = 9;
        private const int Events = 10;
        private const int Bench = 11;
        private const int Mqtt = 12;
        private const int Version = 13;
        private const int Reboot = 14;
        private const int CommandCount = 15;

        private static readonly string[] Names =
        {
            "help", "status", "sensors", "config", "get", "set", "save", "defaults", "learn", "mode", "events", "bench",
            "mqtt", "version", "reboot",
        };

        private static readonly string[] Usages =
        {
            "help [command]", "status [json]", "sensors [json]", "config [json]", "get <key> [json]", "set <key> <value>",
            "save", "defaults", "learn [channel]", "mode <auto|active|eco|sleep>", "events [n] [json]", "bench",
            "mqtt [json]", "version [json]", "reboot",
        };

        private static readonly string[] Descriptions =
        {
            "list the commands, or show one command's usage",
            "health, machine state, features and anomaly channels",
            "each sensor's status and last reading",
            "every setting, secrets masked",
            "one setting with its unit, allowed values and default",
            "change a setting (value: rest of the line, \"\" for empty); save keeps it",
            "write the settings to flash",
            "put every setting back to its default (serial console only)",
            "relearn the baseline of one channel, or of all",
            "ask for a power mode (auto follows the machine)",
            "the last n events, oldest first (default 10)",
            "time the vibration pipeline on this board",
            "broker connection and event queue",
            "firmware version",
            "restart the node (unsaved settings are lost)",
        };

        // Arguments after the command word, not counting a trailing json; set's value is the rest of the line.
        private static readonly int[] MinArgs = { 0, 0, 0, 0, 1, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0 };
        private static readonly int[] MaxArgs = { 1, 0, 0, 0, 1, 2, 0, 0, 1, 1, 1, 0, 0, 0, 0 };
        private static readonly bool[] TakesJson =
        {
            false, true, true, true, true, false, false, false, false, false, true, false, true, true, false,
        };

        private readonly SensorNodeCore node;
        private readonly ConfigStore config;
        private readonly IFileStorage storage;
        private readonly ISystemControl system;
        private readonly CommandLine line = new CommandLine();
        private readonly JsonWriter json = new JsonWriter(new byte[JsonBufferBytes]);

        /// <summary>Creates the interpreter for <paramref name="node"/>, saving to <paramref name="storage"/>, rebooting through <paramref name="system"/>.</summary>
        public CommandInterpreter(SensorNodeCore node, IFileStorage storage, ISystemControl system)
        {
            if (node == null)
            {
                throw new ArgumentNullException(nameof(node));
            }

            if (storage == null)
            {
                throw new ArgumentNullException(nameof(storage));
            }

            if (system == null)
            {
                throw new ArgumentNullException(nameof(system));
            }

            this.node = node;
            config = node.Config;
            this.storage = storage;
            this.system = system;
        }

        /// <summary>
        /// Runs one command line from <paramref name="source"/> and writes the answer into <paramref name="reply"/>
        /// (reset first). Never throws for any input; see the class remarks for the rules.
        /// </summary>
        public void Execute(string text, SettingSource source, ConsoleReply reply)
        {
            reply.Reset();
            if (text == null)
            {
                return;
            }

            if (text.Length > LineAssembler.DefaultMaxLineChars)
            {
                reply.Fail("line longer than 128 characters; discarded");
                return;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if ((c < ' ' || c > '~') && c != '\t')
                {
                    reply.Fail("control or non-ASCII character in the line; discarded");
                    return;
                }
            }

            line.Parse(text);
            if (line.Count == 0)
            {
                return;
            }

            int command = FindCommand(0);
            if (command < 0)
            {
                reply.Fail("unknown command '");
                reply.AppendUserText(line.Token(0));
                reply.Append("'; type help for the list");
                return;
            }

            int args = line.Count - 1;
            bool wantJson = false;
            if (TakesJson[command] && args > 0 && line.Is(line.Count - 1, "json"))
            {
                wantJson = true;
                args--;
            }

            if (command != Set && (line.TooMany || args > MaxArgs[command]))
            {
                FailUsage(reply, command, "too many arguments");
                return;
            }

            if (args < MinArgs[command])
            {
                FailUsage(reply, command, "missing argument");
                return;
            }

            if (command == Defaults && source != SettingSource.Console)
            {
                reply.Fail("defaults only runs on the serial console: it would erase the network settings");
                return;
            }

            Dispatch(command, args, wantJson, source, reply);
        }

        /// <summary>Writes the one error line for a line the <see cref="LineAssembler"/> rejected.</summary>
        public static void DescribeLineError(LineAssembler assembler, ConsoleReply reply)
        {
            if (assembler.Error == LineError.TooLong)
            {
                reply.Fail("line longer than ");
                reply.AppendInt(assembler.MaxLineChars);
                reply.Append(" characters; discarded");
                return;
            }

            reply.Fail("control or non-ASCII byte 0x");
            AppendHexByte(reply, assembler.BadByte);
            reply.Append(" in the line; discarded");
        }

        private void Dispatch(int command, int args, bool wantJson, SettingSource source, ConsoleReply reply)
        {
            switch (command)
            {
                case Help:
                    RunHelp(args, reply);
                    break;
                case Status:
                    if (wantJson)
                    {
                        json.Reset();
                        StateJson.Write(json, node.Snapshot);
                        CopyJson(reply);
                    }
                    else
                    {
                        StatusText.WriteStatus(reply, node);
                    }

                    break;
                case Sensors:
                    if (wantJson)
                    {
                        json.Reset();
                        json.BeginObject();
                        StateJson.WriteSensors(json, node.Snapshot, "status");
                        WriteSensorFeatures(node.Snapshot);
                        json.EndObject();
                        CopyJson(reply);
                    }
                    else
                    {
                        StatusText.WriteSensors(reply, node.Snapshot);
                    }

                    break;
                case ConfigList:
                    RunConfig(wantJson, reply);
                    break;
                case Get:
                    RunGet(wantJson, reply);
                    break;
                case Set:
                    RunSet(source, reply);
                    break;
                case Save:
                    RunSave(source, reply);
                    break;
                case Defaults:
                    config.ResetToDefaults();
                    node.RecordEvent(EventType.Config, "config", "defaults", config.Version, 0, "", 0, SourceName(source));
                    reply.Append("every setting is back to its default (not saved: save keeps them)");
                    break;
                case Learn:
                    RunLearn(args, reply);
                    break;
                case Mode:
                    RunMode(source, reply);
                    break;
                case Events:
                    RunEvents(args, wantJson, reply);
                    break;
                case Bench:
                    RunBench(reply);
                    break;
                case Mqtt:
                    RunMqtt(wantJson, reply);
                    break;
                case Version:
                    RunVersion(wantJson, reply);
                    break;
                case Reboot:
                    reply.Append(config.HasUnsavedChanges ? "rebooting (unsaved settings are lost)" : "rebooting");
                    system.RequestReboot();
                    break;
            }
        }

        private void RunHelp(int args, ConsoleReply reply)
        {
            if (args == 1)
            {
                int command = FindCommand(1);
                if (command < 0)
                {
                    reply.Fail("no command '");
                    reply.AppendUserText(line.Token(1));
                    reply.Append("'; type help for the list");
                    return;
                }

                reply.Append("usage: ");
                reply.Append(Usages[command]);
                reply.AppendLine();
                reply.Append(Descriptions[command]);
                return;
            }

            reply.Append("commands (one per line; json where shown gives a JSON reply):");
            for (int i = 0; i < CommandCount; i++)
            {
                reply.AppendLine();
                reply.Append("  ");
                reply.AppendPadded(Usages[i], 30);
                reply.Append(Descriptions[i]);
            }
        }

        private void RunConfig(bool wantJson, ConsoleReply reply)
        {
            if (wantJson)
            {
                json.Reset();
                json.BeginObject();
                for (int i = 0; i < config.Count; i++)
                {
                    WriteSettingValue(i, config.Definition(i).Key);
                }

                json.EndObject();
                CopyJson(reply);
                return;
            }

            for (int i = 0; i < config.Count; i++)
            {
                string key;
                string value;
                string unit;
                config.Describe(i, out key, out value, out unit);
                if (i > 0)
                {
                    reply.AppendLine();
                }

                reply.AppendPadded(key, 24);
                reply.Append(value.Length == 0 ? "(empty)" : value);
                if (unit.Length > 0 && value.Length > 0)
                {
                    reply.Append(' ');
                    reply.Append(unit);
                }

                SettingDefinition definition = config.Definition(i);
                if (definition.IsSecret)
                {
                    reply.Append("  [secret]");
                }
                else if (definition.IsConsoleOnly)
                {
                    reply.Append("  [console only]");
                }
            }

            if (config.HasUnsavedChanges)
            {
                reply.AppendLine();
                reply.Append("(unsaved changes: save keeps them)");
            }
        }

        private void RunGet(bool wantJson, ConsoleReply reply)
        {
            int index = FindSetting(1, reply);
            if (index < 0)
            {
                return;
            }

            SettingDefinition definition = config.Definition(index);
            string allowed = SettingValidator.DescribeAllowed(definition);
            if (wantJson)
            {
                json.Reset();
                json.BeginObject();
                json.WriteString("key", definition.Key);
                WriteSettingValue(index, "value");
                json.WriteString("unit", definition.Unit);
                json.WriteString("allowed", allowed);
                if (!definition.IsSecret)
                {
                    json.WriteString("default", definition.DefaultText);
                }

                json.WriteBool("secret", definition.IsSecret);
                json.WriteBool("console_only", definition.IsConsoleOnly);
                json.EndObject();
                CopyJson(reply);
                return;
            }

            AppendSetting(reply, index);
            reply.AppendLine();
            reply.Append("  ");
            reply.Append(definition.Description);
            reply.AppendLine();
            reply.Append("  allowed: ");
            reply.Append(allowed);
            if (!definition.IsSecret)
            {
                reply.Append("; default: ");
                reply.Append(definition.DefaultText.Length == 0 ? "(empty)" : definition.DefaultText);
            }

            if (definition.IsSecret)
            {
                reply.Append("; secret, serial console only");
            }
            else if (definition.IsConsoleOnly)
            {
                reply.Append("; serial console only");
            }
        }

        private void RunSet(SettingSource source, ConsoleReply reply)
        {
            string text = line.Text;
            int valueStart = line.Start(2);
            int valueEnd = text.Length;
            if (valueEnd - valueStart >= 2 && text[valueStart] == '"' && text[valueEnd - 1] == '"')
            {
                valueStart++;
                valueEnd--;
            }

            string key = line.Token(1);
            string value = text.Substring(valueStart, valueEnd - valueStart);
            int versionBefore = config.Version;
            string error;
            if (config.TrySet(key, value, source, out error) != ConfigResult.Ok)
            {
                reply.Fail(error);
                return;
            }

            int index = config.IndexOf(key);
            SettingDefinition definition = config.Definition(index);
            AppendSetting(reply, index);
            if (config.Version == versionBefore)
            {
                reply.Append(" (unchanged)");
                return;
            }

            reply.Append(" (not saved: save keeps it)");
            bool numeric = definition.Type != SettingType.Text && !definition.IsSecret;
            long number = numeric ? config.GetInt(index) : 0;
            int eventValue = number > int.MaxValue ? int.MaxValue : number < int.MinValue ? int.MinValue : (int)number;
            node.RecordEvent(EventType.Config, definition.Key, "set", eventValue, 0, numeric ? definition.Unit : "", 0,
                SourceName(source));
        }

        private void RunSave(SettingSource source, ConsoleReply reply)
        {
            if (config.Save(storage) != ConfigResult.Ok)
            {
                reply.Fail("save failed: storage ");
                reply.Append(StorageName(config.LastSaveStatus));
                reply.Append("; the previous settings file is kept");
                return;
            }

            node.RecordEvent(EventType.Config, "config", "saved", config.Version, 0, "", 0, SourceName(source));
            reply.Append("settings saved");
        }

        private void RunLearn(int args, ConsoleReply reply)
        {
            int channel = -1;
            if (args == 1)
            {
                for (int i = 0; i < NodeChannels.Count; i++)
                {
                    if (line.Is(1, NodeChannels.Name(i)))
                    {
                        channel = i;
                    }
                }

                if (channel < 0)
                {
                    reply.Fail("unknown channel '");
                    reply.AppendUserText(line.Token(1));
                    reply.Append("' (velocity, acceleration, kurtosis, temperature, current)");
                    return;
                }
            }

            node.Relearn(channel);
            reply.Append("relearning ");
            reply.Append(channel < 0 ? "every channel" : NodeChannels.Name(channel));
            reply.Append(": baseline from the next ");
            reply.AppendInt(config.GetInt(ConfigKeys.AnomalyLearnWindows));
            reply.Append(" windows while the machine runs");
        }

        private void RunMode(SettingSource source, ConsoleReply reply)
        {
            for (int i = (int)PowerModeRequest.Auto; i <= (int)PowerModeRequest.Sleep; i++)
            {
                PowerModeRequest mode = (PowerModeRequest)i;
                if (line.Is(1, NodeNames.PowerMode(mode)))
                {
                    node.RequestPowerMode(mode, SourceName(source));
                    reply.Append("power mode ");
                    reply.Append(NodeNames.PowerMode(mode));
                    reply.Append(" requested; now ");
                    reply.Append(node.Snapshot.PowerMode);
                    return;
                }
            }

            reply.Fail("unknown mode '");
            reply.AppendUserText(line.Token(1));
            reply.Append("' (auto, active, eco, sleep)");
        }

        private void RunEvents(int args, bool wantJson, ConsoleReply reply)
        {
            EventLog log = node.Events;
            long wanted = DefaultEventCount;
            if (args == 1 && (!DecimalParser.TryParse(line.Text, line.Start(1), line.Length(1), out wanted)
                || wanted < 1 || wanted > log.Capacity))
            {
                reply.Fail("n must be a number 1..");
                reply.AppendInt(log.Capacity);
                reply.Append("; usage: ");
                reply.Append(Usages[Events]);
                return;
            }

            int count = wanted < log.Count ? (int)wanted : log.Count;
            if (wantJson)
            {
                json.Reset();
                json.BeginArray();
                for (int age = count - 1; age >= 0; age--)
                {
                    EventJson.Write(json, log.Newest(age));
                }

                json.EndArray();
                if (!json.IsComplete)
                {
                    reply.Fail("that many events do not fit one JSON reply; ask for fewer, e.g. events 10 json");
                    return;
                }

                CopyJson(reply);
                return;
            }

            if (count == 0)
            {
                reply.Append("no events");
                return;
            }

            for (int age = count - 1; age >= 0; age--)
            {
                StatusText.WriteEvent(reply, log.Newest(age));
                if (age > 0)
                {
                    reply.AppendLine();
                }
            }
        }

        private void RunBench(ConsoleReply reply)
        {
            NodeSnapshot s = node.Snapshot;
            int samples;
            long elapsedUs;
            VibrationBench.Run(node.Clock, s.VibrationSampleRateHz, s.VibrationAxisCount, node.VibrationMilliGPerCount,
                out samples, out elapsedUs);
            reply.Append("bench: ");
            reply.AppendInt(samples);
            reply.Append(" samples (");
            reply.AppendInt(s.VibrationSampleRateHz);
            reply.Append(" frames x ");
            reply.AppendInt(s.VibrationAxisCount);
            reply.Append(" axes, one window) in ");
            if (elapsedUs <= 0)
            {
                reply.Append("0 us: the clock did not advance (a paused or virtual clock), no rate");
                return;
            }

            reply.AppendFixed(elapsedUs, 3);
            long samplesPerSecond = samples * 1000000L / elapsedUs;
            reply.Append(" ms: ");
            reply.AppendInt(samplesPerSecond);
            reply.Append(" samples/s, ");
            reply.AppendFixed(samplesPerSecond * 10 / ((long)s.VibrationSampleRateHz * s.VibrationAxisCount), 1);
            reply.Append("x real time");
        }

        private void RunMqtt(bool wantJson, ConsoleReply reply)
        {
            ITelemetryPublisher publisher = node.Publisher;
            if (wantJson)
            {
                json.Reset();
                json.BeginObject();
                json.WriteBool("connected", publisher.IsConnected);
                json.WriteString("status", publisher.StatusText);
                json.WriteInt("queue", publisher.QueueDepth);
                json.WriteInt("dropped", publisher.DroppedCount);
                json.EndObject();
                CopyJson(reply);
                return;
            }

            reply.Append("mqtt: ");
            reply.Append(publisher.StatusText);
            reply.AppendLine();
            reply.Append("queue ");
            reply.AppendInt(publisher.QueueDepth);
            reply.Append(", dropped ");
            reply.AppendInt(publisher.DroppedCount);
        }

        private void RunVersion(bool wantJson, ConsoleReply reply)
        {
            if (wantJson)
            {
                json.Reset();
                json.BeginObject();
                json.WriteString("firmware", FirmwareVersion.Text);
                json.WriteString("node", node.Snapshot.NodeId);
                json.EndObject();
                CopyJson(reply);
                return;
            }

            reply.Append("firmware ");
            reply.Append(FirmwareVersion.Text);
            reply.Append(", node ");
            reply.Append(node.Snapshot.NodeId);
        }

        private void WriteSensorFeatures(NodeSnapshot snapshot)
        {
            json.BeginObject("readings");
            StateJson.WriteFeature(json, snapshot, NodeFeatures.AccelRms);
            StateJson.WriteFeature(json, snapshot, NodeFeatures.Temperature);
            StateJson.WriteFeature(json, snapshot, NodeFeatures.Current);
            json.EndObject();
            json.WriteInt("vibration_frames", snapshot.VibrationFrames);
            json.WriteInt("vibration_frames_lost", snapshot.VibrationFramesLost);
        }

        // "name":value with the setting's JSON type: numbers for Int, true/false for Bool, text otherwise (secrets masked).
        private void WriteSettingValue(int index, string name)
        {
            SettingDefinition definition = config.Definition(index);
            if (definition.Type == SettingType.Int)
            {
                json.WriteLong(name, config.GetInt(index));
            }
            else if (definition.Type == SettingType.Bool)
            {
                json.WriteBool(name, config.GetBool(index));
            }
            else
            {
                json.WriteString(name, config.FormatForDisplay(index));
            }
        }

        private void AppendSetting(ConsoleReply reply, int index)
        {
            string key;
            string value;
            string unit;
            config.Describe(index, out key, out value, out unit);
            reply.Append(key);
            reply.Append(" = ");
            reply.Append(value.Length == 0 ? "(empty)" : value);
            if (unit.Length > 0 && value.Length > 0)
            {
                reply.Append(' ');
                reply.Append(unit);
            }
        }

        private int FindSetting(int token, ConsoleReply reply)
        {
            int index = config.IndexOf(line.Token(token));
            if (index < 0)
            {
                reply.Fail("unknown setting '");
                reply.AppendUserText(line.Token(token));
                reply.Append("'; config lists them");
            }

            return index;
        }

        private void CopyJson(ConsoleReply reply)
        {
            if (!json.IsComplete)
            {
                reply.Fail("reply does not fit the JSON buffer");
                return;
            }

            reply.IsJson = true;
            reply.AppendUtf8(json.Buffer, 0, json.Length);
        }

        private int FindCommand(int token)
        {
            for (int i = 0; i < CommandCount; i++)
            {
                if (line.Is(token, Names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private static void FailUsage(ConsoleReply reply, int command, string problem)
        {
            reply.Fail(problem);
            reply.Append("; usage: ");
            reply.Append(Usages[command]);
        }

        private static string SourceName(SettingSource source)
        {
            return source == SettingSource.Console ? "console" : "remote";
        }

        private static string StorageName(StorageStatus status)
        {
            switch (status)
            {
                case StorageStatus.Ok: return "ok";
                case StorageStatus.NotFound: return "not_found";
                case StorageStatus.TooLarge: return "too_large";
                case StorageStatus.Full: return "full";
                case StorageStatus.IoError: return "io_error";
                default: return NodeNames.Unknown;
            }
        }

        private static void AppendHexByte(ConsoleReply reply, byte value)
        {
            const string digits = "0123456789ABCDEF";
            reply.Append(digits[value >> 4]);
            reply.Append(digits[value & 0xF]);
        }
    }
}
