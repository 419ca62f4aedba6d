namespace SensorNode.Hardware
{
    /// <summary>A byte stream to a technician: UART COM2 on the device, stdin/stdout in the virtual node.</summary>
    /// <remarks>
    /// Contract: <see cref="Read"/> never blocks; it returns the number of bytes copied (0 when none are waiting).
    /// <see cref="Write"/> queues all bytes or drops them when the line is gone; it never throws for a
    /// disconnected peer. Bytes are raw: line splitting, echo and length limits belong to the console.
    /// </remarks>
    public interface ISerialLine
    {
        /// <summary>Copies up to <paramref name="count"/> waiting bytes into <paramref name="buffer"/>.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends <paramref name="count"/> bytes from <paramref name="buffer"/>.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
