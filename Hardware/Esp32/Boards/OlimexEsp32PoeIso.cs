using nanoFramework.Hardware.Esp32;

namespace SensorNode.Hardware.Esp32.Boards
{
    /// <summary>
    /// Olimex ESP32-POE-ISO (WROOM-32 variant): powered and networked over isolated PoE, which suits a node bolted to a
    /// machine. Its LAN8720 Ethernet PHY takes GPIO12 (PHY power), 17 (RMII clock out), 18, 19, 21, 22, 23, 25, 26 and 27,
    /// so the sensors use the UEXT connector's I2C and SPI pins and the EXT2 header. Check the pins against the
    /// schematic of your board revision: on the WROVER variant the RMII clock moves to GPIO0.
    /// </summary>
    /// <remarks>
    /// | Signal | GPIO | Where |
    /// |---|---|---|
    /// | INA219 SDA / SCL | 13 / 16 | UEXT pins 6 / 5 |
    /// | SPI SCK / MISO / MOSI | 14 / 15 / 2 | UEXT pins 9 / 7 / 8 (GPIO2 and 15 are boot straps; the sensors leave them undriven while CS is high) |
    /// | ADXL345 CS | 5 | UEXT pin 10 |
    /// | ADXL345 INT1 | 33 | EXT2 (RTC-capable; not GPIO36/39, whose inputs glitch when the ADC powers up) |
    /// | MAX31865 CS | 32 | EXT2 |
    /// | CT clamp | 36 | ADC1 channel 0, EXT2 (the glitch does not matter for an analog input) |
    /// | Console TX / RX | 4 / 35 | UEXT pin 3 / EXT2 (GPIO34 is the user button; GPIO35 is input-only) |
    /// | Sensor rail enable | none | no free output pin (below) |
    /// </remarks>
    public static class OlimexEsp32PoeIso
    {
        public static BoardPins Pins { get; } = new BoardPins
        {
            Name = "Olimex ESP32-POE-ISO (WROOM-32)",
            I2cBusId = 1,
            I2cDataPin = 13,
            I2cClockPin = 16,
            SpiBusId = 1,
            SpiClockPin = 14,
            SpiMisoPin = 15,
            SpiMosiPin = 2,
            Adxl345ChipSelectPin = 5,
            Adxl345Int1Pin = 33,
            Max31865ChipSelectPin = 32,
            CurrentClampPin = 36,
            CurrentClampAdcChannel = 0,
            CurrentClampAdcFunction = DeviceFunction.ADC1_CH0,
            ConsolePort = "COM2",
            ConsoleTxPin = 4,
            ConsoleRxPin = 35,

            // No switched sensor rail: Ethernet (17, 18, 19, 21, 22, 23, 25, 26, 27, PHY power 12), the sensors and the
            // console (2, 4, 5, 13, 14, 15, 16, 32, 33) and COM1 (1, 3) take every output-capable GPIO but GPIO0, a boot
            // strap (and the RMII clock on the WROVER variant); 34-39 are inputs only (39 senses the external power). A
            // PoE node is mains-powered and has no use for the battery sleep mode; a rail would need a pin freed, e.g.
            // GPIO13 or 16 with the INA219 (which the firmware does not read) left off: a TPS22918 or MOSFET switch, its
            // enable pulled down.
            SensorRailPin = BoardPins.NotFitted,
        };
    }
}
