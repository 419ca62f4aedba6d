namespace SensorNode.Core.Power
{
    /// <summary>What <see cref="NodeStateStore.Load"/> found.</summary>
    public enum StateLoadOutcome
    {
        /// <summary>An intact state was restored: the node continues where it left off.</summary>
        Loaded = 0,

        /// <summary>No state file: a new node, or one whose flash was erased. Nothing was restored.</summary>
        NoFile = 1,

        /// <summary>The file failed its check (a cut write, flipped bits) and no intact temp file was there: nothing restored.</summary>
        Corrupt = 2,

        /// <summary>An intact file of another format or channel layout (a firmware update): nothing restored.</summary>
        Incompatible = 3,
    }
}
