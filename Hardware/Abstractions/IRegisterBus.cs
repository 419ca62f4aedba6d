namespace SensorNode.Hardware
{
    /// <summary>
    /// One peripheral on an I2C or SPI bus, already addressed (I2C address or SPI chip select bound).
    /// </summary>
    /// <remarks>
    /// Contract:
    /// <list type="bullet">
    /// <item>Hardware faults (NACK, timeout, short transfer) are returned as a <see cref="BusStatus"/>;
    /// implementations never throw for them. Exceptions are reserved for programming errors
    /// (null buffer, offset/count outside the buffer).</item>
    /// <item>Transfers copy into and out of the caller's buffers and allocate nothing, so drivers can
    /// call them on the sampling path.</item>
    /// <item>On any status other than <see cref="BusStatus.Ok"/> the contents of the read region are
    /// unspecified; callers must not use them.</item>
    /// <item><see cref="WriteRead"/> is one bus transaction: on I2C a write and a repeated-start read;
    /// on SPI the write bytes are clocked out and the read bytes are the ones clocked in afterwards
    /// under the same chip select.</item>
    /// <item>Not thread-safe: one driver owns one bus device.</item>
    /// </list>
    /// </remarks>
    public interface IRegisterBus
    {
        /// <summary>Writes <paramref name="count"/> bytes from <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        BusStatus Write(byte[] buffer, int offset, int count);

        /// <summary>Reads <paramref name="count"/> bytes into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        BusStatus Read(byte[] buffer, int offset, int count);

        /// <summary>Writes then reads in one transaction; see the contract in the remarks.</summary>
        BusStatus WriteRead(
            byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount);
    }
}
