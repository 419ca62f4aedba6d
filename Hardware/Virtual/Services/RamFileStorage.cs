using System;
using System.Collections.Generic;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// <see cref="IFileStorage"/> in memory, for nodes that need flash but no files on the PC (the fleet's thousand nodes).
    /// Thread-safe; never fails.
    /// </summary>
    public sealed class RamFileStorage : IFileStorage
    {
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public StorageStatus Read(string name, byte[] buffer, out int length)
        {
            lock (_files)
            {
                length = 0;
                if (!_files.TryGetValue(name, out byte[] content))
                {
                    return StorageStatus.NotFound;
                }

                if (content.Length > buffer.Length)
                {
                    return StorageStatus.TooLarge;
                }

                Array.Copy(content, buffer, content.Length);
                length = content.Length;
                return StorageStatus.Ok;
            }
        }

        public StorageStatus Write(string name, byte[] buffer, int count)
        {
            lock (_files)
            {
                _files[name] = buffer.AsSpan(0, count).ToArray();
                return StorageStatus.Ok;
            }
        }

        public StorageStatus Rename(string fromName, string toName)
        {
            lock (_files)
            {
                if (!_files.Remove(fromName, out byte[] content))
                {
                    return StorageStatus.NotFound;
                }

                _files[toName] = content;
                return StorageStatus.Ok;
            }
        }

        public StorageStatus Delete(string name)
        {
            lock (_files)
            {
                return _files.Remove(name) ? StorageStatus.Ok : StorageStatus.NotFound;
            }
        }
    }
}
