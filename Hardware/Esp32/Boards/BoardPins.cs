using nanoFramework.Hardware.Esp32;

namespace SensorNode.Hardware.Esp32.Boards
{
    /// <summary>
    /// Where the node's parts connect on one ESP32 board: GPIO numbers, bus ids and the ADC channel. The composition
    /// root picks a board, calls <see cref="ApplyPinFunctions"/> once at start-up, then builds the adapters from these
    /// numbers. Only the board classes in this assembly set them.
    /// </summary>
    public sealed class BoardPins
    {
        /// <summary>The value of an optional pin the board does not have.</summary>
        public const int NotFitted = -1;

        /// <summary>Board name for the console's <c>version</c> output.</summary>
        public string Name { get; internal set; }

        /// <summary>nanoFramework I2C bus id (I2C1) for the INA219.</summary>
        public int I2cBusId { get; internal set; }

        public int I2cDataPin { get; internal set; }

        public int I2cClockPin { get; internal set; }

        /// <summary>nanoFramework SPI bus id (SPI1), shared by the ADXL345 and the MAX31865.</summary>
        public int SpiBusId { get; internal set; }

        public int SpiClockPin { get; internal set; }

        public int SpiMisoPin { get; internal set; }

        public int SpiMosiPin { get; internal set; }

        public int Adxl345ChipSelectPin { get; internal set; }

        /// <summary>ADXL345 INT1: FIFO watermark, active high, push-pull (no pull resistor needed).</summary>
        public int Adxl345Int1Pin { get; internal set; }

        public int Max31865ChipSelectPin { get; internal set; }

        /// <summary>GPIO of the CT clamp input; on the ESP32 each ADC1 channel has one fixed pin.</summary>
        public int CurrentClampPin { get; internal set; }

        /// <summary>ADC1 channel number of that pin, for AdcController.OpenChannel (ADC2 stops while Wi-Fi is on).</summary>
        public int CurrentClampAdcChannel { get; internal set; }

        /// <summary>The same channel as a pin function.</summary>
        public DeviceFunction CurrentClampAdcFunction { get; internal set; }

        /// <summary>
        /// GPIO driving the enable of the sensors' switched supply rail (high = on; the ADXL345, the MAX31865 and the CT
        /// clamp's bias divider hang on it), or <see cref="NotFitted"/> when the parts are powered from 3V3 permanently.
        /// The enable needs a pull-down so the rail is off while the pin floats, through a reset and in deep sleep; see
        /// Hardware/Esp32/README.md, "Sensor rail".
        /// </summary>
        public int SensorRailPin { get; internal set; } = NotFitted;

        /// <summary>Technician console port: "COM2" (COM1 carries the debugger), 115200 8N1.</summary>
        public string ConsolePort { get; internal set; }

        public int ConsoleTxPin { get; internal set; }

        public int ConsoleRxPin { get; internal set; }

        /// <summary>Routes I2C1, SPI1, the console UART and the ADC channel to this board's pins.</summary>
        public void ApplyPinFunctions()
        {
            Configuration.SetPinFunction(I2cDataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(I2cClockPin, DeviceFunction.I2C1_CLOCK);
            Configuration.SetPinFunction(SpiClockPin, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(SpiMisoPin, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(SpiMosiPin, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(ConsoleTxPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(ConsoleRxPin, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(CurrentClampPin, CurrentClampAdcFunction);
        }
    }
}
