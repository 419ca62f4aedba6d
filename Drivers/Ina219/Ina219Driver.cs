using System;
using SensorNode.Core.FixedMath;
using SensorNode.Hardware;

namespace SensorNode.Drivers.Ina219
{
    /// <summary>
    /// TI INA219 high-side current and bus-voltage monitor on I2C (datasheet SBOS448G), in continuous shunt-and-bus mode.
    /// </summary>
    /// <remarks>
    /// The chip has no identity register: presence is a reset followed by reading the configuration register's
    /// power-on value 0x399F (§8.6.2.1). Outputs are updated by <see cref="Read"/> and are integers in the units their
    /// names carry. Nothing here allocates after construction.
    /// </remarks>
    public sealed class Ina219Driver
    {
        /// <summary>Configuration register value after power-on or a reset (§8.6.2.1): 32 V, ±320 mV, 12 bits, continuous.</summary>
        public const int PowerOnConfiguration = 0x399F;

        // Configuration register fields (§8.6.2.1, Figure 19).
        private const int ResetBit = 0x8000;
        private const int BusRangeShift = 13;
        private const int ShuntRangeShift = 11;
        private const int BusAdcShift = 7;
        private const int ShuntAdcShift = 3;
        private const int ModeShuntAndBusContinuous = 0x7;

        // Bus voltage register (§8.6.3.2): conversion ready in bit 1, math overflow in bit 0, value in bits 15:3.
        private const int ConversionReadyBit = 0x2;
        private const int MathOverflowBit = 0x1;
        private const int BusValueShift = 3;

        // Bus voltage LSB: 4 mV whatever the range (§8.6.3.2).
        private const int BusLsbMv = 4;

        // Power_LSB = 20 × Current_LSB (§8.5.1, Equation 3).
        private const int PowerLsbPerCurrentLsb = 20;

        private readonly IRegisterBus _bus;
        private readonly byte[] _writeBuffer = new byte[3];
        private readonly byte[] _readBuffer = new byte[2];
        private readonly int _configuration;
        private readonly int _calibration;
        private readonly int _currentLsbUa;
        private readonly int _shuntFullScale10Uv;
        private readonly int _busFullScaleCounts;
        private bool _initialized;

        /// <summary>Creates the driver; nothing is sent until <see cref="Initialize"/>.</summary>
        /// <param name="bus">The chip at its I2C address (0x40 with A0 = A1 = GND).</param>
        /// <param name="shuntMilliohms">Shunt resistance in mΩ.</param>
        /// <param name="maxExpectedCurrentMa">Largest current to measure, in mA; sets Current_LSB (see <see cref="Ina219Calibration"/>).</param>
        /// <param name="busRange">Bus full-scale range.</param>
        /// <param name="shuntRange">Shunt full-scale range (PGA).</param>
        /// <param name="adc">Resolution or averaging, used for both the shunt and the bus ADC.</param>
        /// <exception cref="ArgumentNullException"><paramref name="bus"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">No calibration exists for this shunt and current: a configuration error.</exception>
        public Ina219Driver(
            IRegisterBus bus,
            int shuntMilliohms,
            int maxExpectedCurrentMa,
            Ina219BusRange busRange = Ina219BusRange.Volts32,
            Ina219ShuntRange shuntRange = Ina219ShuntRange.Millivolts320,
            Ina219Adc adc = Ina219Adc.Bits12)
        {
            if (bus == null)
            {
                throw new ArgumentNullException(nameof(bus));
            }

            int currentLsbUa;
            int calibration;
            if (!Ina219Calibration.TryCompute(shuntMilliohms, maxExpectedCurrentMa, out currentLsbUa, out calibration))
            {
                throw new ArgumentOutOfRangeException(nameof(shuntMilliohms));
            }

            _bus = bus;
            _currentLsbUa = currentLsbUa;
            _calibration = calibration;
            _configuration = ((int)busRange << BusRangeShift)
                | ((int)shuntRange << ShuntRangeShift)
                | ((int)adc << BusAdcShift)
                | ((int)adc << ShuntAdcShift)
                | ModeShuntAndBusContinuous;

            // Shunt full scale: 40 mV × 2^PG in 10 µV steps (§8.6.3.1, Table 7: 4000, 8000, 16000, 32000).
            _shuntFullScale10Uv = 4000 << (int)shuntRange;

            // Bus full scale: 16 V or 32 V in 4 mV steps.
            _busFullScaleCounts = busRange == Ina219BusRange.Volts16 ? 16000 / BusLsbMv : 32000 / BusLsbMv;
        }

        /// <summary>The configuration register value <see cref="Initialize"/> writes.</summary>
        public int Configuration => _configuration;

        /// <summary>The calibration register value <see cref="Initialize"/> writes.</summary>
        public int Calibration => _calibration;

        /// <summary>Current register LSB in µA.</summary>
        public int CurrentLsbUa => _currentLsbUa;

        /// <summary>Shunt current in mA, positive from IN+ to IN-; Current register × Current_LSB, rounded to nearest.</summary>
        public int CurrentMa { get; private set; }

        /// <summary>Bus voltage (IN- to GND) in mV; a multiple of 4 mV.</summary>
        public int BusVoltageMv { get; private set; }

        /// <summary>Shunt voltage in units of 10 µV, signed (the raw register).</summary>
        public int ShuntVoltage10Uv { get; private set; }

        /// <summary>Power in mW; Power register × 20 × Current_LSB, rounded to nearest.</summary>
        public int PowerMw { get; private set; }

        /// <summary>Times <see cref="Read"/> found the calibration lost (the chip reset itself) and wrote it again.</summary>
        public int Reprograms { get; private set; }

        /// <summary>
        /// Resets the chip, checks it is an INA219, writes calibration then configuration and reads both back.
        /// </summary>
        /// <returns><see cref="SensorStatus.Ok"/>; <see cref="SensorStatus.BusError"/> on any failed transfer;
        /// <see cref="SensorStatus.NotPresent"/> when the configuration after reset is not 0x399F or a written
        /// register does not read back.</returns>
        public SensorStatus Initialize()
        {
            _initialized = false;
            SensorStatus status = WriteRegister(Ina219Register.Configuration, ResetBit);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            int value;
            status = ReadRegister(Ina219Register.Configuration, out value);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            // The reset bit self-clears and every register returns to its power-on value (§8.6.2.1).
            if (value != PowerOnConfiguration)
            {
                return SensorStatus.NotPresent;
            }

            status = WriteRegister(Ina219Register.Calibration, _calibration);
            if (status == SensorStatus.Ok)
            {
                status = WriteRegister(Ina219Register.Configuration, _configuration);
            }

            if (status == SensorStatus.Ok)
            {
                status = ReadRegister(Ina219Register.Calibration, out value);
            }

            if (status != SensorStatus.Ok)
            {
                return status;
            }

            if (value != _calibration)
            {
                return SensorStatus.NotPresent;
            }

            status = ReadRegister(Ina219Register.Configuration, out value);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            if (value != _configuration)
            {
                return SensorStatus.NotPresent;
            }

            _initialized = true;
            return SensorStatus.Ok;
        }

        /// <summary>
        /// Reads one completed conversion: bus voltage, shunt voltage, current and power (the last read clears CNVR).
        /// </summary>
        /// <returns>
        /// <see cref="SensorStatus.Ok"/>; <see cref="SensorStatus.NotReady"/> before <see cref="Initialize"/>, when no
        /// conversion completed since the previous read (CNVR = 0), or when the chip had reset itself and was just
        /// programmed again (outputs unchanged in all three); <see cref="SensorStatus.BusError"/>;
        /// <see cref="SensorStatus.OutOfRange"/> when OVF is set (current or power overflowed, §8.6.3.2), the shunt
        /// voltage sits at the PGA range's limit or the bus voltage at the bus range's limit (outputs updated but not
        /// trustworthy).
        /// </returns>
        public SensorStatus Read()
        {
            if (!_initialized)
            {
                return SensorStatus.NotReady;
            }

            int bus;
            SensorStatus status = ReadRegister(Ina219Register.BusVoltage, out bus);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            if ((bus & ConversionReadyBit) == 0)
            {
                return SensorStatus.NotReady;
            }

            int shunt;
            status = ReadRegister(Ina219Register.ShuntVoltage, out shunt);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            int current;
            status = ReadRegister(Ina219Register.Current, out current);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            // Power last: reading it clears CNVR, so the next Read sees only a newer conversion (§8.6.3.2).
            int power;
            status = ReadRegister(Ina219Register.Power, out power);
            if (status != SensorStatus.Ok)
            {
                return status;
            }

            // A supply dip resets the chip (configuration 399Fh, calibration 0), after which Current reads 0 whatever
            // the shunt says. Program it again; this conversion used the wrong ranges and is dropped.
            if (current == 0 && shunt != 0)
            {
                int calibration;
                status = ReadRegister(Ina219Register.Calibration, out calibration);
                if (status != SensorStatus.Ok)
                {
                    return status;
                }

                if (calibration != _calibration)
                {
                    Reprograms++;
                    status = WriteRegister(Ina219Register.Calibration, _calibration);
                    if (status == SensorStatus.Ok)
                    {
                        status = WriteRegister(Ina219Register.Configuration, _configuration);
                    }

                    return status == SensorStatus.Ok ? SensorStatus.NotReady : status;
                }
            }

            int busCounts = bus >> BusValueShift;
            int shunt10Uv = (short)shunt;
            BusVoltageMv = busCounts * BusLsbMv;
            ShuntVoltage10Uv = shunt10Uv;

            // Current and shunt registers are two's complement; power is unsigned.
            CurrentMa = (int)IntDiv.RoundSat((long)(short)current * _currentLsbUa, 1000);
            PowerMw = (int)IntDiv.RoundSat((long)power * PowerLsbPerCurrentLsb * _currentLsbUa, 1000);

            bool overflow = (bus & MathOverflowBit) != 0;
            bool shuntAtLimit = shunt10Uv >= _shuntFullScale10Uv || shunt10Uv <= -_shuntFullScale10Uv;
            bool busAtLimit = busCounts >= _busFullScaleCounts;
            return overflow || shuntAtLimit || busAtLimit ? SensorStatus.OutOfRange : SensorStatus.Ok;
        }

        // I2C write: register pointer, then the value MSB first (§8.5.6, Figure 15).
        private SensorStatus WriteRegister(Ina219Register register, int value)
        {
            _writeBuffer[0] = (byte)register;
            _writeBuffer[1] = (byte)(value >> 8);
            _writeBuffer[2] = (byte)value;
            return BusResult.ToSensorStatus(_bus.Write(_writeBuffer, 0, 3));
        }

        // I2C read: pointer write, repeated start, two bytes MSB first (§8.5.6, Figure 16).
        private SensorStatus ReadRegister(Ina219Register register, out int value)
        {
            _writeBuffer[0] = (byte)register;
            BusStatus status = _bus.WriteRead(_writeBuffer, 0, 1, _readBuffer, 0, 2);
            value = status == BusStatus.Ok ? (_readBuffer[0] << 8) | _readBuffer[1] : 0;
            return BusResult.ToSensorStatus(status);
        }
    }
}
