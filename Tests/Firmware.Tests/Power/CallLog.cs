namespace SensorNode.Core.Tests.Power
{
    /// <summary>
    /// The order in which one test's fakes were called: each fake adds a short line ("power:eco", "event:power:eco",
    /// "deepsleep"...), so a test can check that announcements come before the change they announce.
    /// </summary>
    public sealed class CallLog
    {
        private readonly string[] entries = new string[4096];

        /// <summary>Lines so far (the log keeps the first 4096).</summary>
        public int Count { get; private set; }

        /// <summary>Adds a line.</summary>
        public void Add(string entry)
        {
            if (Count < entries.Length)
            {
                entries[Count] = entry;
            }

            Count++;
        }

        /// <summary>The line at <paramref name="index"/>.</summary>
        public string At(int index) => entries[index];

        /// <summary>Index of the first line equal to <paramref name="entry"/> at or after <paramref name="from"/>, or -1.</summary>
        public int IndexOf(string entry, int from)
        {
            int end = Count < entries.Length ? Count : entries.Length;
            for (int i = from < 0 ? 0 : from; i < end; i++)
            {
                if (entries[i] == entry)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Lines equal to <paramref name="entry"/>.</summary>
        public int Occurrences(string entry)
        {
            int n = 0;
            int end = Count < entries.Length ? Count : entries.Length;
            for (int i = 0; i < end; i++)
            {
                if (entries[i] == entry)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
