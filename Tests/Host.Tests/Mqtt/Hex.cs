using System;

namespace SensorNode.Host.Tests.Mqtt
{
    /// <summary>Packets written as hex in tests: "30 07 00 03" (spaces ignored).</summary>
    internal static class Hex
    {
        public static byte[] Bytes(string hex)
        {
            return Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        public static string Of(byte[] buffer, int count)
        {
            return Convert.ToHexString(buffer, 0, count);
        }
    }
}
