using System;

namespace SensorNode.Hardware.Virtual.Chips
{
    /// <summary>The argument checks every <see cref="IRegisterBus"/> implementation makes on a caller's buffer.</summary>
    public static class BusArguments
    {
        /// <summary>
        /// Throws <see cref="ArgumentNullException"/> for a null <paramref name="buffer"/> and
        /// <see cref="ArgumentOutOfRangeException"/> when <paramref name="offset"/>..<paramref name="offset"/> +
        /// <paramref name="count"/> is not inside it.
        /// </summary>
        public static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }
        }
    }
}
