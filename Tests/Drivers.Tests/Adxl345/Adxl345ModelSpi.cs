using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    /// <summary>Raw 4-wire SPI frames to the chip model (bit 7 read, bit 6 multi-byte), for tests that bypass the driver.</summary>
    internal static class Adxl345ModelSpi
    {
        /// <summary>Reads one register.</summary>
        public static int Read(Adxl345Model model, int address)
        {
            byte[] command = { (byte)(0x80 | address) };
            byte[] value = new byte[1];
            Assert.AreEqual(BusStatus.Ok, model.WriteRead(command, 0, 1, value, 0, 1));
            return value[0];
        }

        /// <summary>Reads <paramref name="count"/> registers from <paramref name="address"/> in one multi-byte transfer.</summary>
        public static byte[] Burst(Adxl345Model model, int address, int count)
        {
            byte[] command = { (byte)(0xC0 | address) };
            byte[] data = new byte[count];
            Assert.AreEqual(BusStatus.Ok, model.WriteRead(command, 0, 1, data, 0, count));
            return data;
        }

        /// <summary>Writes one register.</summary>
        public static void Write(Adxl345Model model, int address, int value)
        {
            byte[] frame = { (byte)address, (byte)value };
            Assert.AreEqual(BusStatus.Ok, model.Write(frame, 0, 2));
        }
    }
}
