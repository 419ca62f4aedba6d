using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace SensorNode.Hardware.Virtual.Tests.Support
{
    /// <summary>
    /// A read-only stream that blocks in <see cref="Read"/> until the test types bytes or ends the input, like stdin
    /// with a technician at the keyboard.
    /// </summary>
    internal sealed class TypedInputStream : Stream
    {
        private readonly Queue<byte> _pending = new Queue<byte>();
        private bool _ended;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public void Type(byte[] bytes)
        {
            lock (_pending)
            {
                foreach (byte b in bytes)
                {
                    _pending.Enqueue(b);
                }

                Monitor.PulseAll(_pending);
            }
        }

        public void End()
        {
            lock (_pending)
            {
                _ended = true;
                Monitor.PulseAll(_pending);
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            lock (_pending)
            {
                while (_pending.Count == 0 && !_ended)
                {
                    Monitor.Wait(_pending);
                }

                int n = 0;
                while (n < count && _pending.Count > 0)
                {
                    buffer[offset + n++] = _pending.Dequeue();
                }

                return n;
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            End();
            base.Dispose(disposing);
        }
    }
}
