namespace SensorNode.Core.Console
{
    /// <summary>What one byte fed to a <see cref="LineAssembler"/> completed.</summary>
    public enum LineEvent : byte
    {
        /// <summary>Nothing yet: the byte was stored, swallowed or discarded.</summary>
        None = 0,

        /// <summary>A line ended: <see cref="LineAssembler.Line"/> holds it (never empty).</summary>
        Line = 1,

        /// <summary>The current line is bad: <see cref="LineAssembler.Error"/> says why; the rest of the line is discarded.</summary>
        Error = 2,
    }
}
