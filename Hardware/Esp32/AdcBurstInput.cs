using System;
using System.Device.Adc;
using nanoFramework.Hardware.Esp32;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="IAnalogBurstInput"/> over one ESP32 ADC1 channel, paced by a busy-wait on the µs timer.</summary>
    /// <remarks>
    /// <para>nanoFramework has no DMA/continuous ADC API, so a burst is a managed loop: wait for the sample's slot on
    /// <see cref="HighResTimer.GetCurrent"/>, then <see cref="AdcChannel.ReadValue"/>. Each sample costs two native calls
    /// and a lock inside ReadValue, interpreted; the rate this can keep has not been measured on a board yet.
    /// <see cref="MaxSampleRateHz"/> is therefore a constructor argument: pass 2400 Hz (enough for the CT clamp's 40
    /// samples per 60 Hz cycle), a conservative guess to be confirmed with the <c>bench</c> command.</para>
    /// <para>The loop blocks its thread for the whole burst (400 ms for 20 mains cycles) and other managed threads can
    /// delay single samples. A sample taken more than half a period after its slot makes the burst return
    /// <see cref="BusStatus.Timeout"/>, so the caller never computes RMS from a burst whose spacing was not kept.</para>
    /// <para>Use ADC1 channels only: ADC2 is unavailable while Wi-Fi is on.</para>
    /// </remarks>
    public sealed class AdcBurstInput : IAnalogBurstInput
    {
        private readonly AdcChannel _channel;
        private readonly int _maxCount;
        private readonly int _fullScaleMillivolts;
        private readonly int _maxSampleRateHz;

        /// <param name="controller">The one ADC controller of the app (nanoFramework allows a single instance).</param>
        /// <param name="channelNumber">ADC1 channel, e.g. 7 for GPIO35.</param>
        /// <param name="fullScaleMillivolts">Input that reads as full scale with the firmware's default 11 dB attenuation
        /// (about 3100 mV on ESP32; per-chip calibration belongs to the CT driver's constant).</param>
        /// <param name="maxSampleRateHz">Highest rate the board is known to keep; see the remarks.</param>
        public AdcBurstInput(AdcController controller, int channelNumber, int fullScaleMillivolts, int maxSampleRateHz)
        {
            if (fullScaleMillivolts <= 0 || maxSampleRateHz <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxSampleRateHz));
            }

            _channel = controller.OpenChannel(channelNumber);
            _maxCount = controller.MaxValue;
            _fullScaleMillivolts = fullScaleMillivolts;
            _maxSampleRateHz = maxSampleRateHz;
        }

        public int MaxCount => _maxCount;

        public int FullScaleMillivolts => _fullScaleMillivolts;

        public int MaxSampleRateHz => _maxSampleRateHz;

        public BusStatus ReadBurst(short[] counts, int offset, int count, int sampleRateHz)
        {
            if (counts == null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            if (offset < 0 || count < 0 || offset > counts.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            if (sampleRateHz <= 0 || sampleRateHz > _maxSampleRateHz)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleRateHz));
            }

            long halfPeriodUs = 500000 / sampleRateHz;
            long startUs = (long)HighResTimer.GetCurrent();
            bool late = false;
            try
            {
                for (int i = 0; i < count; i++)
                {
                    // Slot times from the start, in whole µs, so rounding never accumulates.
                    long slotUs = startUs + i * 1000000L / sampleRateHz;
                    long nowUs = (long)HighResTimer.GetCurrent();
                    while (nowUs < slotUs)
                    {
                        nowUs = (long)HighResTimer.GetCurrent();
                    }

                    counts[offset + i] = (short)_channel.ReadValue();
                    if (nowUs - slotUs > halfPeriodUs)
                    {
                        late = true;
                    }
                }
            }
            catch (Exception)
            {
                // The native driver failed to convert: a converter fault, reported, never thrown.
                return BusStatus.Error;
            }

            return late ? BusStatus.Timeout : BusStatus.Ok;
        }
    }
}
