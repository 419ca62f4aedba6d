namespace SensorNode.Core.Console
{
    /// <summary>Why a <see cref="LineAssembler"/> rejected a line.</summary>
    public enum LineError : byte
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>The line is longer than the assembler's maximum.</summary>
        TooLong = 1,

        /// <summary>A control character (other than CR, LF, tab, backspace, DEL) or a byte outside printable ASCII.</summary>
        BadCharacter = 2,
    }
}
