using System;
using System.Collections.Generic;
using System.Text;
using SensorNode.Hardware;

namespace SensorNode.Integration.Node
{
    /// <summary>A console line in memory: what a test types waits in a queue, what the node writes is kept as text.</summary>
    internal sealed class MemorySerialLine : ISerialLine
    {
        private readonly Queue<byte> _input = new Queue<byte>();
        private readonly List<byte> _output = new List<byte>();
        private int _taken;

        /// <summary>Queues bytes as if the technician had typed them.</summary>
        public void Type(byte[] bytes)
        {
            foreach (byte b in bytes)
            {
                _input.Enqueue(b);
            }
        }

        /// <summary>Queues ASCII text.</summary>
        public void Type(string text) => Type(Encoding.ASCII.GetBytes(text));

        /// <summary>Everything written since the last call, decoded as UTF-8.</summary>
        public string TakeOutput()
        {
            string text = Encoding.UTF8.GetString(_output.ToArray(), _taken, _output.Count - _taken);
            _taken = _output.Count;
            return text;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _input.Count > 0)
            {
                buffer[offset + n] = _input.Dequeue();
                n++;
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _output.Add(buffer[offset + i]);
            }
        }
    }
}
