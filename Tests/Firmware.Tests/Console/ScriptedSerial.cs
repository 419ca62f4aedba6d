using SensorNode.Hardware;

namespace SensorNode.Core.Tests.Console
{
    /// <summary>An <see cref="ISerialLine"/> that serves bytes the test queued and keeps every byte written.</summary>
    public sealed class ScriptedSerial : ISerialLine
    {
        private readonly byte[] input = new byte[8192];
        private readonly byte[] output = new byte[65536];
        private int inputLength;
        private int inputPosition;
        private int outputLength;

        /// <summary>Queues the ASCII characters of <paramref name="text"/>.</summary>
        public void Type(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                TypeByte((byte)text[i]);
            }
        }

        /// <summary>Queues one raw byte.</summary>
        public void TypeByte(byte value)
        {
            input[inputLength] = value;
            inputLength++;
        }

        /// <summary>Everything written so far, bytes as chars (UTF-8 sequences appear byte by byte); clears the record.</summary>
        public string TakeOutput()
        {
            char[] chars = new char[outputLength];
            for (int i = 0; i < outputLength; i++)
            {
                chars[i] = (char)output[i];
            }

            outputLength = 0;
            return new string(chars);
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count)
        {
            int available = inputLength - inputPosition;
            int n = available < count ? available : count;
            for (int i = 0; i < n; i++)
            {
                buffer[offset + i] = input[inputPosition];
                inputPosition++;
            }

            return n;
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                output[outputLength] = buffer[offset + i];
                outputLength++;
            }
        }
    }
}
