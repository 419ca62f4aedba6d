using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    /// <summary>The chip model against the datasheet, driven with raw SPI and I2C frames rather than the driver.</summary>
    [TestClass]
    public class Adxl345ModelTests
    {
        private const int DataFormat = 0x31;

        [TestMethod]
        public void Reset_RegistersReadTheirDatasheetResetValues()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);

            Assert.AreEqual(0xE5, Adxl345ModelSpi.Read(model, 0x00));
            Assert.AreEqual(0x0A, Adxl345ModelSpi.Read(model, 0x2C));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x2D));
            Assert.AreEqual(0x02, Adxl345ModelSpi.Read(model, 0x30));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x31));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x38));
            Assert.AreEqual(0x00, Adxl345ModelSpi.Read(model, 0x39));
        }

        [TestMethod]
        public void Standby_ConvertsNothing_MeasureStartsSamplingAtTheRate()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);
            Adxl345ModelSpi.Write(model, 0x38, 0x80);
            clock.AdvanceMs(1000);

            Assert.AreEqual(0, Adxl345ModelSpi.Read(model, 0x39));
            Assert.AreEqual(0, Adxl345ModelSpi.Read(model, 0x30) & 0x80);

            Adxl345ModelSpi.Write(model, 0x2D, 0x08);
            clock.AdvanceMs(100);

            // 100 Hz (reset BW_RATE) for 100 ms.
            Assert.AreEqual(10, Adxl345ModelSpi.Read(model, 0x39));
            Assert.AreEqual(0x80, Adxl345ModelSpi.Read(model, 0x30) & 0x80);
        }

        // 10-bit mode: 256 counts/g at ±2 g halving per range step (datasheet Table 1); full resolution: 256 at all.
        [TestMethod]
        [DataRow(0x00, 1000, 256)]
        [DataRow(0x01, 1000, 128)]
        [DataRow(0x02, 1000, 64)]
        [DataRow(0x03, 1000, 32)]
        [DataRow(0x00, 3000, 511)]
        [DataRow(0x03, -20000, -512)]
        [DataRow(0x08, 1000, 256)]
        [DataRow(0x0B, 1000, 256)]
        [DataRow(0x0B, -16000, -4096)]
        [DataRow(0x0A, 9000, 2047)]
        public void Encoding_FollowsDataFormatResolutionAndRange(int dataFormat, int xMilliG, int expectedCounts)
        {
            var clock = new ManualClock();
            var signals = new ToneSignals();
            signals.AccelerationXG = xMilliG / 1000.0;
            var model = new Adxl345Model(clock, signals, new ChipFaults(), Adxl345ModelFraming.Spi);
            Adxl345ModelSpi.Write(model, DataFormat, dataFormat);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);
            clock.AdvanceMs(10);

            Assert.AreEqual(expectedCounts, ReadX(model));
        }

        // Left-justified: the MSB lands in D7 of DATAX1 (datasheet Figure 50); ±16 g full resolution is 13 bits.
        [TestMethod]
        public void Encoding_LeftJustified_ShiftsToTheTop()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);
            Adxl345ModelSpi.Write(model, DataFormat, 0x0F);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);
            clock.AdvanceMs(10);

            byte[] data = Adxl345ModelSpi.Burst(model, 0x34, 4);

            Assert.AreEqual(0, data[0] | (data[1] << 8));
            Assert.AreEqual(256 << 3, data[2] | (data[3] << 8));
        }

        // Datasheet "Data Formatting of Upper Data Rates": at 1600/3200 Hz the LSB is 0 in full resolution.
        [TestMethod]
        [DataRow(0x0D, 257)]
        [DataRow(0x0E, 256)]
        [DataRow(0x0F, 256)]
        public void Encoding_UpperDataRates_ForceTheLsbToZero(int rateCode, int expectedCounts)
        {
            var clock = new ManualClock();
            var signals = new ToneSignals();
            signals.AccelerationXG = 257 / 256.0;
            var model = new Adxl345Model(clock, signals, new ChipFaults(), Adxl345ModelFraming.Spi);
            Adxl345ModelSpi.Write(model, 0x2C, rateCode);
            Adxl345ModelSpi.Write(model, DataFormat, 0x08);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);
            clock.AdvanceMs(10);

            Assert.AreEqual(expectedCounts, ReadX(model));
        }

        [TestMethod]
        public void Stream_KeepsNewest32_SetsOverrunAndWatermark_DataReadsClearOverrun()
        {
            var clock = new ManualClock();
            var signals = new ToneSignals();
            var model = new Adxl345Model(clock, signals, new ChipFaults(), Adxl345ModelFraming.Spi);
            Adxl345ModelSpi.Write(model, 0x38, 0x80 | 20);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);

            clock.AdvanceMs(190);
            Assert.AreEqual(19, Adxl345ModelSpi.Read(model, 0x39));
            Assert.AreEqual(0x80, Adxl345ModelSpi.Read(model, 0x30));

            clock.AdvanceMs(10);
            Assert.AreEqual(0x82, Adxl345ModelSpi.Read(model, 0x30));

            // Models convert lazily at the next transfer, so the step to 1 g applies from here: 20 samples of 0 g
            // and 20 of 1 g, of which the newest 32 stay; the oldest kept one (the 9th, at 90 ms) is still 0 g.
            signals.AccelerationXG = 1.0;
            clock.AdvanceMs(200);
            Assert.AreEqual(32, Adxl345ModelSpi.Read(model, 0x39));
            Assert.AreEqual(0x83, Adxl345ModelSpi.Read(model, 0x30));
            Assert.AreEqual(8L, model.DiscardedSamples);

            Assert.AreEqual(0, ReadX(model));
            Assert.AreEqual(31, Adxl345ModelSpi.Read(model, 0x39));
            Assert.AreEqual(0x82, Adxl345ModelSpi.Read(model, 0x30));
        }

        [TestMethod]
        public void Bypass_DataRegistersHoldTheNewestSample()
        {
            var clock = new ManualClock();
            var signals = new ToneSignals();
            var model = new Adxl345Model(clock, signals, new ChipFaults(), Adxl345ModelFraming.Spi);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);
            clock.AdvanceMs(50);
            signals.AccelerationXG = 0.5;
            clock.AdvanceMs(10);

            Assert.AreEqual(0, Adxl345ModelSpi.Read(model, 0x39));
            Assert.AreEqual(0x83, Adxl345ModelSpi.Read(model, 0x30));
            Assert.AreEqual(128, ReadX(model));
            Assert.AreEqual(0x02, Adxl345ModelSpi.Read(model, 0x30));
        }

        [TestMethod]
        public void Stuck_RepeatsTheLastSampleWhileTheSignalMoves()
        {
            var clock = new ManualClock();
            var signals = new ToneSignals();
            var faults = new ChipFaults();
            var model = new Adxl345Model(clock, signals, faults, Adxl345ModelFraming.Spi);
            Adxl345ModelSpi.Write(model, 0x38, 0x80);
            Adxl345ModelSpi.Write(model, 0x2D, 0x08);
            signals.AccelerationXG = 0.25;
            clock.AdvanceMs(10);
            Assert.AreEqual(1, Adxl345ModelSpi.Read(model, 0x39));
            faults.Stuck = true;
            signals.AccelerationXG = 1.5;
            clock.AdvanceMs(50);

            Assert.AreEqual(6, Adxl345ModelSpi.Read(model, 0x39));
            for (int i = 0; i < 6; i++)
            {
                Assert.AreEqual(64, ReadX(model));
            }
        }

        [TestMethod]
        public void Unplugged_NacksEveryTransferWithoutEffect()
        {
            var clock = new ManualClock();
            var faults = new ChipFaults();
            var model = new Adxl345Model(clock, new ToneSignals(), faults, Adxl345ModelFraming.I2c);
            faults.Unplugged = true;
            byte[] frame = { 0x2D, 0x08 };
            byte[] value = new byte[1];

            Assert.AreEqual(BusStatus.Nack, model.Write(frame, 0, 2));
            Assert.AreEqual(BusStatus.Nack, model.WriteRead(frame, 0, 1, value, 0, 1));
            Assert.AreEqual(BusStatus.Nack, model.Read(value, 0, 1));
            Assert.AreEqual(0, model.WriteLog.Count);
            Assert.AreEqual(0, model.RegisterValue(0x2D));
        }

        // SPI: without the multiple-byte bit (D6) the address does not advance (datasheet "SPI").
        [TestMethod]
        public void Spi_WithoutMultiByteBit_RepeatsOneRegister()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.Spi);
            byte[] command = { 0x80 | 0x2C };
            byte[] data = new byte[3];

            Assert.AreEqual(BusStatus.Ok, model.WriteRead(command, 0, 1, data, 0, 3));

            Assert.AreEqual(0x0A, data[0]);
            Assert.AreEqual(0x0A, data[1]);
            Assert.AreEqual(0x0A, data[2]);
        }

        // I2C: a write sets the register pointer and further data bytes auto-increment it, as reads do.
        [TestMethod]
        public void I2c_PointerAutoIncrementsOnWriteAndRead()
        {
            var clock = new ManualClock();
            var model = new Adxl345Model(clock, new ToneSignals(), new ChipFaults(), Adxl345ModelFraming.I2c);
            byte[] frame = { 0x2E, 0x02, 0x01 };
            byte[] pointer = { 0x2C };
            byte[] data = new byte[4];

            Assert.AreEqual(BusStatus.Ok, model.Write(frame, 0, 3));
            Assert.AreEqual(BusStatus.Ok, model.WriteRead(pointer, 0, 1, data, 0, 4));

            Assert.AreEqual(0x0A, data[0]);
            Assert.AreEqual(0x00, data[1]);
            Assert.AreEqual(0x02, data[2]);
            Assert.AreEqual(0x01, data[3]);
            Assert.AreEqual(2, model.WriteLog.Count);
        }

        // One 6-byte read pops one entry; returns X as a signed right-justified value.
        private static int ReadX(Adxl345Model model)
        {
            byte[] data = Adxl345ModelSpi.Burst(model, 0x32, 6);
            return (short)(data[0] | (data[1] << 8));
        }
    }
}
