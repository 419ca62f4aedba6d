using System;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class FolderFileStorageTests
    {
        [TestMethod]
        public void WrittenBytesReadBack()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            var data = Encoding.ASCII.GetBytes("threshold=42\n");

            Assert.AreEqual(StorageStatus.Ok, storage.Write("config.txt", data, data.Length));
            var buffer = new byte[64];
            Assert.AreEqual(StorageStatus.Ok, storage.Read("config.txt", buffer, out int length));
            Assert.AreEqual(data.Length, length);
            CollectionAssert.AreEqual(data, buffer[..length]);
        }

        [TestMethod]
        public void WriteReplacesTheWholeFileAndLeavesNoStagingFile()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            var longer = Encoding.ASCII.GetBytes("0123456789");
            var shorter = Encoding.ASCII.GetBytes("abc");

            storage.Write("f", longer, longer.Length);
            storage.Write("f", shorter, 2);
            var buffer = new byte[16];
            storage.Read("f", buffer, out int length);
            Assert.AreEqual(2, length);
            Assert.AreEqual((byte)'b', buffer[1]);
            CollectionAssert.AreEqual(new[] { "f" }, Array.ConvertAll(Directory.GetFiles(folder.Path), p => Path.GetFileName(p)));
        }

        [TestMethod]
        public void AnEmptyFileReadsAsZeroBytes()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            Assert.AreEqual(StorageStatus.Ok, storage.Write("empty", new byte[4], 0));
            Assert.AreEqual(StorageStatus.Ok, storage.Read("empty", new byte[4], out int length));
            Assert.AreEqual(0, length);
        }

        [TestMethod]
        public void AMissingFileIsNotFound()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            Assert.AreEqual(StorageStatus.NotFound, storage.Read("absent", new byte[4], out int length));
            Assert.AreEqual(0, length);
            Assert.AreEqual(StorageStatus.NotFound, storage.Delete("absent"));
            Assert.AreEqual(StorageStatus.NotFound, storage.Rename("absent", "other"));
        }

        [TestMethod]
        public void AFileLargerThanTheBufferIsTooLargeAndNothingIsCopied()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            storage.Write("big", new byte[] { 1, 2, 3, 4, 5 }, 5);
            var buffer = new byte[4];
            Assert.AreEqual(StorageStatus.TooLarge, storage.Read("big", buffer, out int length));
            Assert.AreEqual(0, length);
            CollectionAssert.AreEqual(new byte[4], buffer);
        }

        [TestMethod]
        public void RenameReplacesTheTargetAndRemovesTheSource()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            storage.Write("config.tmp", new byte[] { 2 }, 1);
            storage.Write("config", new byte[] { 1, 1 }, 2);

            Assert.AreEqual(StorageStatus.Ok, storage.Rename("config.tmp", "config"));
            var buffer = new byte[4];
            Assert.AreEqual(StorageStatus.Ok, storage.Read("config", buffer, out int length));
            Assert.AreEqual(1, length);
            Assert.AreEqual((byte)2, buffer[0]);
            Assert.AreEqual(StorageStatus.NotFound, storage.Read("config.tmp", buffer, out _));
        }

        [TestMethod]
        public void AFailedRenameLeavesTheTargetAlone()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            storage.Write("config", new byte[] { 7 }, 1);
            Assert.AreEqual(StorageStatus.NotFound, storage.Rename("config.tmp", "config"));
            var buffer = new byte[4];
            Assert.AreEqual(StorageStatus.Ok, storage.Read("config", buffer, out _));
            Assert.AreEqual((byte)7, buffer[0]);
        }

        [TestMethod]
        public void DeleteRemovesTheFile()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            storage.Write("f", new byte[] { 1 }, 1);
            Assert.AreEqual(StorageStatus.Ok, storage.Delete("f"));
            Assert.AreEqual(StorageStatus.NotFound, storage.Read("f", new byte[1], out _));
        }

        [TestMethod]
        public void AFileSystemErrorIsAnIoErrorNotAnException()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);

            // A directory where a file should be: the host refuses to open or replace it.
            Directory.CreateDirectory(Path.Combine(folder.Path, "blocked"));
            Assert.AreEqual(StorageStatus.IoError, storage.Read("blocked", new byte[4], out _));
            Assert.AreEqual(StorageStatus.IoError, storage.Write("blocked", new byte[] { 1 }, 1));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("a/b")]
        [DataRow("a\\b")]
        [DataRow("..")]
        [DataRow("I:config")]
        [DataRow("two words")]
        [DataRow("caf\u00e9")]
        [DataRow("tab\there")]
        [DataRow("0123456789012345678901234567890x")]
        public void NamesOutsideTheContractAreProgrammingErrors(string name)
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            Assert.IsFalse(FolderFileStorage.IsValidName(name));
            Assert.ThrowsExactly<ArgumentException>(() => storage.Write(name, new byte[1], 1));
            Assert.ThrowsExactly<ArgumentException>(() => storage.Read(name, new byte[1], out _));
        }

        [TestMethod]
        public void ThirtyOneCharacterNamesWork()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            string name = "abcdefghijklmnopqrstuvwxyz.json";
            Assert.AreEqual(31, name.Length);
            Assert.AreEqual(StorageStatus.Ok, storage.Write(name, new byte[] { 9 }, 1));
            Assert.AreEqual(StorageStatus.Ok, storage.Read(name, new byte[1], out int length));
            Assert.AreEqual(1, length);
        }

        [TestMethod]
        public void BadBuffersAreProgrammingErrors()
        {
            using var folder = new TempFolder();
            var storage = new FolderFileStorage(folder.Path);
            Assert.ThrowsExactly<ArgumentNullException>(() => storage.Write("f", null, 0));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => storage.Write("f", new byte[2], 3));
            Assert.ThrowsExactly<ArgumentNullException>(() => storage.Read("f", null, out _));
        }

        private sealed class TempFolder : IDisposable
        {
            public TempFolder()
            {
                Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "node-storage-" + Guid.NewGuid().ToString("N"));
            }

            public string Path { get; }

            public void Dispose()
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }
            }
        }
    }
}
