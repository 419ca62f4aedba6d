using System;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Services;
using SensorNode.Hardware.Virtual.Tests.Support;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class StreamSerialLineTests
    {
        // Generous: only reached when the line is broken, never a timing assertion on a working one.
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        [TestMethod]
        public void ReadReturnsZeroAtOnceWhileTheInputHasNothing()
        {
            using var input = new TypedInputStream();
            var line = new StreamSerialLine(input, new MemoryStream());

            // The pump thread is blocked in the input's Read; the line's Read is not.
            Assert.AreEqual(0, line.Read(new byte[16], 0, 16));
            Assert.IsFalse(line.HasInput);
        }

        [TestMethod]
        public void BytesTypedArriveInOrder()
        {
            using var input = new TypedInputStream();
            var line = new StreamSerialLine(input, new MemoryStream());

            var typed = Encoding.ASCII.GetBytes("status\n");
            input.Type(typed);

            var received = new MemoryStream();
            var buffer = new byte[3];
            while (received.Length < typed.Length && line.WaitForInput(Patience))
            {
                int n = line.Read(buffer, 1, 2);
                Assert.IsTrue(n >= 1 && n <= 2);
                received.Write(buffer, 1, n);
            }

            CollectionAssert.AreEqual(typed, received.ToArray());
        }

        [TestMethod]
        public void TheEndOfInputIsReportedAfterTheLastByteIsRead()
        {
            var line = new StreamSerialLine(new MemoryStream(new byte[] { 42 }), new MemoryStream());
            Assert.IsTrue(line.WaitForInput(Patience));
            Assert.IsFalse(line.InputEnded);

            var buffer = new byte[4];
            Assert.AreEqual(1, line.Read(buffer, 0, 4));
            Assert.AreEqual((byte)42, buffer[0]);
            Assert.IsFalse(line.WaitForInput(Patience));
            Assert.IsTrue(line.InputEnded);
        }

        [TestMethod]
        public void AFullReceiveBufferDropsAndCountsTheNewestBytes()
        {
            var sent = new byte[20];
            for (int i = 0; i < sent.Length; i++)
            {
                sent[i] = (byte)i;
            }

            var line = new StreamSerialLine(new MemoryStream(sent), new MemoryStream(), receiveBufferBytes: 8);
            Assert.IsTrue(line.WaitForInput(Patience));
            Assert.AreEqual(12L, line.DroppedBytes);

            var buffer = new byte[32];
            Assert.AreEqual(8, line.Read(buffer, 0, 32));
            CollectionAssert.AreEqual(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 }, buffer[..8]);
        }

        [TestMethod]
        public void WritesReachTheOutputFlushed()
        {
            var output = new FlushCountingStream();
            var line = new StreamSerialLine(new MemoryStream(), output);
            var text = Encoding.ASCII.GetBytes("xxok\r\n");
            line.Write(text, 2, 4);
            CollectionAssert.AreEqual(Encoding.ASCII.GetBytes("ok\r\n"), output.ToArray());
            Assert.AreEqual(1, output.Flushes);
        }

        [TestMethod]
        public void WritingToAVanishedPeerDropsTheBytesQuietly()
        {
            var output = new MemoryStream();
            var line = new StreamSerialLine(new MemoryStream(), output);
            output.Dispose();
            line.Write(new byte[] { 1, 2 }, 0, 2);
            line.Write(new byte[] { 3 }, 0, 1);
            Assert.IsFalse(output.CanWrite);
        }

        [TestMethod]
        public void BadRangesAreProgrammingErrors()
        {
            var line = new StreamSerialLine(new MemoryStream(), new MemoryStream());
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => line.Read(new byte[4], 3, 2));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => line.Write(new byte[4], -1, 1));
            Assert.ThrowsExactly<ArgumentNullException>(() => line.Write(null, 0, 0));
        }

        private sealed class FlushCountingStream : MemoryStream
        {
            public int Flushes { get; private set; }

            public override void Flush()
            {
                Flushes++;
                base.Flush();
            }
        }
    }
}
