using System;
using System.IO;
using System.Threading;

namespace SensorNode.Hardware.Virtual.Services
{
    /// <summary>
    /// <see cref="ISerialLine"/> over a pair of host streams (stdin/stdout in the virtual node, pipes in tests).
    /// </summary>
    /// <remarks>
    /// A background thread pumps the input stream into a bounded receive buffer, so <see cref="Read"/> never blocks
    /// even though <see cref="Stream.Read(byte[], int, int)"/> does. Like a UART's receive FIFO, a full buffer drops
    /// the newest bytes and counts them in <see cref="DroppedBytes"/>. The pump stops at the end of the input stream
    /// (<see cref="InputEnded"/>). Writes go straight to the output stream and are flushed; once the output fails (the
    /// peer went away) further writes are dropped. The line does not own the streams.
    /// </remarks>
    public sealed class StreamSerialLine : ISerialLine
    {
        private readonly Stream _output;
        private readonly object _receiveGate = new object();
        private readonly object _sendGate = new object();
        private readonly byte[] _ring;
        private int _head;
        private int _count;
        private long _dropped;
        private bool _inputEnded;
        private bool _outputGone;

        /// <param name="input">Bytes from the technician; read on a background thread.</param>
        /// <param name="output">Bytes to the technician.</param>
        /// <param name="receiveBufferBytes">Capacity of the receive buffer (the device's UART buffer is 256 bytes by default).</param>
        public StreamSerialLine(Stream input, Stream output, int receiveBufferBytes = 4096)
        {
            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            _output = output ?? throw new ArgumentNullException(nameof(output));
            if (receiveBufferBytes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(receiveBufferBytes));
            }

            _ring = new byte[receiveBufferBytes];
            var pump = new Thread(() => Pump(input)) { IsBackground = true, Name = "serial-line-input" };
            pump.Start();
        }

        /// <summary>True when at least one received byte waits to be read.</summary>
        public bool HasInput
        {
            get
            {
                lock (_receiveGate)
                {
                    return _count > 0;
                }
            }
        }

        /// <summary>True once the input stream has ended (or failed) and every received byte has been read.</summary>
        public bool InputEnded
        {
            get
            {
                lock (_receiveGate)
                {
                    return _inputEnded && _count == 0;
                }
            }
        }

        /// <summary>Bytes lost because the receive buffer was full.</summary>
        public long DroppedBytes => Interlocked.Read(ref _dropped);

        public int Read(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            lock (_receiveGate)
            {
                int n = Math.Min(count, _count);
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = _ring[_head];
                    _head = (_head + 1) % _ring.Length;
                }

                _count -= n;
                return n;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count);
            lock (_sendGate)
            {
                if (_outputGone)
                {
                    return;
                }

                try
                {
                    _output.Write(buffer, offset, count);
                    _output.Flush();
                }
                catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is NotSupportedException)
                {
                    _outputGone = true;
                }
            }
        }

        /// <summary>
        /// Blocks until a byte is waiting, the input ends, or <paramref name="timeout"/> passes; true when a byte waits.
        /// For the virtual node's idle loop and for tests; the firmware itself only polls <see cref="Read"/>.
        /// </summary>
        public bool WaitForInput(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (_receiveGate)
            {
                while (_count == 0 && !_inputEnded)
                {
                    var left = deadline - DateTime.UtcNow;
                    if (left <= TimeSpan.Zero || !Monitor.Wait(_receiveGate, left))
                    {
                        break;
                    }
                }

                return _count > 0;
            }
        }

        private void Pump(Stream input)
        {
            var chunk = new byte[256];
            try
            {
                int n;
                while ((n = input.Read(chunk, 0, chunk.Length)) > 0)
                {
                    lock (_receiveGate)
                    {
                        int room = _ring.Length - _count;
                        int kept = Math.Min(room, n);
                        for (int i = 0; i < kept; i++)
                        {
                            _ring[(_head + _count + i) % _ring.Length] = chunk[i];
                        }

                        _count += kept;
                        _dropped += n - kept;
                        Monitor.PulseAll(_receiveGate);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException)
            {
                // The input went away: treat it as its end.
            }

            lock (_receiveGate)
            {
                _inputEnded = true;
                Monitor.PulseAll(_receiveGate);
            }
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset/count outside the buffer");
            }
        }
    }
}
