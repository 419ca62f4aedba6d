using System;
using System.Device.Spi;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="IRegisterBus"/> over one nanoFramework <see cref="SpiDevice"/> (one chip select on one bus).</summary>
    /// <remarks>
    /// SPI has no acknowledge, so every transfer reports <see cref="BusStatus.Ok"/>; a missing chip shows up as a wrong
    /// device id, which the driver checks. <see cref="WriteRead"/> must keep chip select low from the address byte to
    /// the last data byte (the ADXL345 and MAX31865 read registers that way), which nanoFramework only offers as one
    /// full-duplex transfer: the write bytes followed by zeros go out while the same number of bytes come in, and the
    /// bytes clocked in after the write part are the answer. Both scratch buffers are allocated once here.
    /// </remarks>
    public sealed class SpiRegisterBus : IRegisterBus
    {
        private readonly SpiDevice _device;

        // Invariant between calls: every byte of _transmit is zero, so only the write part needs copying in.
        private readonly byte[] _transmit;
        private readonly byte[] _receive;

        /// <param name="settings">Bus, chip select, mode and clock, e.g. mode 3 at 5 MHz for the ADXL345.</param>
        /// <param name="maxWriteReadBytes">Largest writeCount + readCount a <see cref="WriteRead"/> will ask for.</param>
        public SpiRegisterBus(SpiConnectionSettings settings, int maxWriteReadBytes)
        {
            if (maxWriteReadBytes < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(maxWriteReadBytes));
            }

            _device = SpiDevice.Create(settings);
            _transmit = new byte[maxWriteReadBytes];
            _receive = new byte[maxWriteReadBytes];
        }

        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            _device.Write(new SpanByte(buffer, offset, count));
            return BusStatus.Ok;
        }

        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            _device.Read(new SpanByte(buffer, offset, count));
            return BusStatus.Ok;
        }

        public BusStatus WriteRead(
            byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount)
        {
            int total = writeCount + readCount;
            if (writeCount < 0 || readCount < 0 || total > _transmit.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(readCount), "larger than the scratch buffers sized at construction");
            }

            Array.Copy(writeBuffer, writeOffset, _transmit, 0, writeCount);
            _device.TransferFullDuplex(new SpanByte(_transmit, 0, total), new SpanByte(_receive, 0, total));
            Array.Copy(_receive, writeCount, readBuffer, readOffset, readCount);

            for (int i = 0; i < writeCount; i++)
            {
                _transmit[i] = 0;
            }

            return BusStatus.Ok;
        }
    }
}
