using System;
using SensorNode.Core.Console;
using SensorNode.Core.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Console
{
    [TestClass]
    public class ConsoleReplyTests
    {
        [TestMethod]
        [DataRow(0L, 0, "0")]
        [DataRow(7L, 0, "7")]
        [DataRow(-7L, 0, "-7")]
        [DataRow(1234L, 2, "12.34")]
        [DataRow(-5L, 3, "-0.005")]
        [DataRow(5L, 1, "0.5")]
        [DataRow(0L, 3, "0.000")]
        [DataRow(100L, 2, "1.00")]
        [DataRow(9223372036854775807L, 0, "9223372036854775807")]
        [DataRow(-9223372036854775808L, 3, "-9223372036854775.808")]
        public void FixedPointIsExact(long scaled, int decimals, string expected)
        {
            ConsoleReply reply = new ConsoleReply(256);
            reply.AppendFixed(scaled, decimals);
            Assert.AreEqual(expected, reply.ToString());
        }

        [TestMethod]
        public void DecimalsOutsideTheRangeAreRejected()
        {
            ConsoleReply reply = new ConsoleReply(256);
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => reply.AppendFixed(1, 19));
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => reply.AppendFixed(1, -1));
        }

        [TestMethod]
        public void Utf8IsDecodedAndMalformedBytesBecomeReplacementCharacters()
        {
            ConsoleReply reply = new ConsoleReply(256);
            byte[] bytes = { 0x34, 0x30, 0x20, 0xC2, 0xB0, 0x43, 0x20, 0xE2, 0x82, 0xAC, 0x20, 0xF0, 0x9F, 0x98, 0x80, 0x20, 0x80, 0xC2 };
            reply.AppendUtf8(bytes, 0, bytes.Length);
            string text = reply.ToString();

            Assert.AreEqual("40 \u00B0C \u20AC \uD83D\uDE00 \uFFFD\uFFFD", text);
        }

        [TestMethod]
        public void AReplyThatDoesNotFitIsCutAtALineAndMarked()
        {
            ConsoleReply reply = new ConsoleReply(256);
            for (int i = 0; i < 100; i++)
            {
                reply.Append("line ");
                reply.AppendInt(i);
                reply.AppendLine();
            }

            Assert.IsTrue(reply.Truncated);
            Assert.IsTrue(reply.Length <= reply.Capacity);
            string text = reply.ToString();
            string marker = "\n" + ConsoleReply.TruncatedMarker;
            Assert.AreEqual(marker, text.Substring(text.Length - marker.Length, marker.Length));
            Assert.AreEqual('\n', text[text.Length - marker.Length]);
            Assert.AreEqual('l', text[0]);
        }

        [TestMethod]
        public void AnErrorIsOneLineStartingWithError()
        {
            ConsoleReply reply = new ConsoleReply(256);
            reply.Append("something\nelse");
            reply.Fail("bad ");
            reply.AppendUserText("a\nb\u0007c\u00e9" + new string('x', 60));

            Assert.IsFalse(reply.Ok);
            Assert.AreEqual(1, reply.LineCount());
            Assert.AreEqual("error: bad a?b?c?" + new string('x', 34) + "...", reply.ToString());

            reply.Reset();
            Assert.IsTrue(reply.Ok);
            Assert.AreEqual(0, reply.Length);
        }

        [TestMethod]
        public void ACapacityBelow256IsRejected()
        {
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new ConsoleReply(255));
        }
    }
}
