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
    public class LineAssemblerTests
    {
        [TestMethod]
        [DataRow("status\r")]
        [DataRow("status\n")]
        [DataRow("status\r\n")]
        public void EachLineEndingEndsExactlyOneLine(string input)
        {
            LineAssembler assembler = new LineAssembler(128);
            int lines = Feed(assembler, input, out int errors);

            Assert.AreEqual(1, lines);
            Assert.AreEqual(0, errors);
            Assert.AreEqual("status", assembler.Line);
        }

        [TestMethod]
        public void BlankLinesAndTheLfOfCrLfAreSwallowed()
        {
            LineAssembler assembler = new LineAssembler(128);
            int lines = Feed(assembler, "\r\n\r\n\n\ra\r\n\n\rb\n", out int errors);

            Assert.AreEqual(2, lines);
            Assert.AreEqual(0, errors);
            Assert.AreEqual("b", assembler.Line);
        }

        [TestMethod]
        public void AnOverLongLineGivesOneErrorAndTheRestOfItIsDiscarded()
        {
            LineAssembler assembler = new LineAssembler(8);
            int errors = 0;
            LineEvent last = LineEvent.None;
            for (int i = 0; i < 100; i++)
            {
                last = assembler.Push((byte)'x');
                if (last == LineEvent.Error)
                {
                    errors++;
                    Assert.AreEqual(8, i, "the ninth character is the one too many");
                }
            }

            Assert.AreEqual(1, errors);
            Assert.IsTrue(assembler.Error == LineError.TooLong);
            Assert.IsTrue(assembler.Push((byte)'\n') == LineEvent.None, "the discarded line yields nothing");
            Assert.AreEqual(1, Feed(assembler, "12345678\n", out errors), "eight characters fit");
            Assert.AreEqual("12345678", assembler.Line);
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0x03)]
        [DataRow(0x1B)]
        [DataRow(0x80)]
        [DataRow(0xC3)]
        [DataRow(0xFF)]
        public void ControlCharactersAndNonAsciiBytesMakeTheLineBad(int bad)
        {
            LineAssembler assembler = new LineAssembler(128);
            Feed(assembler, "sta", out int errors);
            Assert.IsTrue(assembler.Push((byte)bad) == LineEvent.Error);
            Assert.IsTrue(assembler.Error == LineError.BadCharacter);
            Assert.AreEqual((byte)bad, assembler.BadByte);

            int lines = Feed(assembler, "tus\x01\x02\r\n", out errors);
            Assert.AreEqual(0, lines);
            Assert.AreEqual(0, errors, "one error per line, however much noise follows");
            Assert.AreEqual(1, Feed(assembler, "status\r\n", out errors));
        }

        [TestMethod]
        public void BackspaceAndDeleteEraseAndTabIsASpace()
        {
            LineAssembler assembler = new LineAssembler(128);
            Feed(assembler, "statx\x08us\tjsoo\x7Fn\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08\x08help\r", out int errors);

            Assert.AreEqual(0, errors);
            Assert.AreEqual("help", assembler.Line);
            Feed(assembler, "statx\x08us\tjsoo\x7Fn\r", out errors);
            Assert.AreEqual("status json", assembler.Line);
        }

        [TestMethod]
        public void ALengthBelowOneIsRejected()
        {
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new LineAssembler(0));
        }

        private static int Feed(LineAssembler assembler, string text, out int errors)
        {
            int lines = 0;
            errors = 0;
            for (int i = 0; i < text.Length; i++)
            {
                LineEvent result = assembler.Push((byte)text[i]);
                if (result == LineEvent.Line)
                {
                    lines++;
                }
                else if (result == LineEvent.Error)
                {
                    errors++;
                }
            }

            return lines;
        }
    }
}
