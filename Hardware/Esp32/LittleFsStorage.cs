using System;
using System.IO;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="IFileStorage"/> on the ESP32's internal littlefs volume, drive <c>I:</c>.</summary>
    /// <remarks>
    /// <para>Names are not re-validated here: they are firmware constants, and the host twin (FolderFileStorage) rejects
    /// any that break the contract in every test run.</para>
    /// <para>nanoFramework's <see cref="File.Move"/> refuses an existing target, so <see cref="Rename"/> deletes the
    /// target first: two littlefs operations, not the single step the contract promises. A power cut between them leaves
    /// the source (the new content) and no target, so a caller that renames over a file must read the source name when
    /// the target is missing.</para>
    /// <para>nanoFramework reports a full volume as a plain <see cref="IOException"/> without a distinct code, so it is
    /// returned as <see cref="StorageStatus.IoError"/>, never <see cref="StorageStatus.Full"/>.</para>
    /// </remarks>
    public sealed class LittleFsStorage : IFileStorage
    {
        private const string Root = "I:\\";

        public StorageStatus Read(string name, byte[] buffer, out int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            length = 0;
            string path = Root + name;
            try
            {
                if (!File.Exists(path))
                {
                    return StorageStatus.NotFound;
                }

                using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
                {
                    long size = stream.Length;
                    if (size > buffer.Length)
                    {
                        return StorageStatus.TooLarge;
                    }

                    int total = 0;
                    while (total < size)
                    {
                        int n = stream.Read(buffer, total, (int)size - total);
                        if (n <= 0)
                        {
                            return StorageStatus.IoError;
                        }

                        total += n;
                    }

                    length = total;
                    return StorageStatus.Ok;
                }
            }
            catch (IOException)
            {
                return StorageStatus.IoError;
            }
        }

        public StorageStatus Write(string name, byte[] buffer, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (count < 0 || count > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            try
            {
                using (FileStream stream = new FileStream(Root + name, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(buffer, 0, count);
                }

                return StorageStatus.Ok;
            }
            catch (IOException)
            {
                return StorageStatus.IoError;
            }
        }

        public StorageStatus Rename(string fromName, string toName)
        {
            string from = Root + fromName;
            string to = Root + toName;
            try
            {
                if (!File.Exists(from))
                {
                    return StorageStatus.NotFound;
                }

                if (File.Exists(to))
                {
                    File.Delete(to);
                }

                File.Move(from, to);
                return StorageStatus.Ok;
            }
            catch (IOException)
            {
                return StorageStatus.IoError;
            }
        }

        public StorageStatus Delete(string name)
        {
            string path = Root + name;
            try
            {
                if (!File.Exists(path))
                {
                    return StorageStatus.NotFound;
                }

                File.Delete(path);
                return StorageStatus.Ok;
            }
            catch (IOException)
            {
                return StorageStatus.IoError;
            }
        }
    }
}
