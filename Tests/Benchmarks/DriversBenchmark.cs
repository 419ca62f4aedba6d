using System;
using SensorNode.Drivers;
using SensorNode.Drivers.Adxl345;
using SensorNode.Hardware;
using SensorNode.Hardware.Virtual.Chips;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// Draining and converting a full ADXL345 FIFO (32 samples x 3 axes at 3200 Hz) on the host JIT, three ways:
    /// the driver against the chip model (what the virtual node runs), the model alone answering the same bus
    /// traffic, and the driver alone against a bus that replays canned bytes. Exit code 1 if the drain allocates.
    /// On the ESP32 the bus transfers dominate: 34 transfers per batch, each a native SPI call.
    /// </summary>
    internal sealed class DriversBenchmark : IBenchmark
    {
        private const double SecondsPerOperation = 0.5;
        private const int SamplesPerBatch = Adxl345Driver.FifoCapacitySamples;

        // 10 ms at 3200 Hz is exactly one full FIFO.
        private const long BatchIntervalUs = 10000;

        public string Name => "drivers";

        public string Description => "ns per sample to drain and convert a full ADXL345 FIFO (fails if the drain allocates)";

        public int Run(string[] args)
        {
            Console.WriteLine($"ADXL345 FIFO drain + milli-g conversion, {SamplesPerBatch} samples x 3 axes per op, host JIT ({Environment.Version}), ~{SecondsPerOperation} s each");
            Console.WriteLine();

            Measurement[] results =
            {
                Harness.Measure("driver + model (virtual node)", DriverOnModel.Create(), SecondsPerOperation),
                Harness.Measure("model only (same bus traffic)", ModelOnly.Create(), SecondsPerOperation),
                Harness.Measure("driver only (replayed bytes)", DriverOnReplay.Create(), SecondsPerOperation),
            };

            Harness.PrintTable(results);
            Console.WriteLine();

            double total = results[0].NanosecondsPerOp;
            double model = results[1].NanosecondsPerOp;
            double driver = results[2].NanosecondsPerOp;
            // The shares come from the two isolated runs: the combined run is noisier than either.
            Console.WriteLine($"driver + model: {total / SamplesPerBatch,7:F1} ns/sample ({total / (3 * SamplesPerBatch):F1} ns per axis value)");
            Console.WriteLine($"model alone:    {model / SamplesPerBatch,7:F1} ns/sample ({100 * model / (model + driver):F0} % of model + driver)");
            Console.WriteLine($"driver alone:   {driver / SamplesPerBatch,7:F1} ns/sample ({100 * driver / (model + driver):F0} %)");

            int allocating = 0;
            foreach (Measurement m in results)
            {
                if (m.BytesAllocated != 0)
                {
                    Console.Error.WriteLine($"{m.Name} allocated {m.BytesAllocated} bytes over {m.TotalIterations} batches");
                    allocating++;
                }
            }

            Console.WriteLine(allocating == 0 ? "allocation: 0 bytes per batch" : $"allocation: {allocating} case(s) allocate");
            return allocating == 0 ? 0 : 1;
        }

        private static Adxl345Model NewModel(VirtualClock clock)
        {
            // A 160 Hz, 0.5 g tone on X so every sample differs (the model evaluates a sine per sample).
            var signals = new ToneSignals { VibrationPeakG = 0.5, VibrationFrequencyHz = 160.0 };
            return new Adxl345Model(clock, signals, new ChipFaults(), Adxl345ModelFraming.Spi);
        }

        private static Adxl345Driver NewStreamingDriver(IRegisterBus bus, IClock clock)
        {
            var driver = new Adxl345Driver(bus, Adxl345Framing.Spi, clock);
            SensorStatus status = driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16);
            if (status != SensorStatus.Ok)
            {
                throw new InvalidOperationException($"ADXL345 initialisation failed: {status}");
            }

            return driver;
        }

        private static long Checksum(short[] milliG, int count)
        {
            long sum = 0;
            for (int i = 0; i < count; i++)
            {
                sum += milliG[i];
            }

            return sum;
        }

        private struct DriverOnModel : IOperation
        {
            private VirtualClock _clock;
            private Adxl345Driver _driver;
            private short[] _counts;
            private short[] _milliG;

            public static DriverOnModel Create()
            {
                var clock = new VirtualClock();
                return new DriverOnModel
                {
                    _clock = clock,
                    _driver = NewStreamingDriver(NewModel(clock), clock),
                    _counts = new short[3 * SamplesPerBatch],
                    _milliG = new short[3 * SamplesPerBatch],
                };
            }

            public long Invoke(int iteration)
            {
                _clock.AdvanceUs(BatchIntervalUs);
                SensorStatus status = _driver.ReadFifo(_counts, 0, SamplesPerBatch, out int read, out int lost);
                if (status != SensorStatus.Ok || read != SamplesPerBatch)
                {
                    throw new InvalidOperationException($"drain returned {status} with {read} samples, {lost} lost");
                }

                _driver.ConvertToMilliG(_counts, 0, _milliG, 0, 3 * read);
                return Checksum(_milliG, 3 * read);
            }
        }

        // The driver's bus traffic for one batch, sent straight to the model: INT_SOURCE, FIFO_STATUS, 32 bursts.
        private struct ModelOnly : IOperation
        {
            private VirtualClock _clock;
            private Adxl345Model _model;
            private byte[] _intSource;
            private byte[] _fifoStatus;
            private byte[] _dataBurst;
            private byte[] _value;
            private byte[] _data;

            public static ModelOnly Create()
            {
                var clock = new VirtualClock();
                Adxl345Model model = NewModel(clock);
                NewStreamingDriver(model, clock);
                return new ModelOnly
                {
                    _clock = clock,
                    _model = model,
                    _intSource = new byte[] { 0x80 | 0x30 },
                    _fifoStatus = new byte[] { 0x80 | 0x39 },
                    _dataBurst = new byte[] { 0x80 | 0x40 | 0x32 },
                    _value = new byte[1],
                    _data = new byte[6 * SamplesPerBatch],
                };
            }

            public long Invoke(int iteration)
            {
                _clock.AdvanceUs(BatchIntervalUs);
                _model.WriteRead(_intSource, 0, 1, _value, 0, 1);
                _model.WriteRead(_fifoStatus, 0, 1, _value, 0, 1);
                int entries = _value[0] & 0x3F;
                for (int i = 0; i < entries; i++)
                {
                    _model.WriteRead(_dataBurst, 0, 1, _data, 6 * i, 6);
                }

                return entries + _data[0];
            }
        }

        private struct DriverOnReplay : IOperation
        {
            private Adxl345Driver _driver;
            private short[] _counts;
            private short[] _milliG;

            public static DriverOnReplay Create()
            {
                var clock = new VirtualClock();
                return new DriverOnReplay
                {
                    _driver = NewStreamingDriver(new ReplayBus(), clock),
                    _counts = new short[3 * SamplesPerBatch],
                    _milliG = new short[3 * SamplesPerBatch],
                };
            }

            public long Invoke(int iteration)
            {
                _driver.ReadFifo(_counts, 0, SamplesPerBatch, out int read, out _);
                _driver.ConvertToMilliG(_counts, 0, _milliG, 0, 3 * read);
                return Checksum(_milliG, 3 * read);
            }
        }

        /// <summary>
        /// A bus that costs next to nothing: DEVID reads 0xE5, FIFO_STATUS a full FIFO, INT_SOURCE no overrun, and
        /// every data burst the same sample (x = 100, y = -100, z = 256 counts). Writes are accepted and ignored.
        /// </summary>
        private sealed class ReplayBus : IRegisterBus
        {
            private static readonly byte[] Sample = { 100, 0, 156, 255, 0, 1 };

            public BusStatus Write(byte[] buffer, int offset, int count) => BusStatus.Ok;

            public BusStatus Read(byte[] buffer, int offset, int count) => BusStatus.Ok;

            public BusStatus WriteRead(byte[] writeBuffer, int writeOffset, int writeCount, byte[] readBuffer, int readOffset, int readCount)
            {
                int register = writeBuffer[writeOffset] & 0x3F;
                if (register == 0x00)
                {
                    readBuffer[readOffset] = 0xE5;
                }
                else if (register == 0x39)
                {
                    readBuffer[readOffset] = SamplesPerBatch;
                }
                else if (register == 0x32)
                {
                    Buffer.BlockCopy(Sample, 0, readBuffer, readOffset, readCount);
                }
                else
                {
                    readBuffer[readOffset] = 0;
                }

                return BusStatus.Ok;
            }
        }
    }
}
