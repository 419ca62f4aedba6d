namespace SensorNode.Hardware
{
    /// <summary>Outcome of one transfer on an <see cref="IRegisterBus"/>.</summary>
    public enum BusStatus
    {
        /// <summary>Every byte was transferred.</summary>
        Ok = 0,

        /// <summary>The device did not acknowledge its address (I2C), or nothing answered.</summary>
        Nack = 1,

        /// <summary>The transfer stopped early; the buffer holds only part of the data.</summary>
        PartialTransfer = 2,

        /// <summary>Clock stretching or a bus timeout ended the transfer.</summary>
        Timeout = 3,

        /// <summary>The controller reported a fault it could not classify.</summary>
        Error = 4,
    }
}
