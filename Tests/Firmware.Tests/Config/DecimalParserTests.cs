using SensorNode.Core.Config;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    [TestClass]
    public class DecimalParserTests
    {
        [TestMethod]
        [DataRow("0", 0L)]
        [DataRow("-0", 0L)]
        [DataRow("+7", 7L)]
        [DataRow("007", 7L)]
        [DataRow("-1", -1L)]
        [DataRow("65535", 65535L)]
        [DataRow("9223372036854775807", long.MaxValue)]
        [DataRow("-9223372036854775808", long.MinValue)]
        [DataRow("-9223372036854775807", -9223372036854775807L)]
        public void Accepts(string text, long expected)
        {
            Assert.IsTrue(DecimalParser.TryParse(text, out long value), text);
            Assert.AreEqual(expected, value);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("+")]
        [DataRow("-")]
        [DataRow("--1")]
        [DataRow("+-1")]
        [DataRow("1-")]
        [DataRow(" 1")]
        [DataRow("1 ")]
        [DataRow("1 2")]
        [DataRow("1.5")]
        [DataRow("1e3")]
        [DataRow("0x10")]
        [DataRow("12a")]
        [DataRow("9223372036854775808")]
        [DataRow("-9223372036854775809")]
        [DataRow("99999999999999999999")]
        [DataRow("000000000000000000000000000000000099999999999999999999")]
        public void Rejects(string text)
        {
            Assert.IsFalse(DecimalParser.TryParse(text, out long value), text);
            Assert.AreEqual(0L, value);
        }

        [TestMethod]
        public void ParsesARangeOfALongerText()
        {
            Assert.IsTrue(DecimalParser.TryParse("port=1883;", 5, 4, out long value));
            Assert.AreEqual(1883L, value);
            Assert.IsFalse(DecimalParser.TryParse("port=1883;", 5, 5, out value));
            Assert.IsFalse(DecimalParser.TryParse("1883", 2, 3, out value));
            Assert.IsFalse(DecimalParser.TryParse("1883", -1, 2, out value));
            Assert.IsFalse(DecimalParser.TryParse(null, out value));
        }
    }
}
