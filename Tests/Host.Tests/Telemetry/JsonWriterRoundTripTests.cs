using System;
using System.Text;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Core.Telemetry;

namespace SensorNode.Host.Tests.Telemetry
{
    /// <summary>Everything the writer produces must parse with System.Text.Json and read back as written.</summary>
    [TestClass]
    public class JsonWriterRoundTripTests
    {
        [TestMethod]
        public void NestedDocumentParsesBackToTheSameValues()
        {
            var writer = new JsonWriter(new byte[512]);
            writer.BeginObject();
            writer.WriteString("health", "watch");
            writer.WriteLong("seq", long.MaxValue);
            writer.WriteInt("min", int.MinValue);
            writer.WriteFixed("tempC", -5, 2);
            writer.WriteBool("learning", true);
            writer.WriteNull("fault");
            writer.BeginArray("scores");
            writer.WriteIntValue(1);
            writer.WriteFixedValue(123456, 3);
            writer.BeginObject();
            writer.WriteString("k", "v\"\\\n");
            writer.EndObject();
            writer.EndArray();
            writer.EndObject();

            Assert.IsTrue(writer.IsComplete);
            using JsonDocument document = Parse(writer);
            JsonElement root = document.RootElement;
            Assert.AreEqual("watch", root.GetProperty("health").GetString());
            Assert.AreEqual(long.MaxValue, root.GetProperty("seq").GetInt64());
            Assert.AreEqual(int.MinValue, root.GetProperty("min").GetInt32());
            Assert.AreEqual(-0.05m, root.GetProperty("tempC").GetDecimal());
            Assert.IsTrue(root.GetProperty("learning").GetBoolean());
            Assert.AreEqual(JsonValueKind.Null, root.GetProperty("fault").ValueKind);
            JsonElement scores = root.GetProperty("scores");
            Assert.AreEqual(3, scores.GetArrayLength());
            Assert.AreEqual(123.456m, scores[1].GetDecimal());
            Assert.AreEqual("v\"\\\n", scores[2].GetProperty("k").GetString());
        }

        [TestMethod]
        public void FixedValuesParseToTheExactDecimal()
        {
            var random = new Random(6);
            var writer = new JsonWriter(new byte[64]);
            long[] edges = { 0, 1, -1, 9, -9, 10, -10, 99, -100, long.MaxValue, long.MinValue, long.MinValue + 1 };
            for (int i = 0; i < 2000; i++)
            {
                long value = i < edges.Length ? edges[i] : random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64);
                int decimals = random.Next(JsonWriter.MaxDecimals + 1);
                writer.Reset();
                writer.WriteFixedValue(value, decimals);

                string text = Encoding.UTF8.GetString(writer.Buffer, 0, writer.Length);
                using JsonDocument document = Parse(writer);
                Assert.AreEqual(JsonValueKind.Number, document.RootElement.ValueKind, text);
                // decimal holds 28 digits, enough for any long with up to 18 decimals.
                decimal expected = value / Pow10(decimals);
                Assert.AreEqual(expected, document.RootElement.GetDecimal(), text);
                int point = text.IndexOf('.');
                Assert.AreEqual(decimals, point < 0 ? 0 : text.Length - point - 1, text);
            }
        }

        [TestMethod]
        public void AllControlCharsRoundTrip()
        {
            var chars = new char[0x20];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)i;
            }

            AssertRoundTrip(new string(chars));
        }

        [TestMethod]
        public void EveryBmpCharRoundTripsAndLoneSurrogatesBecomeReplacementChars()
        {
            var writer = new JsonWriter(new byte[8]);
            for (int c = 0; c <= 0xFFFF; c++)
            {
                string text = ((char)c).ToString();
                writer.Reset();
                writer.WriteStringValue(text);
                Assert.IsTrue(writer.IsComplete, "U+" + c.ToString("X4"));
                using JsonDocument document = Parse(writer);
                bool surrogate = c >= 0xD800 && c <= 0xDFFF;
                Assert.AreEqual(surrogate ? "\uFFFD" : text, document.RootElement.GetString(), "U+" + c.ToString("X4"));
            }
        }

        [TestMethod]
        public void RandomUtf16StringsMatchTheDotNetEncoder()
        {
            // The reference: .NET's UTF-8 encoder replaces lone surrogates with U+FFFD as the writer does.
            var random = new Random(66);
            var writer = new JsonWriter(new byte[4096]);
            for (int iteration = 0; iteration < 3000; iteration++)
            {
                string text = RandomUtf16(random, random.Next(0, 200));
                string expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

                writer.Reset();
                writer.BeginObject();
                writer.WriteString(text, text);
                writer.EndObject();
                Assert.IsTrue(writer.IsComplete);

                using JsonDocument document = Parse(writer);
                JsonProperty property = Single(document.RootElement);
                Assert.AreEqual(expected, property.Name);
                Assert.AreEqual(expected, property.Value.GetString());
            }
        }

        [TestMethod]
        public void OverflowAtEveryCapacityNeverProducesAFalseCompleteMessage()
        {
            // Whatever the capacity, the writer either completes (and parses) or reports the overflow.
            for (int capacity = 0; capacity < 80; capacity++)
            {
                var writer = new JsonWriter(new byte[capacity]);
                writer.BeginObject();
                writer.WriteString("name", "va\u00E9\uD83D\uDE00\n");
                writer.WriteFixed("x", -12345, 3);
                writer.EndObject();
                Assert.AreNotEqual(writer.IsComplete, writer.Overflowed, "capacity " + capacity);
                Assert.IsTrue(writer.Length <= capacity);
                if (writer.IsComplete)
                {
                    using JsonDocument document = Parse(writer);
                    Assert.AreEqual(-12.345m, document.RootElement.GetProperty("x").GetDecimal());
                }
                else
                {
                    // The bytes written so far are a valid UTF-8 prefix: no split sequences.
                    Encoding strict = new UTF8Encoding(false, true);
                    strict.GetString(writer.Buffer, 0, writer.Length);
                }
            }
        }

        [TestMethod]
        public void SteadyStateWritingAllocatesNothing()
        {
            var writer = new JsonWriter(new byte[1024]);
            char[] reply = "ok: mqtt.port = 8883 \u00E9".ToCharArray();
            WriteTypicalMessage(writer, reply);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                WriteTypicalMessage(writer, reply);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(writer.IsComplete);
        }

        private static void WriteTypicalMessage(JsonWriter writer, char[] reply)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteLong("seq", 123456789012L);
            writer.WriteString("type", "alarm");
            writer.WriteString("reason", "velocity \"zone C\"\n");
            writer.WriteFixed("velocityRmsMmS", 4567, 3);
            writer.WriteFixed("tempC", -1234, 2);
            writer.WriteInt("score", -32768);
            writer.WriteBool("ok", false);
            writer.WriteNull("next");
            writer.WriteString("output", reply, 0, reply.Length);
            writer.BeginArray("a");
            writer.WriteLongValue(long.MinValue);
            writer.EndArray();
            writer.EndObject();
        }

        private static void AssertRoundTrip(string text)
        {
            var writer = new JsonWriter(new byte[text.Length * 6 + 2]);
            writer.WriteStringValue(text);
            Assert.IsTrue(writer.IsComplete);
            using JsonDocument document = Parse(writer);
            Assert.AreEqual(text, document.RootElement.GetString());
        }

        private static JsonDocument Parse(JsonWriter writer)
        {
            return JsonDocument.Parse(new ReadOnlyMemory<byte>(writer.Buffer, 0, writer.Length));
        }

        private static JsonProperty Single(JsonElement element)
        {
            JsonProperty found = default;
            int count = 0;
            foreach (JsonProperty property in element.EnumerateObject())
            {
                found = property;
                count++;
            }

            Assert.AreEqual(1, count);
            return found;
        }

        private static decimal Pow10(int exponent)
        {
            decimal result = 1m;
            for (int i = 0; i < exponent; i++)
            {
                result *= 10m;
            }

            return result;
        }

        // Mostly valid text across all planes, with control chars, quotes and lone surrogates mixed in.
        private static string RandomUtf16(Random random, int length)
        {
            var builder = new StringBuilder(length * 2);
            for (int i = 0; i < length; i++)
            {
                switch (random.Next(8))
                {
                    case 0: builder.Append((char)random.Next(0x20)); break;
                    case 1: builder.Append("\"\\/"[random.Next(3)]); break;
                    case 2: builder.Append((char)random.Next(0x20, 0x80)); break;
                    case 3: builder.Append((char)random.Next(0x80, 0x800)); break;
                    case 4: builder.Append((char)random.Next(0x800, 0x10000)); break;
                    case 5: builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                    case 6: builder.Append((char)random.Next(0xD800, 0xE000)); break;
                    default: builder.Append((char)random.Next(0xFFF0, 0x10000)); break;
                }
            }

            return builder.ToString();
        }
    }
}
