using System;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using SensorNode.Core.Telemetry;
using SensorNode.Core.Tests.Support;

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class JsonWriterTests
    {
        [TestMethod]
        public void EmptyObjectAndArray()
        {
            var writer = new JsonWriter(new byte[64]);
            writer.BeginObject();
            writer.EndObject();
            JsonAssert.Written("{}", writer);

            writer.Reset();
            writer.BeginArray();
            writer.EndArray();
            JsonAssert.Written("[]", writer);
            Assert.IsTrue(writer.IsComplete);
        }

        [TestMethod]
        public void NestedContainersGetCommasOnlyBetweenItems()
        {
            var writer = new JsonWriter(new byte[128]);
            writer.BeginObject();
            writer.WriteInt("a", 1);
            writer.BeginArray("b");
            writer.WriteIntValue(1);
            writer.WriteLongValue(-2L);
            writer.BeginObject();
            writer.WriteBool("c", true);
            writer.WriteBool("d", false);
            writer.EndObject();
            writer.BeginArray();
            writer.EndArray();
            writer.EndArray();
            writer.WriteNull("e");
            writer.WriteString("f", "x");
            writer.BeginObject("g");
            writer.EndObject();
            writer.WriteName("h");
            writer.WriteFixedValue(5L, 1);
            writer.EndObject();

            JsonAssert.Written("{\"a\":1,\"b\":[1,-2,{\"c\":true,\"d\":false},[]],\"e\":null,\"f\":\"x\",\"g\":{},\"h\":0.5}", writer);
            Assert.IsTrue(writer.IsComplete);
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void IsCompleteOnlyWhenEveryContainerIsClosed()
        {
            var writer = new JsonWriter(new byte[32]);
            Assert.IsFalse(writer.IsComplete);
            writer.BeginObject();
            writer.WriteInt("a", 1);
            Assert.IsFalse(writer.IsComplete);
            writer.EndObject();
            Assert.IsTrue(writer.IsComplete);
        }

        [TestMethod]
        public void StringEscapesQuoteBackslashAndShortControlEscapes()
        {
            var writer = new JsonWriter(new byte[64]);
            writer.WriteStringValue("q\"s\\n\nr\rt\tb\bf\f/");
            JsonAssert.Written("\"q\\\"s\\\\n\\nr\\rt\\tb\\bf\\f/\"", writer);
        }

        [TestMethod]
        public void OtherControlCharsBecomeUnicodeEscapes()
        {
            var writer = new JsonWriter(new byte[64]);
            writer.WriteStringValue("\u0000\u0001\u000B\u001A\u001F\u007F");
            // DEL (0x7F) is not a control char for JSON and passes through.
            JsonAssert.Written("\"\\u0000\\u0001\\u000B\\u001A\\u001F\u007F\"", writer);
        }

        [TestMethod]
        public void NamesAreEscapedLikeStrings()
        {
            var writer = new JsonWriter(new byte[64]);
            writer.BeginObject();
            writer.WriteInt("a\"b\n", 3);
            writer.EndObject();
            JsonAssert.Written("{\"a\\\"b\\n\":3}", writer);
        }

        [TestMethod]
        public void NonAsciiIsEncodedAsUtf8()
        {
            var writer = new JsonWriter(new byte[64]);
            // U+00E9 (2 bytes), U+20AC (3 bytes), U+1F600 as a surrogate pair (4 bytes), U+FFFF (3 bytes).
            writer.WriteStringValue("\u00E9\u20AC\uD83D\uDE00\uFFFF");
            JsonAssert.Written(new byte[]
            {
                0x22,
                0xC3, 0xA9,
                0xE2, 0x82, 0xAC,
                0xF0, 0x9F, 0x98, 0x80,
                0xEF, 0xBF, 0xBF,
                0x22,
            }, writer);
        }

        [TestMethod]
        public void LoneSurrogatesBecomeReplacementChar()
        {
            var writer = new JsonWriter(new byte[64]);
            // A high surrogate before a non-surrogate, a low surrogate alone, a high surrogate at the very end.
            writer.WriteStringValue("\uD800a\uDC00\uD83D");
            JsonAssert.Written(new byte[]
            {
                0x22,
                0xEF, 0xBF, 0xBD, 0x61,
                0xEF, 0xBF, 0xBD,
                0xEF, 0xBF, 0xBD,
                0x22,
            }, writer);
        }

        [TestMethod]
        public void SurrogatePairSplitByTheCharRangeIsNotJoined()
        {
            var writer = new JsonWriter(new byte[64]);
            char[] chars = new char[] { 'x', '\uD83D', '\uDE00', 'y' };
            writer.WriteStringValue(chars, 1, 1);
            JsonAssert.Written(new byte[] { 0x22, 0xEF, 0xBF, 0xBD, 0x22 }, writer);
        }

        [TestMethod]
        public void CharRangeOverloadWritesOnlyTheRange()
        {
            var writer = new JsonWriter(new byte[64]);
            char[] chars = new char[] { 'a', 'b', '"', 'd', 'e' };
            writer.BeginObject();
            writer.WriteString("t", chars, 1, 3);
            writer.EndObject();
            JsonAssert.Written("{\"t\":\"b\\\"d\"}", writer);
        }

        [TestMethod]
        public void NullStringIsWrittenAsNull()
        {
            var writer = new JsonWriter(new byte[64]);
            writer.BeginObject();
            writer.WriteString("s", null);
            writer.EndObject();
            JsonAssert.Written("{\"s\":null}", writer);
        }

        [TestMethod]
        [DataRow(0L, "0")]
        [DataRow(7L, "7")]
        [DataRow(-1L, "-1")]
        [DataRow(10L, "10")]
        [DataRow(-1000L, "-1000")]
        [DataRow(2147483647L, "2147483647")]
        [DataRow(-2147483648L, "-2147483648")]
        [DataRow(long.MaxValue, "9223372036854775807")]
        [DataRow(long.MinValue, "-9223372036854775808")]
        public void LongsAreWrittenInPlainDecimal(long value, string expected)
        {
            var writer = new JsonWriter(new byte[32]);
            writer.WriteLongValue(value);
            JsonAssert.Written(expected, writer);
        }

        [TestMethod]
        [DataRow(0, "0")]
        [DataRow(int.MaxValue, "2147483647")]
        [DataRow(int.MinValue, "-2147483648")]
        public void IntsAreWrittenInPlainDecimal(int value, string expected)
        {
            var writer = new JsonWriter(new byte[32]);
            writer.WriteIntValue(value);
            JsonAssert.Written(expected, writer);
        }

        [TestMethod]
        [DataRow(1234L, 2, "12.34")]
        [DataRow(-1234L, 2, "-12.34")]
        [DataRow(-5L, 2, "-0.05")]
        [DataRow(5L, 1, "0.5")]
        [DataRow(0L, 2, "0.00")]
        [DataRow(100L, 2, "1.00")]
        [DataRow(-100L, 2, "-1.00")]
        [DataRow(99L, 2, "0.99")]
        [DataRow(7L, 0, "7")]
        [DataRow(-7L, 0, "-7")]
        [DataRow(1L, 18, "0.000000000000000001")]
        [DataRow(long.MaxValue, 18, "9.223372036854775807")]
        [DataRow(long.MinValue, 18, "-9.223372036854775808")]
        [DataRow(long.MinValue, 2, "-92233720368547758.08")]
        [DataRow(long.MaxValue, 2, "92233720368547758.07")]
        public void FixedPointHasExactlyTheRequestedDecimals(long scaledValue, int decimals, string expected)
        {
            var writer = new JsonWriter(new byte[32]);
            writer.WriteFixedValue(scaledValue, decimals);
            JsonAssert.Written(expected, writer);
        }

        [TestMethod]
        public void NamedFixedWritesNameAndValue()
        {
            var writer = new JsonWriter(new byte[32]);
            writer.BeginObject();
            writer.WriteFixed("tempC", 2345L, 2);
            writer.WriteLong("seq", 12L);
            writer.EndObject();
            JsonAssert.Written("{\"tempC\":23.45,\"seq\":12}", writer);
        }

        [TestMethod]
        [DataRow(-1)]
        [DataRow(19)]
        public void DecimalsOutsideRangeAreRefused(int decimals)
        {
            var writer = new JsonWriter(new byte[32]);
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => writer.WriteFixedValue(1L, decimals));
        }

        [TestMethod]
        public void OverflowIsStickyAndNeverWritesPastTheEnd()
        {
            var writer = new JsonWriter(new byte[10]);
            writer.BeginObject();
            writer.WriteString("name", "value");
            Assert.IsTrue(writer.Overflowed);
            Assert.IsFalse(writer.IsComplete);
            int lengthAtOverflow = writer.Length;
            Assert.IsTrue(lengthAtOverflow <= 10);

            // Later writes that would fit are dropped too: the message is already broken.
            writer.WriteInt("n", 1);
            writer.EndObject();
            Assert.AreEqual(lengthAtOverflow, writer.Length);
            Assert.IsTrue(writer.Overflowed);

            writer.Reset();
            Assert.IsFalse(writer.Overflowed);
            Assert.AreEqual(0, writer.Length);
            writer.BeginObject();
            writer.WriteInt("n", 1);
            writer.EndObject();
            JsonAssert.Written("{\"n\":1}", writer);
        }

        [TestMethod]
        public void MultiByteCharIsNeverSplitByOverflow()
        {
            var writer = new JsonWriter(new byte[3]);
            writer.WriteStringValue("a\u20AC");
            Assert.IsTrue(writer.Overflowed);
            JsonAssert.Written("\"a", writer);
        }

        [TestMethod]
        public void NumberIsNeverSplitByOverflow()
        {
            var writer = new JsonWriter(new byte[4]);
            writer.BeginArray();
            writer.WriteLongValue(12345L);
            Assert.IsTrue(writer.Overflowed);
            JsonAssert.Written("[", writer);
        }

        [TestMethod]
        public void ExactFitIsNotAnOverflow()
        {
            var writer = new JsonWriter(new byte[7]);
            writer.BeginObject();
            writer.WriteInt("n", 1);
            writer.EndObject();
            Assert.IsFalse(writer.Overflowed);
            Assert.IsTrue(writer.IsComplete);
            JsonAssert.Written("{\"n\":1}", writer);
        }

        [TestMethod]
        public void ValueWithoutNameInsideObjectIsRefused()
        {
            var writer = new JsonWriter(new byte[32]);
            writer.BeginObject();
            AssertThrows.Exactly(typeof(InvalidOperationException), () => writer.WriteIntValue(1));
        }

        [TestMethod]
        public void NameInsideArrayIsRefused()
        {
            var writer = new JsonWriter(new byte[32]);
            writer.BeginArray();
            AssertThrows.Exactly(typeof(InvalidOperationException), () => writer.WriteName("a"));
        }

        [TestMethod]
        public void ClosingTheWrongContainerIsRefused()
        {
            var writer = new JsonWriter(new byte[32]);
            writer.BeginObject();
            AssertThrows.Exactly(typeof(InvalidOperationException), () => writer.EndArray());
            AssertThrows.Exactly(typeof(InvalidOperationException), () => new JsonWriter(new byte[8]).EndObject());
        }

        [TestMethod]
        public void NameWithoutValueCannotBeClosed()
        {
            var writer = new JsonWriter(new byte[32]);
            writer.BeginObject();
            writer.WriteName("a");
            AssertThrows.Exactly(typeof(InvalidOperationException), () => writer.EndObject());
        }

        [TestMethod]
        public void SecondTopLevelValueIsRefused()
        {
            var writer = new JsonWriter(new byte[32]);
            writer.WriteIntValue(1);
            AssertThrows.Exactly(typeof(InvalidOperationException), () => writer.WriteIntValue(2));
        }

        [TestMethod]
        public void NestingIsBoundedByMaxDepth()
        {
            var writer = new JsonWriter(new byte[64]);
            for (int i = 0; i < JsonWriter.MaxDepth; i++)
            {
                writer.BeginArray();
            }

            AssertThrows.Exactly(typeof(InvalidOperationException), () => writer.BeginArray());
            for (int i = 0; i < JsonWriter.MaxDepth; i++)
            {
                writer.EndArray();
            }

            Assert.IsTrue(writer.IsComplete);
            Assert.AreEqual(2 * JsonWriter.MaxDepth, writer.Length);
        }

        [TestMethod]
        public void StructureIsStillTrackedAfterOverflow()
        {
            var writer = new JsonWriter(new byte[2]);
            writer.BeginObject();
            writer.BeginArray("long-name");
            writer.WriteIntValue(1);
            writer.EndArray();
            writer.EndObject();
            Assert.IsTrue(writer.Overflowed);
            Assert.IsFalse(writer.IsComplete);
        }
    }
}
