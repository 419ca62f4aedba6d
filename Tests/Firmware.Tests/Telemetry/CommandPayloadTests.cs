using SensorNode.Core.Telemetry;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class CommandPayloadTests
    {
        [TestMethod]
        [DataRow("status", "status")]
        [DataRow("get mqtt.port\n", "get mqtt.port")]
        [DataRow("get mqtt.port\r\n", "get mqtt.port")]
        [DataRow("get mqtt.port\r", "get mqtt.port")]
        [DataRow("  set report.active_s 5 ", "  set report.active_s 5 ")]
        public void OneLineOfTextIsDecoded(string payload, string expected)
        {
            string decoded;
            Assert.IsTrue(Decode(Ascii(payload), out decoded) == CommandPayloadStatus.Ok);
            Assert.AreEqual(expected, decoded);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("\n")]
        [DataRow("\r\n")]
        [DataRow("   ")]
        [DataRow(" \t \n")]
        public void NothingButBlanksIsEmpty(string payload)
        {
            string decoded;
            Assert.IsTrue(Decode(Ascii(payload), out decoded) == CommandPayloadStatus.Empty);
        }

        [TestMethod]
        public void TheSizeLimitIs256Bytes()
        {
            byte[] payload = new byte[257];
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = (byte)'a';
            }

            char[] chars = new char[CommandPayload.MaxBytes];
            int count;
            Assert.IsTrue(CommandPayload.Decode(payload, 256, chars, out count) == CommandPayloadStatus.Ok);
            Assert.AreEqual(256, count);
            Assert.IsTrue(CommandPayload.Decode(payload, 257, chars, out count) == CommandPayloadStatus.TooLong);
            Assert.AreEqual(0, count);
        }

        [TestMethod]
        public void InvalidUtf8IsRefused()
        {
            byte[][] cases =
            {
                new byte[] { 0xFF },
                new byte[] { 0x80 },
                new byte[] { 0x41, 0xC3 },
                new byte[] { 0xC0, 0xAF },
                new byte[] { 0xE0, 0x80, 0xAF },
                new byte[] { 0xED, 0xA0, 0x80 },
                new byte[] { 0xF4, 0x90, 0x80, 0x80 },
                new byte[] { 0xF5, 0x80, 0x80, 0x80 },
                new byte[] { 0xE2, 0x82, 0x41 },
            };
            for (int i = 0; i < cases.Length; i++)
            {
                string decoded;
                Assert.IsTrue(Decode(cases[i], out decoded) == CommandPayloadStatus.NotUtf8, "case " + i);
            }
        }

        [TestMethod]
        public void ValidMultiByteUtf8IsDecoded()
        {
            // "é€😀": 2-, 3- and 4-byte sequences; the last becomes a surrogate pair.
            byte[] payload = { 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80 };
            string decoded;
            Assert.IsTrue(Decode(payload, out decoded) == CommandPayloadStatus.Ok);
            Assert.AreEqual(4, decoded.Length);
            Assert.AreEqual(0xE9, (int)decoded[0]);
            Assert.AreEqual(0x20AC, (int)decoded[1]);
            Assert.AreEqual(0xD83D, (int)decoded[2]);
            Assert.AreEqual(0xDE00, (int)decoded[3]);
        }

        [TestMethod]
        public void ALineBreakInsideIsRefused()
        {
            string decoded;
            Assert.IsTrue(Decode(Ascii("status\nreboot"), out decoded) == CommandPayloadStatus.MultipleLines);
            Assert.IsTrue(Decode(Ascii("status\r\n\r\n"), out decoded) == CommandPayloadStatus.MultipleLines);
        }

        [TestMethod]
        public void EveryRefusalHasAMessage()
        {
            for (int status = 1; status <= (int)CommandPayloadStatus.Busy; status++)
            {
                Assert.IsTrue(CommandPayload.ErrorText((CommandPayloadStatus)status).Length > 10, "status " + status);
            }

            Assert.AreEqual("", CommandPayload.ErrorText(CommandPayloadStatus.Ok));
        }

        private static CommandPayloadStatus Decode(byte[] payload, out string decoded)
        {
            char[] chars = new char[CommandPayload.MaxBytes];
            int count;
            CommandPayloadStatus status = CommandPayload.Decode(payload, payload.Length, chars, out count);
            decoded = new string(chars, 0, count);
            return status;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
