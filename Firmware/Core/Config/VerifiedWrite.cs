using SensorNode.Hardware;

namespace SensorNode.Core.Config
{
    /// <summary>
    /// The first half of the node's atomic file replace: write a file, read it back and compare, so that the rename that
    /// follows (the caller's) only ever puts verified bytes in place. Used for the config and the state file.
    /// </summary>
    public static class VerifiedWrite
    {
        /// <summary>
        /// Writes <paramref name="length"/> bytes of <paramref name="data"/> to <paramref name="name"/> and reads them back
        /// into <paramref name="readBack"/>. Returns the storage's failure, <see cref="StorageStatus.IoError"/> when what came
        /// back differs, or <see cref="StorageStatus.Ok"/>. Allocates nothing.
        /// </summary>
        public static StorageStatus Write(IFileStorage storage, string name, byte[] data, int length, byte[] readBack)
        {
            StorageStatus status = storage.Write(name, data, length);
            if (status != StorageStatus.Ok)
            {
                return status;
            }

            int readLength;
            status = storage.Read(name, readBack, out readLength);
            if (status != StorageStatus.Ok)
            {
                return status;
            }

            if (readLength != length)
            {
                return StorageStatus.IoError;
            }

            for (int i = 0; i < length; i++)
            {
                if (readBack[i] != data[i])
                {
                    return StorageStatus.IoError;
                }
            }

            return StorageStatus.Ok;
        }
    }
}
