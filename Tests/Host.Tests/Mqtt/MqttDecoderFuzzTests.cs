using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Mqtt;

namespace SensorNode.Host.Tests.Mqtt
{
    /// <summary>
    /// Bounded, seeded fuzzing of the decoder with random and mutated byte streams cut into random chunks: it must
    /// never throw, only return its three results, keep consumed within the chunk, and stay inside its memory bound.
    /// </summary>
    [TestClass]
    public class MqttDecoderFuzzTests
    {
        private const int Limit = 2048;
        // Per Decode call: the body buffer (at most Limit), a topic string (UTF-16, 2 x Limit) and an error message.
        private const long AllocationBoundPerCall = 3L * Limit + 1024;

        [TestMethod]
        public void RandomBytes()
        {
            var random = new Random(60);
            var counts = new int[3];
            for (int iteration = 0; iteration < 3000; iteration++)
            {
                var stream = new byte[random.Next(1, 300)];
                random.NextBytes(stream);
                // Bias half the streams towards the valid packet types, or most die at the first byte.
                if ((iteration & 1) == 0)
                {
                    stream[0] = (byte)(new[] { 0x20, 0x30, 0x32, 0x33, 0x40, 0x90, 0xB0, 0xD0 }[random.Next(8)]);
                }

                FeedInRandomChunks(stream, random, counts);
            }

            Assert.IsTrue(counts[(int)MqttDecodeStatus.Malformed] > 0);
            Assert.IsTrue(counts[(int)MqttDecodeStatus.PacketReady] > 0);
        }

        [TestMethod]
        public void MutatedValidStreams()
        {
            var random = new Random(61);
            byte[] valid = ValidStream();
            Assert.AreEqual(9, FeedInRandomChunks(valid, random, new int[3]), "the unmutated stream decodes completely");

            var counts = new int[3];
            for (int iteration = 0; iteration < 5000; iteration++)
            {
                FeedInRandomChunks(Mutate(valid, random), random, counts);
            }

            Assert.IsTrue(counts[(int)MqttDecodeStatus.Malformed] > 0);
            Assert.IsTrue(counts[(int)MqttDecodeStatus.PacketReady] > 0);
        }

        // Returns the number of packets decoded; asserts the decoder's contract on every call.
        private static int FeedInRandomChunks(byte[] stream, Random random, int[] counts)
        {
            var decoder = new MqttPacketDecoder(Limit);
            int offset = 0;
            int packets = 0;
            while (offset < stream.Length)
            {
                int chunk = random.Next(0, Math.Min(64, stream.Length - offset) + 1);
                long before = GC.GetAllocatedBytesForCurrentThread();
                MqttDecodeStatus status = decoder.Decode(stream, offset, chunk, out int consumed);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

                Assert.IsTrue(consumed >= 0 && consumed <= chunk);
                Assert.IsTrue(decoder.BodyCapacity <= Limit);
                Assert.IsTrue(allocated <= AllocationBoundPerCall, allocated + " bytes in one Decode call");
                counts[(int)status]++;
                switch (status)
                {
                    case MqttDecodeStatus.Malformed:
                        Assert.IsNotNull(decoder.Error);
                        return packets;
                    case MqttDecodeStatus.PacketReady:
                        packets++;
                        CheckPacket(decoder.Packet);
                        break;
                    case MqttDecodeStatus.NeedMoreData:
                        Assert.AreEqual(chunk, consumed);
                        break;
                    default:
                        Assert.Fail("unknown status " + status);
                        break;
                }

                offset += consumed;
            }

            return packets;
        }

        private static void CheckPacket(MqttPacket packet)
        {
            if (packet.Type == MqttPacketType.Publish)
            {
                Assert.IsFalse(string.IsNullOrEmpty(packet.Topic));
                Assert.IsTrue(packet.Qos == 0 || packet.Qos == 1);
                Assert.IsTrue(packet.Qos == 0 ? packet.PacketId == 0 : packet.PacketId > 0);
                Assert.IsTrue(packet.PayloadOffset >= 0 && packet.PayloadCount >= 0);
                Assert.IsTrue(packet.PayloadOffset + packet.PayloadCount <= packet.PayloadBuffer.Length);
            }
        }

        private static byte[] ValidStream()
        {
            var stream = new List<byte>();
            stream.AddRange(Hex.Bytes("20 02 00 00"));
            stream.AddRange(Hex.Bytes("90 03 00 01 01"));
            var encoder = new MqttPacketEncoder();
            byte[] payload = new byte[300];
            new Random(62).NextBytes(payload);
            encoder.Publish("plant/node-a1b2c3/cmd", payload, 0, payload.Length, MqttQos.AtLeastOnce, false, false, 77);
            stream.AddRange(Slice(encoder));
            encoder.Publish("homeassistant/status", payload, 0, 6, MqttQos.AtMostOnce, true, false, 0);
            stream.AddRange(Slice(encoder));
            stream.AddRange(Hex.Bytes("40 02 00 05"));
            stream.AddRange(Hex.Bytes("D0 00"));
            stream.AddRange(Hex.Bytes("B0 02 00 03"));
            encoder.Publish("\u00E9/\u20AC", payload, 0, 200, MqttQos.AtLeastOnce, true, true, 65535);
            stream.AddRange(Slice(encoder));
            stream.AddRange(Hex.Bytes("90 04 00 02 00 80"));
            return stream.ToArray();
        }

        private static byte[] Mutate(byte[] valid, Random random)
        {
            var bytes = new List<byte>(valid);
            int mutations = random.Next(1, 5);
            for (int i = 0; i < mutations && bytes.Count > 0; i++)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0: bytes[at] = (byte)random.Next(256); break;
                    case 1: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 2: bytes.RemoveAt(at); break;
                    case 3: bytes.Insert(at, (byte)random.Next(256)); break;
                    default: bytes.RemoveRange(at, bytes.Count - at); break;
                }
            }

            return bytes.ToArray();
        }

        private static byte[] Slice(MqttPacketEncoder encoder)
        {
            var copy = new byte[encoder.Length];
            Buffer.BlockCopy(encoder.Buffer, 0, copy, 0, encoder.Length);
            return copy;
        }
    }
}
