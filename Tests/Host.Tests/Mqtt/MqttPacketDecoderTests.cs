using System;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Host.Tests.Mqtt
{
    [TestClass]
    public class MqttPacketDecoderTests
    {
        [TestMethod]
        [DataRow("20 02 00 00", 0, false)]
        [DataRow("20 02 01 00", 0, true)]
        [DataRow("20 02 00 01", 1, false)]
        [DataRow("20 02 00 04", 4, false)]
        [DataRow("20 02 00 05", 5, false)]
        public void ConnAck(string hex, int returnCode, bool sessionPresent)
        {
            MqttPacket packet = DecodeSingle(hex);
            Assert.AreEqual(MqttPacketType.ConnAck, packet.Type);
            Assert.AreEqual(returnCode, packet.ConnectReturnCode);
            Assert.AreEqual(sessionPresent, packet.SessionPresent);
        }

        [TestMethod]
        public void PubAckUnsubAckAndPingResp()
        {
            MqttPacket packet = DecodeSingle("40 02 12 34");
            Assert.AreEqual(MqttPacketType.PubAck, packet.Type);
            Assert.AreEqual(0x1234, packet.PacketId);

            packet = DecodeSingle("B0 02 00 09");
            Assert.AreEqual(MqttPacketType.UnsubAck, packet.Type);
            Assert.AreEqual(9, packet.PacketId);

            Assert.AreEqual(MqttPacketType.PingResp, DecodeSingle("D0 00").Type);
        }

        [TestMethod]
        [DataRow("90 03 00 07 00", 0)]
        [DataRow("90 03 00 07 01", 1)]
        [DataRow("90 03 00 07 80", 0x80)]
        public void SubAck(string hex, int returnCode)
        {
            MqttPacket packet = DecodeSingle(hex);
            Assert.AreEqual(MqttPacketType.SubAck, packet.Type);
            Assert.AreEqual(7, packet.PacketId);
            Assert.AreEqual(returnCode, packet.SubscribeReturnCode);
            Assert.AreEqual(1, packet.SubscribeReturnCodeCount);
        }

        [TestMethod]
        [DataRow(MqttQos.AtMostOnce, false, false)]
        [DataRow(MqttQos.AtLeastOnce, false, false)]
        [DataRow(MqttQos.AtLeastOnce, true, true)]
        [DataRow(MqttQos.AtMostOnce, true, false)]
        public void PublishRoundTripsThroughTheEncoder(MqttQos qos, bool retain, bool duplicate)
        {
            var encoder = new MqttPacketEncoder();
            byte[] payload = Encoding.UTF8.GetBytes("{\"t\":\"\u00E9\"}");
            encoder.Publish("plant/node-\u00E9/cmd", payload, 0, payload.Length, qos, retain, duplicate, 321);

            var decoder = new MqttPacketDecoder();
            Assert.AreEqual(MqttDecodeStatus.PacketReady, decoder.Decode(encoder.Buffer, 0, encoder.Length, out int consumed));
            Assert.AreEqual(encoder.Length, consumed);
            MqttPacket packet = decoder.Packet;
            Assert.AreEqual(MqttPacketType.Publish, packet.Type);
            Assert.AreEqual("plant/node-\u00E9/cmd", packet.Topic);
            Assert.AreEqual((int)qos, packet.Qos);
            Assert.AreEqual(retain, packet.Retain);
            Assert.AreEqual(duplicate, packet.Duplicate);
            Assert.AreEqual(qos == MqttQos.AtLeastOnce ? 321 : 0, packet.PacketId);
            CollectionAssert.AreEqual(payload, Slice(packet.PayloadBuffer, packet.PayloadOffset, packet.PayloadCount));
        }

        [TestMethod]
        public void PublishWithEmptyPayload()
        {
            MqttPacket packet = DecodeSingle("31 03 00 01 74");
            Assert.AreEqual("t", packet.Topic);
            Assert.IsTrue(packet.Retain);
            Assert.AreEqual(0, packet.PayloadCount);
        }

        [TestMethod]
        public void ByteByByteFeedingGivesTheSamePackets()
        {
            byte[] stream = Hex.Bytes("20 02 00 00  90 03 00 01 01  32 08 00 01 74 00 05 61 62 63  D0 00  40 02 00 05");
            var decoder = new MqttPacketDecoder();
            var types = new System.Collections.Generic.List<MqttPacketType>();
            for (int i = 0; i < stream.Length; i++)
            {
                MqttDecodeStatus status = decoder.Decode(stream, i, 1, out int consumed);
                Assert.AreEqual(1, consumed);
                if (status == MqttDecodeStatus.PacketReady)
                {
                    types.Add(decoder.Packet.Type);
                    if (decoder.Packet.Type == MqttPacketType.Publish)
                    {
                        Assert.AreEqual(5, decoder.Packet.PacketId);
                        Assert.AreEqual("abc", Encoding.ASCII.GetString(decoder.Packet.PayloadBuffer, decoder.Packet.PayloadOffset, decoder.Packet.PayloadCount));
                    }
                }
                else
                {
                    Assert.AreEqual(MqttDecodeStatus.NeedMoreData, status);
                }
            }

            CollectionAssert.AreEqual(
                new[] { MqttPacketType.ConnAck, MqttPacketType.SubAck, MqttPacketType.Publish, MqttPacketType.PingResp, MqttPacketType.PubAck },
                types.ToArray());
        }

        [TestMethod]
        public void OneChunkWithSeveralPacketsStopsAfterEach()
        {
            byte[] stream = Hex.Bytes("D0 00 D0 00 40 02 00 01");
            var decoder = new MqttPacketDecoder();
            Assert.AreEqual(MqttDecodeStatus.PacketReady, decoder.Decode(stream, 0, stream.Length, out int consumed));
            Assert.AreEqual(2, consumed);
            Assert.AreEqual(MqttDecodeStatus.PacketReady, decoder.Decode(stream, 2, stream.Length - 2, out consumed));
            Assert.AreEqual(2, consumed);
            Assert.AreEqual(MqttDecodeStatus.PacketReady, decoder.Decode(stream, 4, stream.Length - 4, out consumed));
            Assert.AreEqual(MqttPacketType.PubAck, decoder.Packet.Type);
            Assert.AreEqual(MqttDecodeStatus.NeedMoreData, decoder.Decode(stream, 8, 0, out consumed));
        }

        [TestMethod]
        [DataRow("40")]
        [DataRow("40 02")]
        [DataRow("40 02 00")]
        [DataRow("30 FF")]
        [DataRow("30 80 80 80")]
        [DataRow("32 06 00 03 61 2F")]
        public void TruncatedPacketWaitsForMoreData(string hex)
        {
            byte[] bytes = Hex.Bytes(hex);
            var decoder = new MqttPacketDecoder();
            Assert.AreEqual(MqttDecodeStatus.NeedMoreData, decoder.Decode(bytes, 0, bytes.Length, out int consumed));
            Assert.AreEqual(bytes.Length, consumed);
        }

        [TestMethod]
        [DataRow("30 80 80 80 80 01", "more than 4 bytes")]
        [DataRow("30 FF FF FF 7F", "exceeds the limit")]
        [DataRow("30 81 80 04", "exceeds the limit")]
        [DataRow("00 00", "not one a broker sends")]
        [DataRow("10 00", "not one a broker sends")]
        [DataRow("50 02 00 01", "not one a broker sends")]
        [DataRow("62 02 00 01", "not one a broker sends")]
        [DataRow("70 02 00 01", "not one a broker sends")]
        [DataRow("82 00", "not one a broker sends")]
        [DataRow("A2 00", "not one a broker sends")]
        [DataRow("C0 00", "not one a broker sends")]
        [DataRow("E0 00", "not one a broker sends")]
        [DataRow("F0 00", "not one a broker sends")]
        [DataRow("21 02 00 00", "flags")]
        [DataRow("41 02 00 01", "flags")]
        [DataRow("98 03 00 01 00", "flags")]
        [DataRow("D1 00", "flags")]
        [DataRow("34 05 00 01 74 00 01", "QoS 2")]
        [DataRow("36 05 00 01 74 00 01", "QoS 3")]
        [DataRow("38 03 00 01 74", "DUP")]
        [DataRow("20 03 00 00 00", "must be 2")]
        [DataRow("20 01 00", "must be 2")]
        [DataRow("20 02 02 00", "reserved flag")]
        [DataRow("20 02 00 06", "return code 6")]
        [DataRow("20 02 01 05", "session present")]
        [DataRow("40 02 00 00", "packet id 0")]
        [DataRow("40 03 00 01 00", "must be 2")]
        [DataRow("90 02 00 01", "without return codes")]
        [DataRow("90 03 00 01 03", "return code 3")]
        [DataRow("90 03 00 00 01", "packet id 0")]
        [DataRow("D0 01 00", "must be 0")]
        [DataRow("30 01 00", "too short")]
        [DataRow("30 02 00 00", "topic length 0")]
        [DataRow("30 04 00 05 61 62", "does not fit")]
        [DataRow("32 04 00 01 74 00", "does not fit")]
        [DataRow("32 05 00 01 74 00 00", "packet id 0")]
        [DataRow("30 04 00 02 C0 AF", "UTF-8")]
        [DataRow("30 03 00 01 FF", "UTF-8")]
        [DataRow("30 05 00 03 ED A0 80", "UTF-8")]
        [DataRow("30 04 00 02 61 00", "U+0000")]
        [DataRow("30 05 00 03 61 2F 2B", "wildcard")]
        [DataRow("30 03 00 01 23", "wildcard")]
        public void MalformedInputIsRejectedWithAReason(string hex, string reasonPart)
        {
            byte[] bytes = Hex.Bytes(hex);
            var decoder = new MqttPacketDecoder(1000);
            Assert.AreEqual(MqttDecodeStatus.Malformed, DecodeAll(decoder, bytes));
            StringAssert.Contains(decoder.Error, reasonPart);

            // It stays failed until Reset, and then decodes again.
            Assert.AreEqual(MqttDecodeStatus.Malformed, decoder.Decode(Hex.Bytes("D0 00"), 0, 2, out _));
            decoder.Reset();
            Assert.IsNull(decoder.Error);
            Assert.AreEqual(MqttDecodeStatus.PacketReady, decoder.Decode(Hex.Bytes("D0 00"), 0, 2, out _));
        }

        [TestMethod]
        public void LimitIsInclusive()
        {
            var decoder = new MqttPacketDecoder(5);
            Assert.AreEqual(MqttDecodeStatus.PacketReady, DecodeAll(decoder, Hex.Bytes("30 05 00 01 74 61 62")));
            Assert.AreEqual(MqttDecodeStatus.Malformed, DecodeAll(decoder, Hex.Bytes("30 06 00 01 74 61 62 63")));
        }

        [TestMethod]
        public void HugeClaimedLengthIsRejectedBeforeAnyBuffering()
        {
            var decoder = new MqttPacketDecoder();
            byte[] header = Hex.Bytes("30 FF FF FF 7F");
            long before = GC.GetAllocatedBytesForCurrentThread();
            MqttDecodeStatus status = decoder.Decode(header, 0, header.Length, out _);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(MqttDecodeStatus.Malformed, status);
            Assert.IsTrue(allocated < 1024, allocated + " bytes allocated");
            Assert.IsTrue(decoder.BodyCapacity <= 256);
        }

        [TestMethod]
        public void BodyBufferGrowsOnlyAsFarAsTheLimit()
        {
            var decoder = new MqttPacketDecoder(1000);
            var encoder = new MqttPacketEncoder();
            encoder.Publish("t", new byte[995], 0, 995, MqttQos.AtMostOnce, false, false, 0);
            Assert.AreEqual(MqttDecodeStatus.PacketReady, DecodeAll(decoder, Slice(encoder.Buffer, 0, encoder.Length)));
            Assert.IsTrue(decoder.BodyCapacity >= 998 && decoder.BodyCapacity <= 1000, decoder.BodyCapacity.ToString());

            // Growth is by doubling, capped at the limit.
            encoder.Publish("t", new byte[300], 0, 300, MqttQos.AtMostOnce, false, false, 0);
            var small = new MqttPacketDecoder(1000);
            Assert.AreEqual(MqttDecodeStatus.PacketReady, DecodeAll(small, Slice(encoder.Buffer, 0, encoder.Length)));
            Assert.AreEqual(512, small.BodyCapacity);
        }

        internal static MqttDecodeStatus DecodeAll(MqttPacketDecoder decoder, byte[] bytes)
        {
            int offset = 0;
            while (true)
            {
                MqttDecodeStatus status = decoder.Decode(bytes, offset, bytes.Length - offset, out int consumed);
                offset += consumed;
                if (status != MqttDecodeStatus.PacketReady || offset == bytes.Length)
                {
                    return status;
                }
            }
        }

        private static MqttPacket DecodeSingle(string hex)
        {
            byte[] bytes = Hex.Bytes(hex);
            var decoder = new MqttPacketDecoder();
            MqttDecodeStatus status = decoder.Decode(bytes, 0, bytes.Length, out int consumed);
            Assert.AreEqual(MqttDecodeStatus.PacketReady, status, decoder.Error);
            Assert.AreEqual(bytes.Length, consumed);
            return decoder.Packet;
        }

        private static byte[] Slice(byte[] buffer, int offset, int count)
        {
            var copy = new byte[count];
            Buffer.BlockCopy(buffer, offset, copy, 0, count);
            return copy;
        }
    }
}
