using System;
using System.IO;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// <see cref="IFileStorage"/> over one directory on the host disk, standing in for the device's littlefs volume.
    /// </summary>
    /// <remarks>
    /// A name that breaks the contract (flat, printable ASCII without spaces or <c>/ \ : * ? " &lt; &gt; |</c>,
    /// 1-31 characters, not "." or "..") is a programming error and throws <see cref="ArgumentException"/>, like a bad
    /// buffer; everything the disk does is returned as a status. <see cref="Write"/> goes through a staging file and a
    /// rename, so on the host a failed write (e.g. <see cref="StorageStatus.Full"/>) leaves the target unchanged. The
    /// staging name is longer than 31 characters, so it can never clash with a node file.
    /// </remarks>
    public sealed class FolderFileStorage : IFileStorage
    {
        /// <summary>Longest file name the contract allows (littlefs on the device accepts more; the node keeps to this).</summary>
        public const int MaxNameLength = 31;

        private const string StagingSuffix = ".staging-host-only-not-a-node-file";
        private const string ReservedChars = "/\\:*?\"<>|";

        // Disk-full codes: Win32 ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL (low word of the HRESULT), POSIX ENOSPC and Linux EDQUOT
        // (.NET on Unix puts the raw errno in HResult).
        private const int Win32DiskFull = 0x70, Win32HandleDiskFull = 0x27, PosixNoSpace = 28, LinuxQuota = 122;

        public FolderFileStorage(string folder)
        {
            if (string.IsNullOrEmpty(folder))
            {
                throw new ArgumentException("a folder is needed", nameof(folder));
            }

            Folder = Path.GetFullPath(folder);
            Directory.CreateDirectory(Folder);
        }

        /// <summary>Absolute path of the directory that holds the files.</summary>
        public string Folder { get; }

        /// <summary>True when <paramref name="name"/> obeys the <see cref="IFileStorage"/> naming contract.</summary>
        public static bool IsValidName(string name)
        {
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name == "." || name == "..")
            {
                return false;
            }

            foreach (char c in name)
            {
                if (c <= ' ' || c > '~' || ReservedChars.IndexOf(c) >= 0)
                {
                    return false;
                }
            }

            return true;
        }

        public StorageStatus Read(string name, byte[] buffer, out int length)
        {
            string path = PathOf(name);
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            length = 0;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                if (stream.Length > buffer.Length)
                {
                    return StorageStatus.TooLarge;
                }

                int total = 0;
                int n;
                while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0)
                {
                    total += n;
                }

                // The file grew between the length check and the read.
                if (stream.ReadByte() >= 0)
                {
                    return StorageStatus.TooLarge;
                }

                length = total;
                return StorageStatus.Ok;
            }
            catch (FileNotFoundException)
            {
                return StorageStatus.NotFound;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return StorageStatus.IoError;
            }
        }

        public StorageStatus Write(string name, byte[] buffer, int count)
        {
            string path = PathOf(name);
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (count < 0 || count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            string staging = path + StagingSuffix;
            try
            {
                using (var stream = new FileStream(staging, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(buffer, 0, count);
                }

                File.Move(staging, path, overwrite: true);
                return StorageStatus.Ok;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(staging);
                return IsDiskFull(ex) ? StorageStatus.Full : StorageStatus.IoError;
            }
        }

        public StorageStatus Rename(string fromName, string toName)
        {
            string from = PathOf(fromName);
            string to = PathOf(toName);
            try
            {
                if (!File.Exists(from))
                {
                    return StorageStatus.NotFound;
                }

                File.Move(from, to, overwrite: true);
                return StorageStatus.Ok;
            }
            catch (FileNotFoundException)
            {
                return StorageStatus.NotFound;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return StorageStatus.IoError;
            }
        }

        public StorageStatus Delete(string name)
        {
            string path = PathOf(name);
            try
            {
                if (!File.Exists(path))
                {
                    return StorageStatus.NotFound;
                }

                File.Delete(path);
                return StorageStatus.Ok;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return StorageStatus.IoError;
            }
        }

        private string PathOf(string name)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException("file names are flat printable ASCII, 1-31 characters, without / \\ : * ? \" < > |", nameof(name));
            }

            return Path.Combine(Folder, name);
        }

        private static bool IsDiskFull(Exception ex)
        {
            int code = ex.HResult & 0xFFFF;
            return ex is IOException
                && (code == Win32DiskFull || code == Win32HandleDiskFull || ex.HResult == PosixNoSpace || ex.HResult == LinuxQuota);
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Best effort: a leftover staging file is overwritten by the next write of the same name.
            }
        }
    }
}
