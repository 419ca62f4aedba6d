using System;
using System.IO;
using System.IO.Ports;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="ISerialLine"/> over a nanoFramework <see cref="SerialPort"/>: the technician console on COM2.</summary>
    /// <remarks>
    /// COM1 carries the nanoFramework debugger, so the console uses COM2, whose pins the board map sets with
    /// Configuration.SetPinFunction before this is built. <see cref="Read"/> asks only for the bytes the driver already
    /// holds (<see cref="SerialPort.BytesToRead"/>), so it never waits. A write that times out (nothing draining the
    /// line) is dropped, as the contract allows. The receive buffer is nanoFramework's default (256 bytes).
    /// </remarks>
    public sealed class SerialPortLine : ISerialLine
    {
        private const int WriteTimeoutMs = 500;

        private readonly SerialPort _port;

        /// <param name="portName">"COM2": "COM" plus one digit, as nanoFramework requires.</param>
        /// <param name="baudRate">115200 for the console, 8N1.</param>
        public SerialPortLine(string portName, int baudRate)
        {
            _port = new SerialPort(portName, baudRate);
            _port.WriteTimeout = WriteTimeoutMs;
            _port.Open();
        }

        /// <summary>True when received bytes wait to be read (the power manager's light sleep ends early for them).</summary>
        public bool HasInput => _port.BytesToRead > 0;

        public int Read(byte[] buffer, int offset, int count)
        {
            int waiting = _port.BytesToRead;
            if (waiting <= 0 || count <= 0)
            {
                return 0;
            }

            try
            {
                return _port.Read(buffer, offset, waiting < count ? waiting : count);
            }
            catch (TimeoutException)
            {
                return 0;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _port.Write(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                // Nobody is draining the line: drop, never block the node.
            }
            catch (IOException)
            {
                // The UART is in a bad state: drop, as for a vanished peer.
            }
        }
    }
}
