namespace SensorNode.Hardware.Virtual.Simulation
{
    /// <summary>The faults a scenario can inject (and later repair).</summary>
    public enum FaultKind
    {
        /// <summary>A bearing defect whose impulse amplitude grows with time.</summary>
        BearingWear = 0,

        /// <summary>Lost lubrication: the bearing's steady-state temperature rise is multiplied.</summary>
        Overheating = 1,

        /// <summary>A jammed rotor: speed falls to zero while the motor draws locked-rotor current.</summary>
        Stall = 2,

        /// <summary>The driven load exceeds rating: more current, more slip, more heat.</summary>
        Overload = 3,

        /// <summary>A sensor's connector is out: its chip model answers nothing (see ChipFaults.Unplugged).</summary>
        SensorUnplugged = 4,

        /// <summary>A sensor answers but its measurement is frozen (see ChipFaults.Stuck).</summary>
        SensorStuck = 5,

        /// <summary>Short bursts of broadband vibration from outside the machine (knocks, a passing forklift).</summary>
        NoiseBurst = 6,
    }
}
