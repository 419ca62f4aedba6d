using System;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// One row of the settings table: key, type, default, allowed values, unit and access. Immutable; build rows with
    /// <see cref="Int"/>, <see cref="Bool"/>, <see cref="Text"/> and <see cref="Choice"/>.
    /// </summary>
    public sealed class SettingDefinition
    {
        private static readonly string[] NoChoices = new string[0];

        private SettingDefinition(string key, SettingType type, string defaultText, long minValue, long maxValue,
            string[] choices, int maxLength, string forbiddenChars, string unit, SettingFlags flags, string atMostKey,
            string description)
        {
            if (key == null || defaultText == null || unit == null || description == null)
            {
                throw new ArgumentNullException("key");
            }

            Key = key;
            Type = type;
            DefaultText = defaultText;
            MinValue = minValue;
            MaxValue = maxValue;
            Choices = choices;
            MaxLength = maxLength;
            ForbiddenChars = forbiddenChars;
            Unit = unit;
            IsSecret = (flags & SettingFlags.Secret) != 0;
            IsConsoleOnly = (flags & (SettingFlags.Secret | SettingFlags.ConsoleOnly)) != 0;
            AtMostKey = atMostKey;
            Description = description;
        }

        /// <summary>Lower-case dotted key, e.g. "mqtt.port".</summary>
        public string Key { get; }

        /// <summary>How the value is validated.</summary>
        public SettingType Type { get; }

        /// <summary>The default in its canonical text form ("1883", "on", "rigid", "").</summary>
        public string DefaultText { get; }

        /// <summary>Smallest allowed value (Int only; 0 otherwise).</summary>
        public long MinValue { get; }

        /// <summary>Largest allowed value (Int only; 0 otherwise).</summary>
        public long MaxValue { get; }

        /// <summary>Allowed values in their canonical spelling (Choice only; empty otherwise).</summary>
        public string[] Choices { get; }

        /// <summary>Longest allowed text in characters (Text only; 0 otherwise).</summary>
        public int MaxLength { get; }

        /// <summary>Characters a Text value must not contain besides control characters ("" if none).</summary>
        public string ForbiddenChars { get; }

        /// <summary>Unit shown after the value ("" if none), e.g. "s", "mA", "Hz".</summary>
        public string Unit { get; }

        /// <summary>Never shown or published; implies <see cref="IsConsoleOnly"/>.</summary>
        public bool IsSecret { get; }

        /// <summary>Settable from the serial console only, never remotely.</summary>
        public bool IsConsoleOnly { get; }

        /// <summary>Key of an Int setting this one must not exceed (e.g. machine.off_ma ≤ machine.run_ma), "" if none.</summary>
        public string AtMostKey { get; }

        /// <summary>One line for help output.</summary>
        public string Description { get; }

        /// <summary>An integer setting limited to <paramref name="minValue"/>..<paramref name="maxValue"/> inclusive.</summary>
        /// <param name="atMostKey">Key of another Int setting this one must not exceed, or "".</param>
        public static SettingDefinition Int(string key, long defaultValue, long minValue, long maxValue, string unit,
            SettingFlags flags, string description, string atMostKey = "")
        {
            if (minValue > maxValue)
            {
                throw new ArgumentOutOfRangeException("minValue");
            }

            return new SettingDefinition(key, SettingType.Int, defaultValue.ToString(), minValue, maxValue, NoChoices, 0, "",
                unit, flags, atMostKey, description);
        }

        /// <summary>An on/off setting.</summary>
        public static SettingDefinition Bool(string key, bool defaultValue, SettingFlags flags, string description)
        {
            return new SettingDefinition(key, SettingType.Bool, defaultValue ? "on" : "off", 0, 0, NoChoices, 0, "", "", flags,
                "", description);
        }

        /// <summary>A printable-ASCII text of at most <paramref name="maxLength"/> characters, none of them in <paramref name="forbiddenChars"/>.</summary>
        public static SettingDefinition Text(string key, string defaultValue, int maxLength, string forbiddenChars,
            SettingFlags flags, string description)
        {
            if (maxLength < 1 || forbiddenChars == null)
            {
                throw new ArgumentOutOfRangeException("maxLength");
            }

            return new SettingDefinition(key, SettingType.Text, defaultValue, 0, 0, NoChoices, maxLength, forbiddenChars, "",
                flags, "", description);
        }

        /// <summary>One of <paramref name="choices"/> (canonical spellings; matched case-insensitively).</summary>
        public static SettingDefinition Choice(string key, string defaultValue, string[] choices, string unit,
            SettingFlags flags, string description)
        {
            if (choices == null || choices.Length == 0)
            {
                throw new ArgumentOutOfRangeException("choices");
            }

            return new SettingDefinition(key, SettingType.Choice, defaultValue, 0, 0, choices, 0, "", unit, flags, "",
                description);
        }
    }
}
