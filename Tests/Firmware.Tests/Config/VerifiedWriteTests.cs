using SensorNode.Core.Config;
using SensorNode.Core.Tests.Support;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    [TestClass]
    public class VerifiedWriteTests
    {
        [TestMethod]
        public void AFileThatReadsBackTheSameIsOk()
        {
            var storage = new MemoryFileStorage();
            byte[] data = { 1, 2, 3, 4, 5 };
            Assert.IsTrue(VerifiedWrite.Write(storage, "f.tmp", data, 4, new byte[8]) == StorageStatus.Ok);
            Assert.AreEqual(4, storage.Get("f.tmp").Length);
        }

        [TestMethod]
        public void AFlippedBitOnTheWayIsAnIoError()
        {
            var storage = new MemoryFileStorage();
            storage.FlipBitOnNextWrite = true;
            Assert.IsTrue(VerifiedWrite.Write(storage, "f.tmp", new byte[] { 1, 2, 3 }, 3, new byte[8]) == StorageStatus.IoError);
        }

        [TestMethod]
        public void AFailedWriteIsPassedOn()
        {
            var storage = new MemoryFileStorage();
            storage.NextWriteStatus = StorageStatus.Full;
            Assert.IsTrue(VerifiedWrite.Write(storage, "f.tmp", new byte[] { 1 }, 1, new byte[8]) == StorageStatus.Full);
        }
    }
}
