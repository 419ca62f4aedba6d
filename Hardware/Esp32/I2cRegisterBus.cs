using System;
using System.Device.I2c;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="IRegisterBus"/> over one nanoFramework <see cref="I2cDevice"/> (one address on one bus).</summary>
    /// <remarks>
    /// nanoFramework reports a NACK or a clock-stretch timeout in <see cref="I2cTransferResult.Status"/> instead of
    /// throwing; this class only translates that status. <see cref="SpanByte"/> is a stack-only view, so no transfer
    /// allocates.
    /// </remarks>
    public sealed class I2cRegisterBus : IRegisterBus
    {
        private readonly I2cDevice _device;

        /// <param name="busId">ESP32 I2C controller: 1 or 2 (pins set beforehand with Configuration.SetPinFunction).</param>
        /// <param name="address">7-bit device address, e.g. 0x40 for an INA219 with A0 = A1 = GND.</param>
        /// <param name="speed">100 kHz standard or 400 kHz fast mode.</param>
        public I2cRegisterBus(int busId, int address, I2cBusSpeed speed)
        {
            _device = I2cDevice.Create(new I2cConnectionSettings(busId, address, speed));
        }

        public BusStatus Write(byte[] buffer, int offset, int count)
        {
            return ToBusStatus(_device.Write(new SpanByte(buffer, offset, count)).Status);
        }

        public BusStatus Read(byte[] buffer, int offset, int count)
        {
            return ToBusStatus(_device.Read(new SpanByte(buffer, offset, count)).Status);
        }

        public BusStatus WriteRead(
            byte[] writeBuffer, int writeOffset, int writeCount,
            byte[] readBuffer, int readOffset, int readCount)
        {
            // One transaction with a repeated start between the write and the read.
            I2cTransferResult result = _device.WriteRead(
                new SpanByte(writeBuffer, writeOffset, writeCount),
                new SpanByte(readBuffer, readOffset, readCount));
            return ToBusStatus(result.Status);
        }

        private static BusStatus ToBusStatus(I2cTransferStatus status)
        {
            switch (status)
            {
                case I2cTransferStatus.FullTransfer:
                    return BusStatus.Ok;
                case I2cTransferStatus.SlaveAddressNotAcknowledged:
                    return BusStatus.Nack;
                case I2cTransferStatus.ClockStretchTimeout:
                    return BusStatus.Timeout;
                case I2cTransferStatus.PartialTransfer:
                    return BusStatus.PartialTransfer;
                default:
                    return BusStatus.Error;
            }
        }
    }
}
