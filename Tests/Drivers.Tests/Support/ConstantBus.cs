using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;

namespace SensorNode.Drivers.Tests.Support
{
    /// <summary>
    /// A device that acknowledges every transfer, ignores writes and answers every read byte with <see cref="Fill"/>:
    /// the wrong part at the right I2C address, or an empty SPI chip select with MISO pulled up (0xFF) or down (0x00).
    /// </summary>
    public sealed class ConstantBus : IRegisterBus
    {
        /// <summary>A bus that reads back <paramref name="fill"/> everywhere.</summary>
        public ConstantBus(byte fill)
        {
            Fill = fill;
        }

        /// <summary>The byte every read returns.</summary>
        public byte Fill { get; }

        /// <inheritdoc/>
        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            BusArguments.CheckRange(buffer, offset, count);
            return BusStatus.Ok;
        }

        /// <inheritdoc/>
        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            BusArguments.CheckRange(buffer, offset, count);
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = Fill;
            }

            return BusStatus.Ok;
        }

        /// <inheritdoc/>
        public BusStatus WriteRead(
            byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount)
        {
            BusArguments.CheckRange(writeBuffer, writeOffset, writeCount);
            return Read(readBuffer, readOffset, readCount);
        }
    }
}
