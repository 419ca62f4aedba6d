using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Host.Tests.Mqtt
{
    /// <summary>Client packets against bytes worked out by hand from the MQTT 3.1.1 specification.</summary>
    [TestClass]
    public class MqttPacketEncoderTests
    {
        [TestMethod]
        public void ConnectWithoutWillOrCredentials()
        {
            var encoder = new MqttPacketEncoder();
            encoder.Connect("a", null, null, null, null, MqttQos.AtMostOnce, false, 60, true);
            // type 1, remaining 13: "MQTT", level 4, flags 0x02 (clean session), keep-alive 60, client id "a".
            AssertEncoded("10 0D 0004 4D515454 04 02 003C 0001 61", encoder);
        }

        [TestMethod]
        public void ConnectWithWillUserAndPassword()
        {
            var encoder = new MqttPacketEncoder();
            encoder.Connect("n", "u", "p", "w", "off", MqttQos.AtLeastOnce, true, 30, true);
            // flags: user 0x80 | password 0x40 | will retain 0x20 | will QoS 1 0x08 | will 0x04 | clean 0x02 = 0xEE.
            AssertEncoded("10 1B 0004 4D515454 04 EE 001E 0001 6E 0001 77 0003 6F6666 0001 75 0001 70", encoder);
        }

        [TestMethod]
        public void ConnectWithoutCleanSessionAndNoKeepAlive()
        {
            var encoder = new MqttPacketEncoder();
            encoder.Connect("id", "user", null, null, null, MqttQos.AtMostOnce, false, 0, false);
            AssertEncoded("10 14 0004 4D515454 04 80 0000 0002 6964 0004 75736572", encoder);
        }

        [TestMethod]
        public void PublishQos0()
        {
            var encoder = new MqttPacketEncoder();
            byte[] payload = Encoding.ASCII.GetBytes("xhix");
            encoder.Publish("a/b", payload, 1, 2, MqttQos.AtMostOnce, false, true, 0);
            // No packet id at QoS 0, and DUP is never set at QoS 0.
            AssertEncoded("30 07 0003 612F62 6869", encoder);
        }

        [TestMethod]
        public void PublishQos1RetainedDuplicate()
        {
            var encoder = new MqttPacketEncoder();
            encoder.Publish("a/b", Encoding.ASCII.GetBytes("hi"), 0, 2, MqttQos.AtLeastOnce, true, true, 0x1234);
            AssertEncoded("3B 09 0003 612F62 1234 6869", encoder);
        }

        [TestMethod]
        public void PublishTopicIsUtf8()
        {
            var encoder = new MqttPacketEncoder();
            encoder.Publish("\u00E9", new byte[0], 0, 0, MqttQos.AtMostOnce, false, false, 0);
            AssertEncoded("30 04 0002 C3A9", encoder);
        }

        [TestMethod]
        [DataRow(0, "00")]
        [DataRow(127, "7F")]
        [DataRow(128, "8001")]
        [DataRow(16383, "FF7F")]
        [DataRow(16384, "808001")]
        [DataRow(2097151, "FFFF7F")]
        [DataRow(2097152, "80808001")]
        public void RemainingLengthUsesTheVariableByteEncoding(int remainingLength, string expectedLengthHex)
        {
            // A QoS 0 PUBLISH to "t" has 3 bytes of variable header; the payload makes up the rest.
            var encoder = new MqttPacketEncoder();
            int payloadBytes = Math.Max(0, remainingLength - 3);
            if (remainingLength < 3)
            {
                encoder.PingReq();
            }
            else
            {
                encoder.Publish("t", new byte[payloadBytes], 0, payloadBytes, MqttQos.AtMostOnce, false, false, 0);
            }

            int lengthBytes = expectedLengthHex.Length / 2;
            Assert.AreEqual(expectedLengthHex, Convert.ToHexString(encoder.Buffer, 1, lengthBytes));
            Assert.AreEqual(1 + lengthBytes + remainingLength, encoder.Length);
        }

        [TestMethod]
        public void PubAck()
        {
            var encoder = new MqttPacketEncoder();
            encoder.PubAck(65535);
            AssertEncoded("40 02 FFFF", encoder);
        }

        [TestMethod]
        public void SubscribeHasFlagsTwoAndOneFilter()
        {
            var encoder = new MqttPacketEncoder();
            encoder.Subscribe(1, "a/#", MqttQos.AtLeastOnce);
            AssertEncoded("82 08 0001 0003 612F23 01", encoder);
        }

        [TestMethod]
        public void PingReqAndDisconnect()
        {
            var encoder = new MqttPacketEncoder();
            encoder.PingReq();
            AssertEncoded("C0 00", encoder);
            encoder.Disconnect();
            AssertEncoded("E0 00", encoder);
        }

        [TestMethod]
        [DataRow("a/+")]
        [DataRow("#")]
        [DataRow("")]
        [DataRow("a\0b")]
        public void PublishTopicWithWildcardOrNothingIsRefused(string topic)
        {
            var encoder = new MqttPacketEncoder();
            Assert.ThrowsExactly<ArgumentException>(
                () => encoder.Publish(topic, new byte[1], 0, 1, MqttQos.AtMostOnce, false, false, 0));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(65536)]
        public void PacketIdOutsideOneTo65535IsRefused(int packetId)
        {
            var encoder = new MqttPacketEncoder();
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => encoder.Publish("t", new byte[1], 0, 1, MqttQos.AtLeastOnce, false, false, packetId));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => encoder.PubAck(packetId));
        }

        [TestMethod]
        public void PasswordWithoutUserNameIsRefused()
        {
            var encoder = new MqttPacketEncoder();
            Assert.ThrowsExactly<ArgumentException>(
                () => encoder.Connect("c", null, "p", null, null, MqttQos.AtMostOnce, false, 10, true));
        }

        [TestMethod]
        public void PayloadRangeOutsideTheArrayIsRefused()
        {
            var encoder = new MqttPacketEncoder();
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(
                () => encoder.Publish("t", new byte[4], 3, 2, MqttQos.AtMostOnce, false, false, 0));
        }

        private static void AssertEncoded(string expectedHex, MqttPacketEncoder encoder)
        {
            Assert.AreEqual(Convert.ToHexString(Hex.Bytes(expectedHex)), Hex.Of(encoder.Buffer, encoder.Length));
        }
    }
}
