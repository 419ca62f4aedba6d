namespace SensorNode.Hardware
{
    /// <summary>Outcome of an <see cref="IFileStorage"/> operation.</summary>
    public enum StorageStatus
    {
        /// <summary>Done.</summary>
        Ok = 0,

        /// <summary>The file does not exist.</summary>
        NotFound = 1,

        /// <summary>The file is larger than the caller's buffer; nothing was copied.</summary>
        TooLarge = 2,

        /// <summary>The volume is full; the target file is unchanged.</summary>
        Full = 3,

        /// <summary>The flash or file system reported an error.</summary>
        IoError = 4,
    }
}
