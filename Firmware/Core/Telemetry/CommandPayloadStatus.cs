namespace SensorNode.Core.Telemetry
{
    /// <summary>Verdict on one <c>{root}/cmd</c> message before it reaches the command interpreter.</summary>
    public enum CommandPayloadStatus : byte
    {
        /// <summary>One line of valid UTF-8: it goes to the interpreter.</summary>
        Ok = 0,

        /// <summary>No bytes, or only spaces, tabs and a line end.</summary>
        Empty = 1,

        /// <summary>More than <see cref="CommandPayload.MaxBytes"/> bytes.</summary>
        TooLong = 2,

        /// <summary>Not valid UTF-8 (bad or truncated sequence, overlong form, surrogate, above U+10FFFF).</summary>
        NotUtf8 = 3,

        /// <summary>A line break inside the text: one command per message.</summary>
        MultipleLines = 4,

        /// <summary>The broker delivered it as a retained message: replaying it on every reconnect would repeat it.</summary>
        Retained = 5,

        /// <summary>Commands arrived faster than the node ran them and this one found the inbox full.</summary>
        Busy = 6,
    }
}
