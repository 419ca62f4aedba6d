using System;
using SensorNode.Hardware;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// The node's typed settings: get, validated set, defaults, and atomic persistence through <see cref="IFileStorage"/>.
    /// </summary>
    /// <remarks>
    /// <para>A set or load that fails changes nothing. Every change of a value increments <see cref="Version"/>, so a
    /// consumer can compare one int per tick and re-read its settings only after a change.</para>
    /// <para>Save writes <see cref="TempFileName"/>, reads it back and compares, renames it to <see cref="FileName"/>
    /// (a one-step replace), then writes the same bytes to <see cref="BackupFileName"/>. A power cut at any step leaves
    /// <see cref="FileName"/> holding either the old or the new config, never a mix; the backup serves if
    /// <see cref="FileName"/> is later found missing or corrupt.</para>
    /// <para>Buffers are allocated once in the constructor. Getters, <see cref="FormatForDisplay"/> and
    /// <see cref="Describe"/> do not allocate; sets, loads and error messages do. All members are thread-safe
    /// (the serial console and the MQTT command topic may call from different threads).</para>
    /// </remarks>
    public sealed class ConfigStore
    {
        /// <summary>The config file.</summary>
        public const string FileName = "config.dat";

        /// <summary>Written and verified before it replaces <see cref="FileName"/>.</summary>
        public const string TempFileName = "config.tmp";

        /// <summary>The previous intact <see cref="FileName"/>, used when the current one is missing or corrupt.</summary>
        public const string BackupFileName = "config.bak";

        /// <summary>Shown instead of a secret that is set.</summary>
        public const string MaskedText = "********";

        /// <summary>Shown instead of a secret that is empty.</summary>
        public const string NotSetText = "(not set)";

        // Room for lines from a newer firmware (more keys) on top of the largest file this table can write.
        private const int ReadHeadroomBytes = 1024;

        private readonly object _sync = new object();
        private readonly SettingDefinition[] _table;
        private readonly long[] _defaultValues;
        private readonly string[] _defaultTexts;
        private readonly long[] _values;
        private readonly string[] _texts;
        private readonly long[] _stagedValues;
        private readonly string[] _stagedTexts;
        private readonly bool[] _seen;
        private readonly int[] _atMost;
        private readonly long[][] _choiceNumbers;
        private readonly byte[] _writeBuffer;
        private readonly byte[] _readBuffer;
        private readonly char[] _valueChars;
        private int _version;
        private int _savedVersion;

        /// <summary>
        /// Builds a store holding the defaults of <paramref name="table"/> (normally <see cref="SettingsTable.All"/>).
        /// Throws <see cref="ArgumentException"/> if the table is inconsistent: a null row, a key that is not lower-case
        /// dotted ASCII or appears twice, a default that fails its own rules, or a bad <see cref="SettingDefinition.AtMostKey"/>.
        /// </summary>
        public ConfigStore(SettingDefinition[] table)
        {
            if (table == null || table.Length == 0)
            {
                throw new ArgumentNullException("table");
            }

            int count = table.Length;
            _table = table;
            _defaultValues = new long[count];
            _defaultTexts = new string[count];
            _values = new long[count];
            _texts = new string[count];
            _stagedValues = new long[count];
            _stagedTexts = new string[count];
            _seen = new bool[count];
            _atMost = new int[count];
            _choiceNumbers = new long[count][];

            int longestValue = 0;
            int fileBytes = ConfigFileFormat.Header.Length + 1 + ConfigFileFormat.TrailerMaxLength;
            for (int i = 0; i < count; i++)
            {
                SettingDefinition definition = table[i];
                if (definition == null)
                {
                    throw new ArgumentException("settings table row is null");
                }

                CheckKey(definition.Key);
                if (IndexOfKey(definition.Key) != i)
                {
                    throw new ArgumentException("duplicate key " + definition.Key);
                }

                if (!SettingValidator.TryParse(definition, definition.DefaultText, out _defaultValues[i], out _defaultTexts[i]))
                {
                    throw new ArgumentException("default of " + definition.Key + " is not " + SettingValidator.DescribeAllowed(definition));
                }

                _choiceNumbers[i] = ChoiceNumbers(definition);
                int valueLength = LongestValue(definition);
                longestValue = valueLength > longestValue ? valueLength : longestValue;
                fileBytes += definition.Key.Length + valueLength + 2;
            }

            for (int i = 0; i < count; i++)
            {
                _atMost[i] = ResolveAtMost(i);
            }

            _writeBuffer = new byte[fileBytes];
            _readBuffer = new byte[fileBytes + ReadHeadroomBytes];
            _valueChars = new char[longestValue];
            for (int i = 0; i < count; i++)
            {
                _values[i] = _defaultValues[i];
                _texts[i] = _defaultTexts[i];
            }

            LastLoadDetail = "";
        }

        /// <summary>Number of settings.</summary>
        public int Count => _table.Length;

        /// <summary>Incremented (wrapping) on every change of a value by set, defaults or load.</summary>
        public int Version
        {
            get
            {
                lock (_sync)
                {
                    return _version;
                }
            }
        }

        /// <summary>True if a value changed since the last successful <see cref="Save"/> or <see cref="Load"/>.</summary>
        public bool HasUnsavedChanges
        {
            get
            {
                lock (_sync)
                {
                    return _version != _savedVersion;
                }
            }
        }

        /// <summary>Status of the last <see cref="Save"/>'s failing storage step (Ok after a successful save).</summary>
        public StorageStatus LastSaveStatus { get; private set; }

        /// <summary>Whether the last <see cref="Load"/> used <see cref="BackupFileName"/>.</summary>
        public bool LastLoadUsedBackup { get; private set; }

        /// <summary>Lines of the loaded file with an unknown key (e.g. from a newer firmware) or without '=': skipped.</summary>
        public int LastLoadSkippedLines { get; private set; }

        /// <summary>Known keys in the loaded file whose value failed validation: those settings got their defaults.</summary>
        public int LastLoadInvalidValues { get; private set; }

        /// <summary>Settings absent from the loaded file (e.g. one from an older firmware): those got their defaults.</summary>
        public int LastLoadMissingKeys { get; private set; }

        /// <summary>One line on what the last <see cref="Load"/> found, for the Config event's reason ("" before any load).</summary>
        public string LastLoadDetail { get; private set; }

        /// <summary>The definition of setting <paramref name="index"/> (a <see cref="ConfigKeys"/> constant).</summary>
        public SettingDefinition Definition(int index)
        {
            CheckIndex(index);
            return _table[index];
        }

        /// <summary>Index of <paramref name="key"/> (ASCII case ignored), or -1 if there is no such setting.</summary>
        public int IndexOf(string key)
        {
            return key == null ? -1 : IndexOfKey(key);
        }

        /// <summary>
        /// Int: the value. Bool: 1 or 0. Choice: the choice as a number when the choices are numbers (vib.rate_hz gives 3200),
        /// otherwise its position in <see cref="SettingDefinition.Choices"/> (iso.foundation: rigid 0, flexible 1).
        /// Throws <see cref="ArgumentException"/> for a Text setting.
        /// </summary>
        public long GetInt(int index)
        {
            CheckIndex(index);
            SettingType type = _table[index].Type;
            if (type == SettingType.Text)
            {
                throw new ArgumentException("text setting has no integer value");
            }

            lock (_sync)
            {
                long[] numbers = _choiceNumbers[index];
                return numbers == null ? _values[index] : numbers[(int)_values[index]];
            }
        }

        /// <summary>The value of a Bool setting; throws <see cref="ArgumentException"/> for any other type.</summary>
        public bool GetBool(int index)
        {
            CheckIndex(index);
            if (_table[index].Type != SettingType.Bool)
            {
                throw new ArgumentException("not a bool setting");
            }

            lock (_sync)
            {
                return _values[index] != 0;
            }
        }

        /// <summary>Position of the current choice in <see cref="SettingDefinition.Choices"/>; throws <see cref="ArgumentException"/> unless Choice.</summary>
        public int GetChoiceIndex(int index)
        {
            CheckIndex(index);
            if (_table[index].Type != SettingType.Choice)
            {
                throw new ArgumentException("not a choice setting");
            }

            lock (_sync)
            {
                return (int)_values[index];
            }
        }

        /// <summary>
        /// The canonical text of any setting, secrets included (for the Wi-Fi and MQTT clients; never print it):
        /// "1883", "on", the choice's table spelling, or the text.
        /// </summary>
        public string GetText(int index)
        {
            CheckIndex(index);
            lock (_sync)
            {
                return _texts[index];
            }
        }

        /// <summary>The value as the console and telemetry may show it: secrets become <see cref="MaskedText"/> or <see cref="NotSetText"/>.</summary>
        public string FormatForDisplay(int index)
        {
            CheckIndex(index);
            lock (_sync)
            {
                string text = _texts[index];
                if (_table[index].IsSecret)
                {
                    return text.Length == 0 ? NotSetText : MaskedText;
                }

                return text;
            }
        }

        /// <summary>One row of the console's config listing, without allocating: key, <see cref="FormatForDisplay"/> and unit.</summary>
        public void Describe(int index, out string key, out string displayValue, out string unit)
        {
            SettingDefinition definition = Definition(index);
            key = definition.Key;
            unit = definition.Unit;
            displayValue = FormatForDisplay(index);
        }

        /// <summary>
        /// Validates and applies one setting. On anything but <see cref="ConfigResult.Ok"/> nothing changes and
        /// <paramref name="error"/> is one line, e.g. "mqtt.port must be an integer 1..65535"; on Ok it is "".
        /// A <see cref="SettingSource.Remote"/> change of a secret or console-only setting is <see cref="ConfigResult.Refused"/>.
        /// </summary>
        public ConfigResult TrySet(string key, string valueText, SettingSource source, out string error)
        {
            int index = IndexOf(key);
            if (index < 0)
            {
                error = IsPrintable(key, 40) ? "unknown key " + key : "unknown key";
                return ConfigResult.UnknownKey;
            }

            SettingDefinition definition = _table[index];
            if (source != SettingSource.Console && definition.IsConsoleOnly)
            {
                error = definition.Key + " can only be set on the serial console";
                return ConfigResult.Refused;
            }

            if (!SettingValidator.TryParse(definition, valueText, out long value, out string canonical))
            {
                error = definition.Key + " must be " + SettingValidator.DescribeAllowed(definition);
                return ConfigResult.InvalidValue;
            }

            lock (_sync)
            {
                error = OrderError(index, value, _values);
                if (error.Length != 0)
                {
                    return ConfigResult.InvalidValue;
                }

                if (_values[index] != value || _texts[index] != canonical)
                {
                    _values[index] = value;
                    _texts[index] = canonical;
                    _version++;
                }
            }

            return ConfigResult.Ok;
        }

        /// <summary>Puts every setting back to its default (in RAM; <see cref="Save"/> makes it stick).</summary>
        public void ResetToDefaults()
        {
            ResetToDefaults(SettingSource.Console);
        }

        /// <summary>
        /// Puts settings back to their defaults (in RAM). A <see cref="SettingSource.Remote"/> reset keeps the secret and
        /// console-only settings, so a remote "defaults" cannot cut the node off its network.
        /// </summary>
        public void ResetToDefaults(SettingSource source)
        {
            lock (_sync)
            {
                for (int i = 0; i < _values.Length; i++)
                {
                    bool keep = source != SettingSource.Console && _table[i].IsConsoleOnly;
                    _stagedValues[i] = keep ? _values[i] : _defaultValues[i];
                    _stagedTexts[i] = keep ? _texts[i] : _defaultTexts[i];
                }

                Commit();
            }
        }

        /// <summary>
        /// Writes the settings atomically (see the class remarks). On <see cref="ConfigResult.StorageError"/> the previous
        /// <see cref="FileName"/> is still in place and <see cref="LastSaveStatus"/> says what failed.
        /// </summary>
        public ConfigResult Save(IFileStorage storage)
        {
            if (storage == null)
            {
                throw new ArgumentNullException("storage");
            }

            lock (_sync)
            {
                int length = Encode();
                int savedVersion = _version;
                StorageStatus status = VerifiedWrite.Write(storage, TempFileName, _writeBuffer, length, _readBuffer);
                if (status != StorageStatus.Ok)
                {
                    storage.Delete(TempFileName);
                    LastSaveStatus = status;
                    return ConfigResult.StorageError;
                }

                status = storage.Rename(TempFileName, FileName);
                LastSaveStatus = status;
                if (status != StorageStatus.Ok)
                {
                    return ConfigResult.StorageError;
                }

                // Best effort: a failed or cut backup write leaves config.dat intact, and Load checks the backup's CRC.
                storage.Write(BackupFileName, _writeBuffer, length);
                _savedVersion = savedVersion;
                return ConfigResult.Ok;
            }
        }

        /// <summary>
        /// Replaces the settings by the stored ones. Never throws for bad file content: a missing, partial, corrupt or
        /// unreadable <see cref="FileName"/> falls back to <see cref="BackupFileName"/>, then to the defaults, and the
        /// outcome says so. Unknown keys are skipped, invalid values and missing keys get their defaults, and each is
        /// counted (<see cref="LastLoadSkippedLines"/>, <see cref="LastLoadInvalidValues"/>, <see cref="LastLoadMissingKeys"/>).
        /// </summary>
        public ConfigLoadOutcome Load(IFileStorage storage)
        {
            if (storage == null)
            {
                throw new ArgumentNullException("storage");
            }

            lock (_sync)
            {
                LastLoadUsedBackup = false;
                StorageStatus status = storage.Read(FileName, _readBuffer, out int length);
                if (status == StorageStatus.Ok && TryStageFile(length))
                {
                    LastLoadDetail = FileName + " loaded";
                    return Finish(ConfigLoadOutcome.Loaded);
                }

                string problem = status == StorageStatus.Ok ? " corrupt"
                    : status == StorageStatus.NotFound ? " missing"
                    : status == StorageStatus.TooLarge ? " too large" : " unreadable";
                StorageStatus backupStatus = storage.Read(BackupFileName, _readBuffer, out length);
                if (backupStatus == StorageStatus.Ok && TryStageFile(length))
                {
                    LastLoadUsedBackup = true;
                    LastLoadDetail = FileName + problem + ", " + BackupFileName + " used";
                    return Finish(ConfigLoadOutcome.Recovered);
                }

                StageDefaults();
                LastLoadSkippedLines = 0;
                LastLoadInvalidValues = 0;
                LastLoadMissingKeys = 0;
                if (status == StorageStatus.NotFound && backupStatus == StorageStatus.NotFound)
                {
                    LastLoadDetail = "no config file, defaults used";
                    return Finish(ConfigLoadOutcome.Defaults);
                }

                LastLoadDetail = FileName + problem + ", defaults used";
                return Finish(ConfigLoadOutcome.Recovered);
            }
        }

        private ConfigLoadOutcome Finish(ConfigLoadOutcome outcome)
        {
            Commit();
            _savedVersion = _version;
            return outcome;
        }

        // Verifies the file in _readBuffer and parses it into the staged arrays; false (staging undefined) if not intact.
        private bool TryStageFile(int length)
        {
            if (length < 0 || length > _readBuffer.Length
                || !ConfigFileFormat.TryVerify(_readBuffer, length, out int bodyLength))
            {
                return false;
            }

            StageDefaults();
            int skipped = 0;
            int invalid = 0;
            for (int i = 0; i < _seen.Length; i++)
            {
                _seen[i] = false;
            }

            // The body ends with '\n' (TryVerify), so every line below has one.
            int position = ConfigFileFormat.Header.Length + 1;
            while (position < bodyLength)
            {
                int lineEnd = position;
                while (_readBuffer[lineEnd] != '\n')
                {
                    lineEnd++;
                }

                if (lineEnd > position && _readBuffer[position] != '#')
                {
                    int equals = position;
                    while (equals < lineEnd && _readBuffer[equals] != '=')
                    {
                        equals++;
                    }

                    int index = equals == lineEnd ? -1 : IndexOfKey(_readBuffer, position, equals - position);
                    if (index < 0)
                    {
                        skipped++;
                    }
                    else
                    {
                        _seen[index] = true;
                        if (!StageValue(index, equals + 1, lineEnd))
                        {
                            _stagedValues[index] = _defaultValues[index];
                            _stagedTexts[index] = _defaultTexts[index];
                            invalid++;
                        }
                    }
                }

                position = lineEnd + 1;
            }

            // Each value passed its own rules; a pair out of order (e.g. off above run) falls back to both defaults,
            // which are in order. Repeat until stable in case a reset breaks a chained pair; resets only move towards
            // the defaults, so this ends.
            bool reset = true;
            while (reset)
            {
                reset = false;
                for (int i = 0; i < _atMost.Length; i++)
                {
                    int upper = _atMost[i];
                    if (upper >= 0 && _stagedValues[i] > _stagedValues[upper])
                    {
                        _stagedValues[i] = _defaultValues[i];
                        _stagedTexts[i] = _defaultTexts[i];
                        _stagedValues[upper] = _defaultValues[upper];
                        _stagedTexts[upper] = _defaultTexts[upper];
                        invalid += 2;
                        reset = true;
                    }
                }
            }

            int missing = 0;
            for (int i = 0; i < _seen.Length; i++)
            {
                missing += _seen[i] ? 0 : 1;
            }

            LastLoadSkippedLines = skipped;
            LastLoadInvalidValues = invalid;
            LastLoadMissingKeys = missing;
            return true;
        }

        private bool StageValue(int index, int start, int end)
        {
            int length = end - start;
            if (length > _valueChars.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                _valueChars[i] = (char)_readBuffer[start + i];
            }

            string text = length == 0 ? "" : new string(_valueChars, 0, length);
            if (!SettingValidator.TryParse(_table[index], text, out long value, out string canonical))
            {
                return false;
            }

            _stagedValues[index] = value;
            _stagedTexts[index] = canonical;
            return true;
        }

        private void StageDefaults()
        {
            for (int i = 0; i < _values.Length; i++)
            {
                _stagedValues[i] = _defaultValues[i];
                _stagedTexts[i] = _defaultTexts[i];
            }
        }

        private void Commit()
        {
            bool changed = false;
            for (int i = 0; i < _values.Length; i++)
            {
                if (_values[i] != _stagedValues[i] || _texts[i] != _stagedTexts[i])
                {
                    _values[i] = _stagedValues[i];
                    _texts[i] = _stagedTexts[i];
                    changed = true;
                }
            }

            if (changed)
            {
                _version++;
            }
        }

        private int Encode()
        {
            int position = ConfigFileFormat.PutAscii(_writeBuffer, 0, ConfigFileFormat.Header);
            _writeBuffer[position++] = (byte)'\n';
            for (int i = 0; i < _table.Length; i++)
            {
                position = ConfigFileFormat.PutAscii(_writeBuffer, position, _table[i].Key);
                _writeBuffer[position++] = (byte)'=';
                position = ConfigFileFormat.PutAscii(_writeBuffer, position, _texts[i]);
                _writeBuffer[position++] = (byte)'\n';
            }

            return ConfigFileFormat.AppendTrailer(_writeBuffer, position);
        }

        // "" if value may be stored at index given the other values; else the one-line error.
        private string OrderError(int index, long value, long[] values)
        {
            int upper = _atMost[index];
            if (upper >= 0 && value > values[upper])
            {
                return _table[index].Key + " must be at most " + _table[upper].Key + " (" + ShowWithUnit(upper, values) + ")";
            }

            for (int i = 0; i < _atMost.Length; i++)
            {
                if (_atMost[i] == index && values[i] > value)
                {
                    return _table[index].Key + " must be at least " + _table[i].Key + " (" + ShowWithUnit(i, values) + ")";
                }
            }

            return "";
        }

        private string ShowWithUnit(int index, long[] values)
        {
            string unit = _table[index].Unit;
            return unit.Length == 0 ? values[index].ToString() : values[index].ToString() + " " + unit;
        }

        private int IndexOfKey(string key)
        {
            for (int i = 0; i < _table.Length; i++)
            {
                SettingDefinition definition = _table[i];
                if (definition != null && SettingValidator.EqualsIgnoreCase(key, 0, key.Length, definition.Key))
                {
                    return i;
                }
            }

            return -1;
        }

        private int IndexOfKey(byte[] buffer, int start, int count)
        {
            for (int i = 0; i < _table.Length; i++)
            {
                string key = _table[i].Key;
                if (key.Length != count)
                {
                    continue;
                }

                int c = 0;
                while (c < count && SettingValidator.LowerAscii(buffer[start + c]) == key[c])
                {
                    c++;
                }

                if (c == count)
                {
                    return i;
                }
            }

            return -1;
        }

        private int ResolveAtMost(int index)
        {
            SettingDefinition definition = _table[index];
            if (definition.AtMostKey.Length == 0)
            {
                return -1;
            }

            // Both of a pair share their access, so a remote reset or set never has to move a console-only bound.
            int upper = IndexOfKey(definition.AtMostKey);
            if (upper < 0 || upper == index || definition.Type != SettingType.Int || _table[upper].Type != SettingType.Int
                || _defaultValues[index] > _defaultValues[upper] || definition.IsConsoleOnly != _table[upper].IsConsoleOnly)
            {
                throw new ArgumentException("bad at-most bound of " + definition.Key);
            }

            return upper;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _table.Length)
            {
                throw new ArgumentOutOfRangeException("index");
            }
        }

        // Keys: 1..40 characters of a-z, 0-9, '.', '_', starting with a letter; the file format relies on no '=' or '#'.
        private static void CheckKey(string key)
        {
            bool valid = key.Length > 0 && key.Length <= 40 && key[0] >= 'a' && key[0] <= 'z';
            for (int i = 0; valid && i < key.Length; i++)
            {
                char c = key[i];
                valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
            }

            if (!valid)
            {
                throw new ArgumentException("bad key " + key);
            }
        }

        private static long[] ChoiceNumbers(SettingDefinition definition)
        {
            if (definition.Type != SettingType.Choice)
            {
                return null;
            }

            string[] choices = definition.Choices;
            var numbers = new long[choices.Length];
            for (int i = 0; i < choices.Length; i++)
            {
                if (!DecimalParser.TryParse(choices[i], out numbers[i]))
                {
                    return null;
                }
            }

            return numbers;
        }

        private static int LongestValue(SettingDefinition definition)
        {
            switch (definition.Type)
            {
                case SettingType.Int:
                    int minLength = definition.MinValue.ToString().Length;
                    int maxLength = definition.MaxValue.ToString().Length;
                    return minLength > maxLength ? minLength : maxLength;

                case SettingType.Bool:
                    return 3;

                case SettingType.Choice:
                    int longest = 0;
                    string[] choices = definition.Choices;
                    for (int i = 0; i < choices.Length; i++)
                    {
                        longest = choices[i].Length > longest ? choices[i].Length : longest;
                    }

                    return longest;

                default:
                    return definition.MaxLength;
            }
        }

        private static bool IsPrintable(string text, int maxLength)
        {
            if (text == null || text.Length == 0 || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] <= ' ' || text[i] > '~')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
