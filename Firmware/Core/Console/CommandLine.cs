namespace SensorNode.Core.Console
{
    /// <summary>
    /// A command line split at spaces and tabs into at most <see cref="MaxTokens"/> tokens, kept as positions into the
    /// line (nothing is copied until <see cref="Token"/> is asked for). Reused for every line.
    /// </summary>
    internal sealed class CommandLine
    {
        /// <summary>Most tokens kept; more set <see cref="TooMany"/>.</summary>
        public const int MaxTokens = 8;

        private readonly int[] starts = new int[MaxTokens];
        private readonly int[] lengths = new int[MaxTokens];

        /// <summary>The line last parsed.</summary>
        public string Text { get; private set; } = "";

        /// <summary>Tokens kept.</summary>
        public int Count { get; private set; }

        /// <summary>True when the line had more than <see cref="MaxTokens"/> tokens.</summary>
        public bool TooMany { get; private set; }

        /// <summary>Splits <paramref name="line"/>; runs of spaces and tabs separate tokens.</summary>
        public void Parse(string line)
        {
            Text = line;
            Count = 0;
            TooMany = false;
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && IsSeparator(line[i]))
                {
                    i++;
                }

                if (i == line.Length)
                {
                    break;
                }

                int start = i;
                while (i < line.Length && !IsSeparator(line[i]))
                {
                    i++;
                }

                if (Count == MaxTokens)
                {
                    TooMany = true;
                    return;
                }

                starts[Count] = start;
                lengths[Count] = i - start;
                Count++;
            }
        }

        /// <summary>True if token <paramref name="index"/> is <paramref name="word"/> (a lower-case word), ignoring ASCII case.</summary>
        public bool Is(int index, string word)
        {
            if (lengths[index] != word.Length)
            {
                return false;
            }

            int start = starts[index];
            for (int i = 0; i < word.Length; i++)
            {
                char c = Text[start + i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + ('a' - 'A'));
                }

                if (c != word[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Index in <see cref="Text"/> where token <paramref name="index"/> starts.</summary>
        public int Start(int index) => starts[index];

        /// <summary>Characters in token <paramref name="index"/>.</summary>
        public int Length(int index) => lengths[index];

        /// <summary>Token <paramref name="index"/> as a new string.</summary>
        public string Token(int index) => Text.Substring(starts[index], lengths[index]);

        private static bool IsSeparator(char c)
        {
            return c == ' ' || c == '\t';
        }
    }
}
