using System.Device.Gpio;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="IDigitalInput"/> over a nanoFramework <see cref="GpioPin"/>, e.g. the ADXL345 INT1 line.</summary>
    /// <remarks>
    /// nanoFramework raises <see cref="GpioPin.ValueChanged"/> for both edges on its event dispatcher thread, after the
    /// interrupt; this class drops the edges not asked for and stamps the rest with the node's clock when the handler
    /// runs, so the timestamp includes the dispatch latency (typically well under a millisecond, more when the
    /// interpreter is busy). nanoFramework allocates one event-args object per edge; at a FIFO watermark rate of a few
    /// tens of edges per second that is acceptable.
    /// </remarks>
    public sealed class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly PinEventTypes _edges;
        private readonly IClock _clock;

        /// <param name="controller">The app's GPIO controller.</param>
        /// <param name="pinNumber">ESP32 GPIO number.</param>
        /// <param name="mode">Input, or InputPullUp/InputPullDown (not available on GPIO34-39, which have no pulls).</param>
        /// <param name="edges">Rising, Falling, or both (flags).</param>
        /// <param name="clock">Time base for the edge timestamps.</param>
        public GpioDigitalInput(GpioController controller, int pinNumber, PinMode mode, PinEventTypes edges, IClock clock)
        {
            _edges = edges;
            _clock = clock;
            _pin = controller.OpenPin(pinNumber, mode);
            _pin.ValueChanged += OnValueChanged;
        }

        public event PinEdgeHandler Edge;

        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if ((e.ChangeType & _edges) == PinEventTypes.None)
            {
                return;
            }

            PinEdgeHandler handler = Edge;
            if (handler != null)
            {
                handler((e.ChangeType & PinEventTypes.Rising) != PinEventTypes.None, _clock.MonotonicUs);
            }
        }
    }
}
