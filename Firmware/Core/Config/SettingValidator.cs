namespace SensorNode.Core.Config
{
    /// <summary>
    /// Validates a setting's text by its <see cref="SettingDefinition"/> and gives its canonical form. Used for console
    /// and remote input and for every line of a config file, so both obey the same rules.
    /// </summary>
    public static class SettingValidator
    {
        /// <summary>
        /// Checks <paramref name="text"/> against <paramref name="definition"/>. Int, Bool and Choice ignore leading and
        /// trailing spaces; Text is taken as is (spaces are significant in SSIDs and passwords).
        /// </summary>
        /// <param name="value">Int: the number; Bool: 1 or 0; Choice: the index into Choices; Text: 0.</param>
        /// <param name="canonical">The text to store and show: "1883", "on", the table's spelling of the choice, or the text
        /// itself. Null when the text is invalid.</param>
        public static bool TryParse(SettingDefinition definition, string text, out long value, out string canonical)
        {
            value = 0;
            canonical = null;
            if (text == null)
            {
                return false;
            }

            if (definition.Type == SettingType.Text)
            {
                if (!IsValidText(definition, text))
                {
                    return false;
                }

                canonical = text;
                return true;
            }

            int start = 0;
            int end = text.Length;
            while (start < end && text[start] == ' ')
            {
                start++;
            }

            while (end > start && text[end - 1] == ' ')
            {
                end--;
            }

            int count = end - start;
            switch (definition.Type)
            {
                case SettingType.Int:
                    if (!DecimalParser.TryParse(text, start, count, out value)
                        || value < definition.MinValue || value > definition.MaxValue)
                    {
                        value = 0;
                        return false;
                    }

                    canonical = value.ToString();
                    return true;

                case SettingType.Bool:
                    if (EqualsIgnoreCase(text, start, count, "on") || EqualsIgnoreCase(text, start, count, "true")
                        || EqualsIgnoreCase(text, start, count, "1"))
                    {
                        value = 1;
                        canonical = "on";
                        return true;
                    }

                    if (EqualsIgnoreCase(text, start, count, "off") || EqualsIgnoreCase(text, start, count, "false")
                        || EqualsIgnoreCase(text, start, count, "0"))
                    {
                        canonical = "off";
                        return true;
                    }

                    return false;

                default:
                    string[] choices = definition.Choices;
                    for (int i = 0; i < choices.Length; i++)
                    {
                        if (EqualsIgnoreCase(text, start, count, choices[i]))
                        {
                            value = i;
                            canonical = choices[i];
                            return true;
                        }
                    }

                    return false;
            }
        }

        /// <summary>
        /// What the setting accepts, for error and help lines: "an integer 1..65535", "an integer 1..3600 s", "on or off",
        /// "one of 2, 4, 8, 16 g", "at most 32 printable ASCII characters without spaces / + #". Allocates.
        /// </summary>
        public static string DescribeAllowed(SettingDefinition definition)
        {
            string unit = definition.Unit.Length == 0 ? "" : " " + definition.Unit;
            switch (definition.Type)
            {
                case SettingType.Int:
                    return "an integer " + definition.MinValue.ToString() + ".." + definition.MaxValue.ToString() + unit;

                case SettingType.Bool:
                    return "on or off";

                case SettingType.Choice:
                    string list = "one of ";
                    string[] choices = definition.Choices;
                    for (int i = 0; i < choices.Length; i++)
                    {
                        list = i == 0 ? list + choices[i] : list + ", " + choices[i];
                    }

                    return list + unit;

                default:
                    string text = "at most " + definition.MaxLength.ToString() + " printable ASCII characters";
                    string forbidden = definition.ForbiddenChars;
                    for (int i = 0; i < forbidden.Length; i++)
                    {
                        string shown = forbidden[i] == ' ' ? "spaces" : new string(forbidden[i], 1);
                        text = i == 0 ? text + " without " + shown : text + " " + shown;
                    }

                    return text;
            }
        }

        /// <summary>True if characters start..start+count of <paramref name="text"/> equal <paramref name="word"/>, ignoring ASCII case.</summary>
        internal static bool EqualsIgnoreCase(string text, int start, int count, string word)
        {
            if (count != word.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (LowerAscii(text[start + i]) != LowerAscii(word[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Folds 'A'..'Z' to 'a'..'z'; leaves every other character alone.</summary>
        internal static int LowerAscii(int c)
        {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }

        private static bool IsValidText(SettingDefinition definition, string text)
        {
            if (text.Length > definition.MaxLength)
            {
                return false;
            }

            string forbidden = definition.ForbiddenChars;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~')
                {
                    return false;
                }

                for (int f = 0; f < forbidden.Length; f++)
                {
                    if (c == forbidden[f])
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
