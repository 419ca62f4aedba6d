using System;
using SensorNode.Hardware.Virtual.Services;

namespace SensorNode.Hardware.Virtual.Board
{
    /// <summary>
    /// An ADC burst that takes its real time: the converter model samples the burst's instants from the clock's current
    /// time, then the world clock moves on by count / rate, as a blocking burst on the board would hold the CPU. Without
    /// it a burst would cost the firmware nothing and hide what a long one does to the accelerometer's FIFO.
    /// </summary>
    public sealed class TimedAnalogBurst : IAnalogBurstInput
    {
        private readonly IAnalogBurstInput _converter;
        private readonly VirtualClock _clock;

        public TimedAnalogBurst(IAnalogBurstInput converter, VirtualClock clock)
        {
            _converter = converter ?? throw new ArgumentNullException(nameof(converter));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        public int MaxCount => _converter.MaxCount;

        public int FullScaleMillivolts => _converter.FullScaleMillivolts;

        public int MaxSampleRateHz => _converter.MaxSampleRateHz;

        /// <summary>Simulated time spent converting so far, µs.</summary>
        public long BusyUs { get; private set; }

        /// <summary>The converter's burst, then count / rate of world time (rounded to the µs), fault or not.</summary>
        public BusStatus ReadBurst(short[] counts, int offset, int count, int sampleRateHz)
        {
            BusStatus status = _converter.ReadBurst(counts, offset, count, sampleRateHz);
            long durationUs = ((long)count * 1000000 + sampleRateHz / 2) / sampleRateHz;
            _clock.AdvanceUs(durationUs);
            BusyUs += durationUs;
            return status;
        }
    }
}
