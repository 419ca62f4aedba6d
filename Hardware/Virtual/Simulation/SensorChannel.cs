namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>The node's sensors, as the target of sensor faults.</summary>
    public enum SensorChannel
    {
        /// <summary>Not a sensor fault.</summary>
        None = 0,

        /// <summary>ADXL345 accelerometer on the bearing housing.</summary>
        Accelerometer = 1,

        /// <summary>MAX31865 with the RTD on the bearing housing.</summary>
        Temperature = 2,

        /// <summary>INA219 on the node's supply.</summary>
        SupplyMonitor = 3,

        /// <summary>CT clamp on the motor supply, read by the ESP32 ADC.</summary>
        CurrentClamp = 4,
    }
}
