namespace SensorNode.Core.Config
{
    /// <summary>Outcome of <see cref="ConfigStore.TrySet"/> and <see cref="ConfigStore.Save"/>.</summary>
    public enum ConfigResult
    {
        /// <summary>Done (a set to the current value is Ok too and leaves <see cref="ConfigStore.Version"/> alone).</summary>
        Ok,

        /// <summary>No setting has that key; nothing changed.</summary>
        UnknownKey,

        /// <summary>The value failed validation; nothing changed.</summary>
        InvalidValue,

        /// <summary>A remote source tried to change a secret or console-only setting; nothing changed.</summary>
        Refused,

        /// <summary>The storage failed or the written file did not read back; the previous file is kept.</summary>
        StorageError,
    }
}
