using SensorNode.Core.Tests.Node;

namespace SensorNode.Core.Tests.Telemetry
{
    /// <summary>Reads single values out of JSON text with String.Length and the indexer only (both runtimes have them).</summary>
    public static class JsonText
    {
        /// <summary>The integer after the first <c>"key":</c>; long.MinValue when the key is missing or not an integer.</summary>
        public static long Integer(string json, string key)
        {
            string marker = "\"" + key + "\":";
            int at = TextSearch.IndexOf(json, marker, 0);
            if (at < 0)
            {
                return long.MinValue;
            }

            int i = at + marker.Length;
            bool negative = i < json.Length && json[i] == '-';
            if (negative)
            {
                i++;
            }

            long value = 0;
            int digits = 0;
            while (i < json.Length && json[i] >= '0' && json[i] <= '9')
            {
                value = value * 10 + (json[i] - '0');
                i++;
                digits++;
            }

            return digits == 0 ? long.MinValue : negative ? -value : value;
        }

        /// <summary>True when <paramref name="json"/> holds <c>"key":"value"</c>.</summary>
        public static bool HasString(string json, string key, string value)
        {
            return TextSearch.Contains(json, "\"" + key + "\":\"" + value + "\"");
        }
    }
}
