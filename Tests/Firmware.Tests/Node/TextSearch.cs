namespace SensorNode.Core.Tests.Node
{
    /// <summary>Substring search with only String.Length and the indexer, which both test frameworks' runtimes have.</summary>
    public static class TextSearch
    {
        /// <summary>Index of the first <paramref name="needle"/> in <paramref name="text"/> from <paramref name="start"/>, or -1.</summary>
        public static int IndexOf(string text, string needle, int start)
        {
            for (int i = start; i <= text.Length - needle.Length; i++)
            {
                int k = 0;
                while (k < needle.Length && text[i + k] == needle[k])
                {
                    k++;
                }

                if (k == needle.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>True if <paramref name="needle"/> occurs in <paramref name="text"/>.</summary>
        public static bool Contains(string text, string needle)
        {
            return IndexOf(text, needle, 0) >= 0;
        }

        /// <summary>Occurrences of <paramref name="needle"/> in <paramref name="text"/>, not overlapping.</summary>
        public static int Count(string text, string needle)
        {
            int count = 0;
            int at = IndexOf(text, needle, 0);
            while (at >= 0)
            {
                count++;
                at = IndexOf(text, needle, at + needle.Length);
            }

            return count;
        }
    }
}
