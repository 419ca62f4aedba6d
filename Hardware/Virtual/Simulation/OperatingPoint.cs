namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>The machine's mechanical and electrical state at one instant.</summary>
    public readonly struct OperatingPoint
    {
        public OperatingPoint(MachineMode mode, bool energised, double speedHz, double load, double revolutions)
        {
            Mode = mode;
            Energised = energised;
            SpeedHz = speedHz;
            Load = load;
            Revolutions = revolutions;
        }

        /// <summary>The schedule's mode at this instant (a stall does not change it).</summary>
        public MachineMode Mode { get; }

        /// <summary>True while the motor is connected to the supply.</summary>
        public bool Energised { get; }

        /// <summary>Shaft speed in revolutions per second.</summary>
        public double SpeedHz { get; }

        /// <summary>Mechanical load as a fraction of rated.</summary>
        public double Load { get; }

        /// <summary>Shaft revolutions since the simulation started (the integral of speed).</summary>
        public double Revolutions { get; }

        public double SpeedRpm => SpeedHz * 60;
    }
}
