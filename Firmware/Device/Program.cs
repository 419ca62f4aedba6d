using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Spi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Runtime.Native;
using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Node;
using SensorNode.Core.Power;
using SensorNode.Core.Telemetry;
using SensorNode.Drivers;
using SensorNode.Drivers.Adxl345;
using SensorNode.Drivers.CurrentClamp;
using SensorNode.Drivers.Max31865;
using SensorNode.Hardware;
using SensorNode.Hardware.Esp32;
using SensorNode.Hardware.Esp32.Boards;

namespace SensorNode.Device
{
    /// <summary>
    /// The ESP32 app: the composition root only. It routes the board's pins, builds the ESP32 adapters, the drivers and
    /// the sensor front end, loads the config from flash, and runs the firmware core with the technician console on COM2.
    /// Everything it wires is the same code the virtual node runs on the PC; only the adapters differ.
    /// </summary>
    public static class Program
    {
        // The board this build is for; OlimexEsp32PoeIso.Pins is the other one in Hardware.Esp32.
        private static readonly BoardPins Pins = DevKitC.Pins;

        // Mains frequency of the plant: the CT clamp's burst spans whole cycles and the MAX31865 notches it out.
        private const int MainsHz = 50;

        // SCT-013-030: 30 A per volt across its built-in burden.
        private const int ClampMilliampsPerVolt = 30000;

        // ESP32 ADC1 at the firmware's default 11 dB attenuation reads about 3.1 V at full scale; the burst loop is assumed
        // to keep 2400 Hz until the bench command has measured the board (see Hardware/Esp32/README.md).
        private const int AdcFullScaleMillivolts = 3100;
        private const int AdcMaxBurstRateHz = 2400;

        // PT100 breakout with a 430 Ω reference resistor, wired 4-wire.
        private const int RtdReferenceMilliohms = 430000;

        // ADXL345 SPI mode 3 up to 5 MHz; MAX31865 mode 1 or 3 up to 5 MHz, kept at 1 MHz for longer probe cables.
        private const int AccelerometerSpiHz = 5000000;
        private const int RtdSpiHz = 1000000;

        // An address byte plus the longest register read: 7 bytes of the MAX31865, 6 data bytes of the ADXL345.
        private const int SpiTransferBytes = 8;

        // The loop wakes on the FIFO watermark (16 frames: 5 ms at 3200 Hz) or after this long, whichever comes first.
        private const int TickTimeoutMs = 10;

        private const int ConsoleBaud = 115200;

        // Pause between two network rounds of the MQTT publisher, ms.
        private const int NetworkRoundMs = 20;

        // Longest wait for the MQTT reply to a reboot command, ms.
        private const int RebootFlushMs = 2000;

        // Longest wait for a PUBACK or SUBACK, ms.
        private const int MqttOperationTimeoutMs = 10000;

        // The broker's CA for mqtt.tls, uploaded to the flash (I:\ca.pem); without it the device's stored CA is used.
        private const string CaFileName = "ca.pem";
        private const int CaFileMaxBytes = 4096;

        private static readonly AutoResetEvent Watermark = new AutoResetEvent(false);

        private static MqttPublisher publisher;

        public static void Main()
        {
            Pins.ApplyPinFunctions();
            var clock = new Esp32Clock();
            var storage = new LittleFsStorage();

            var config = new ConfigStore(SettingsTable.All);
            ConfigLoadOutcome configOutcome = config.Load(storage);

            // Before anything networked. The native startup has already started the radio, or not, from the stored Wi-Fi
            // station block (WifiBootConfiguration), and if so is joining; the link takes that join over. The power manager
            // chooses each next boot's radio before every deep sleep, and restarts with it when a boot without it must send
            // (a power-on with the radio left off included). Until then the next boot keeps this boot's radio, with
            // wifi.ssid / wifi.password stored; an empty wifi.ssid turns it off. The block is written only when it differs.
            var network = new Esp32WifiLink(config.GetText(ConfigKeys.WifiSsid), config.GetText(ConfigKeys.WifiPassword),
                WifiBootConfiguration.Read());
            network.SetRadioAtNextBoot(network.RadioAvailable);

            // The vibration format is fixed for a boot: vib.rate_hz and vib.range_g take effect at the next one.
            var accelerometerBus = new SpiRegisterBus(
                new SpiConnectionSettings(Pins.SpiBusId, Pins.Adxl345ChipSelectPin)
                {
                    Mode = SpiMode.Mode3,
                    ClockFrequency = AccelerometerSpiHz,
                },
                SpiTransferBytes);
            var rtdBus = new SpiRegisterBus(
                new SpiConnectionSettings(Pins.SpiBusId, Pins.Max31865ChipSelectPin)
                {
                    Mode = SpiMode.Mode1,
                    ClockFrequency = RtdSpiHz,
                },
                SpiTransferBytes);
            var clampAdc = new AdcBurstInput(new AdcController(), Pins.CurrentClampAdcChannel, AdcFullScaleMillivolts,
                AdcMaxBurstRateHz);
            var gpio = new GpioController();

            // The sensors' switched supply, where the board has one: the front end switches it on now (the pin opens low,
            // rail off) and off for every sleep, re-initialising the parts after each power-up.
            IDigitalOutput sensorRail = Pins.SensorRailPin == BoardPins.NotFitted
                ? null
                : new GpioDigitalOutput(gpio, Pins.SensorRailPin);
            var sensors = new DriverSensorFrontEnd(
                new Adxl345Driver(accelerometerBus, Adxl345Framing.Spi, clock),
                Adxl345Settings.RangeFromG(config.GetInt(ConfigKeys.VibRangeG)),
                Adxl345Settings.DataRateFromHz(config.GetInt(ConfigKeys.VibRateHz)),
                Adxl345Settings.WatermarkSamples,
                new Max31865Driver(rtdBus, Thread.Sleep, RtdElement.Pt100, RtdReferenceMilliohms, RtdWiring.FourWire, MainsHz,
                    RtdConversionMode(config)),
                new CurrentClampDriver(clampAdc, MainsHz, ClampMilliampsPerVolt),
                clock,
                sensorRail);

            var int1 = new GpioDigitalInput(gpio, Pins.Adxl345Int1Pin, PinMode.Input, PinEventTypes.Rising, clock);
            int1.Edge += OnWatermark;

            // nanoFramework 1.x has no managed watchdog on the ESP32 (nanoFramework.Hardware.Esp32 1.6.40 exposes none),
            // so the core's watchdog hook stays empty; the native task watchdog still guards the interpreter.
            // MQTT: the publisher formats and queues on this loop; the network thread (ServeNetwork) connects, backs off and
            // sends. With mqtt.host empty the node runs offline: events wait in the queue and the console works.
            publisher = new MqttPublisher(CreateTransport(config, storage), clock, PublisherOptions(config));
            var core = new SensorNodeCore(config, sensors, clock, publisher, null, DefaultNodeId());
            var system = new RebootRequest();
            var serial = new SerialPortLine(Pins.ConsolePort, ConsoleBaud);
            var interpreter = new CommandInterpreter(core, storage, system);
            var console = new SerialConsole(serial, interpreter, true);

            // Commands on {root}/cmd run through the same interpreter; seq continues from flash.
            publisher.Attach(core, interpreter, storage);

            // The power manager boots the core: it restores the learned state, and on a routine timer wake from deep sleep
            // it takes its burst and decides. A quiet wake booted without the radio; a wake that reports booted with it,
            // already joining (Esp32WifiLink, see Hardware/Esp32/README.md "Wi-Fi at boot"). Its deep sleep never returns.
            var sleep = new Esp32SleepControl(serial);
            var power = new PowerManager(core, sleep, network, publisher, sensors, new NodeStateStore(storage), null);
            power.Boot(sleep.BootWakeCause, configOutcome);
            new Thread(ServeNetwork).Start();
            console.WritePrompt();
            while (true)
            {
                Watermark.WaitOne(TickTimeoutMs, false);
                core.RunOnce();
                publisher.RunCommands();
                if (console.Poll() > 0)
                {
                    power.NoteConsoleActivity();
                }

                power.RunOnce();
                if (system.Requested)
                {
                    // The reply to "reboot" has been written by Poll; give the UART time to send it, and the network
                    // thread up to RebootFlushMs to send an MQTT reply (a reboot asked for over MQTT).
                    for (int waitedMs = 0; waitedMs < RebootFlushMs && publisher.IsConnected && !publisher.IsIdle; waitedMs += 100)
                    {
                        Thread.Sleep(100);
                    }

                    Thread.Sleep(100);
                    Power.RebootDevice();
                }
            }
        }

        // The network thread: every MQTT round trip happens here, so the sampling loop never waits on the broker.
        private static void ServeNetwork()
        {
            while (true)
            {
                try
                {
                    publisher.Service();
                }
                catch (Exception)
                {
                    // Only a programming error gets here; the next round starts afresh, as the loop does after a failed step.
                }

                Thread.Sleep(NetworkRoundMs);
            }
        }

        // The broker session from mqtt.host, mqtt.port and mqtt.tls (CA from ca.pem); null when mqtt.host is empty.
        private static IMqttTransport CreateTransport(ConfigStore config, IFileStorage storage)
        {
            string host = config.GetText(ConfigKeys.MqttHost);
            if (host == null || host.Length == 0)
            {
                return null;
            }

            bool tls = config.GetBool(ConfigKeys.MqttTls);
            byte[] ca = null;
            if (tls)
            {
                byte[] buffer = new byte[CaFileMaxBytes];
                int length;
                if (storage.Read(CaFileName, buffer, out length) == StorageStatus.Ok)
                {
                    ca = new byte[length];
                    Array.Copy(buffer, ca, length);
                }
            }

            return new M2MqttTransport(host, (int)config.GetInt(ConfigKeys.MqttPort), tls, ca, MqttOperationTimeoutMs);
        }

        private static MqttPublisherOptions PublisherOptions(ConfigStore config)
        {
            MqttPublisherOptions options = new MqttPublisherOptions();
            options.BrokerText = config.GetText(ConfigKeys.MqttHost) + ":" + config.GetText(ConfigKeys.MqttPort)
                + (config.GetBool(ConfigKeys.MqttTls) ? " (TLS)" : "");
            return options;
        }

        // Battery nodes convert the RTD one shot per reading, with its bias off in between; mains nodes convert continuously.
        private static Max31865ConversionMode RtdConversionMode(ConfigStore config)
        {
            return config.GetBool(ConfigKeys.PowerSleepEnabled) ? Max31865ConversionMode.OneShot : Max31865ConversionMode.Automatic;
        }

        // INT1 rose: the FIFO reached its watermark. Runs on nanoFramework's event thread; only wakes the loop.
        private static void OnWatermark(bool risingEdge, long timestampUs)
        {
            Watermark.Set();
        }

        // "node-" and the last 6 hex digits of the first network interface's MAC (the Wi-Fi station on the ESP32).
        private static string DefaultNodeId()
        {
            const string hex = "0123456789abcdef";
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            byte[] mac = interfaces.Length > 0 ? interfaces[0].PhysicalAddress : null;
            if (mac == null || mac.Length < 3)
            {
                return "node-000000";
            }

            char[] id = new char[11];
            id[0] = 'n';
            id[1] = 'o';
            id[2] = 'd';
            id[3] = 'e';
            id[4] = '-';
            for (int i = 0; i < 3; i++)
            {
                int b = mac[mac.Length - 3 + i];
                id[5 + 2 * i] = hex[b >> 4];
                id[6 + 2 * i] = hex[b & 0x0F];
            }

            return new string(id);
        }

        // The console's reboot command: noted here, carried out by the loop after the reply went out.
        private sealed class RebootRequest : ISystemControl
        {
            public bool Requested { get; private set; }

            public void RequestReboot()
            {
                Requested = true;
            }
        }
    }
}
