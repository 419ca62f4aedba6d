using System.Device.Gpio;

namespace SensorNode.Hardware.Esp32
{
    /// <summary><see cref="IDigitalOutput"/> over a nanoFramework <see cref="GpioPin"/> in push-pull mode, e.g. the sensor rail's enable.</summary>
    /// <remarks>
    /// Opening the pin as an output drives it low at once (nanoFramework's native SetPinMode enables an output pin at
    /// Low), so a rail enable stays off until the first <see cref="Write"/>(true). <see cref="GpioPin.Write"/> throws only
    /// for a pin that is not an output or is disposed, which this class never lets happen.
    /// </remarks>
    public sealed class GpioDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        /// <param name="controller">The app's GPIO controller.</param>
        /// <param name="pinNumber">ESP32 GPIO number; not GPIO34-39, which are inputs only.</param>
        public GpioDigitalOutput(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
        }

        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }
    }
}
