using nanoFramework.Hardware.Esp32;

namespace SensorNode.Hardware.Esp32.Boards
{
    /// <summary>
    /// Espressif ESP32-DevKitC V4 with an ESP32-WROOM-32 module (no PSRAM, so GPIO16/17 are free). The pins avoid the
    /// flash (GPIO6-11), the debugger UART (GPIO1/3) and the boot straps that must not be driven at reset (GPIO0, 2, 12,
    /// 15); GPIO5 is a strap too, but a chip select idles high, which is its boot level.
    /// </summary>
    /// <remarks>
    /// | Signal | GPIO | Function |
    /// |---|---|---|
    /// | INA219 SDA / SCL | 21 / 22 | I2C1 (the ESP32's customary I2C pins) |
    /// | SPI SCK / MISO / MOSI | 18 / 19 / 23 | SPI1 on the VSPI pins |
    /// | ADXL345 CS | 5 | VSPI's own CS0 pin, driven as a GPIO chip select |
    /// | ADXL345 INT1 | 34 | input-only pin (RTC-capable, so it can wake the chip) |
    /// | MAX31865 CS | 17 | |
    /// | CT clamp | 35 | ADC1 channel 7, input-only |
    /// | Console TX / RX | 26 / 27 | COM2 (nanoFramework's default COM2 pins 16/17 clash with the MAX31865 CS) |
    /// | Sensor rail enable | 25 | output, high = sensors powered |
    /// </remarks>
    public static class DevKitC
    {
        public static BoardPins Pins { get; } = new BoardPins
        {
            Name = "ESP32-DevKitC (WROOM-32)",
            I2cBusId = 1,
            I2cDataPin = 21,
            I2cClockPin = 22,
            SpiBusId = 1,
            SpiClockPin = 18,
            SpiMisoPin = 19,
            SpiMosiPin = 23,
            Adxl345ChipSelectPin = 5,
            Adxl345Int1Pin = 34,
            Max31865ChipSelectPin = 17,
            CurrentClampPin = 35,
            CurrentClampAdcChannel = 7,
            CurrentClampAdcFunction = DeviceFunction.ADC1_CH7,
            ConsolePort = "COM2",
            ConsoleTxPin = 26,
            ConsoleRxPin = 27,

            // The enable of the sensors' 3V3 rail: a load switch (TPS22918: ON pin, active high) or a P-MOSFET high-side
            // switch whose gate an N-MOSFET pulls low, either way with a pull-down from the enable to GND, so the rail stays
            // off through a reset and in deep sleep, when the ESP32's pins float. GPIO25 is free here and is not a boot
            // strap (0, 2, 5, 12, 15); GPIO14, also free, toggles during boot.
            SensorRailPin = 25,
        };
    }
}
