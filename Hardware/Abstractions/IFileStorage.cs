namespace SensorNode.Hardware
{
    /// <summary>Small files on the node's flash (littlefs on <c>I:</c> on the device, a folder on the host).</summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item>Names are flat (no folders), ASCII, at most 31 characters.</item>
    /// <item><see cref="Write"/> replaces the whole file. It is not atomic: a power cut may leave a partial
    /// file. Callers that need atomicity write a temporary name, read it back, then <see cref="Rename"/>.</item>
    /// <item><see cref="Rename"/> replaces an existing target in one step.</item>
    /// <item>Failures are returned as a <see cref="StorageStatus"/>, never thrown.</item>
    /// </list>
    /// </remarks>
    public interface IFileStorage
    {
        /// <summary>Copies the whole file into <paramref name="buffer"/> and sets <paramref name="length"/>.</summary>
        StorageStatus Read(string name, byte[] buffer, out int length);

        /// <summary>Replaces the file with <paramref name="count"/> bytes from <paramref name="buffer"/>.</summary>
        StorageStatus Write(string name, byte[] buffer, int count);

        /// <summary>Renames <paramref name="fromName"/> to <paramref name="toName"/>, replacing the target.</summary>
        StorageStatus Rename(string fromName, string toName);

        /// <summary>Deletes the file; a missing file is <see cref="StorageStatus.NotFound"/>.</summary>
        StorageStatus Delete(string name);
    }
}
