using SensorNode.Hardware;

namespace SensorNode.Benchmarks.Energy
{
    /// <summary>Flash that counts the writes, renames and deletes that reach it, for the wear column.</summary>
    internal sealed class CountingStorage : IFileStorage
    {
        private readonly IFileStorage inner;

        public CountingStorage(IFileStorage inner)
        {
            this.inner = inner;
        }

        public long Mutations { get; private set; }

        public StorageStatus Read(string name, byte[] buffer, out int length) => inner.Read(name, buffer, out length);

        public StorageStatus Write(string name, byte[] buffer, int count)
        {
            Mutations++;
            return inner.Write(name, buffer, count);
        }

        public StorageStatus Rename(string fromName, string toName)
        {
            Mutations++;
            return inner.Rename(fromName, toName);
        }

        public StorageStatus Delete(string name)
        {
            StorageStatus status = inner.Delete(name);
            if (status != StorageStatus.NotFound)
            {
                Mutations++;
            }

            return status;
        }
    }
}
