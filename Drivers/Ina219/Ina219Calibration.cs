namespace SensorNode.Drivers.Ina219
{
    /// <summary>
    /// The INA219 calibration procedure of datasheet SBOS448G §8.5.1, in integers:
    /// Current_LSB ≥ MaxExpected_I / 2^15 (Equation 2), rounded up to a 1-2-5 value as §8.5.2.1 recommends
    /// ("yield a round LSB value"), then Cal = trunc(0.04096 / (Current_LSB × R_SHUNT)) (Equation 1).
    /// </summary>
    public static class Ina219Calibration
    {
        /// <summary>Largest value the chip uses: bit 0 of the calibration register is not part of the calculation.</summary>
        public const int MaxCalibration = 0xFFFE;

        // 0.04096 / (Current_LSB[A] × R[Ω]) with Current_LSB in µA (1e-6) and R in mΩ (1e-3): 0.04096 × 1e9.
        private const long ScaledConstant = 40960000;

        // Equation 2's divisor: the current register is signed, 15 bits of magnitude.
        private const long CurrentRegisterSteps = 32768;

        /// <summary>
        /// Chooses Current_LSB and the calibration value for a shunt of <paramref name="shuntMilliohms"/> and a largest
        /// expected current of <paramref name="maxExpectedCurrentMa"/>.
        /// </summary>
        /// <param name="shuntMilliohms">Shunt resistance in mΩ, 1 or more.</param>
        /// <param name="maxExpectedCurrentMa">Largest current to measure in mA, 1 or more.</param>
        /// <param name="currentLsbUa">Current_LSB in µA: the smallest 1-2-5 value (1, 2, 5, 10, 20, 50 ... µA) not
        /// below maxExpected/2^15 (rounded up to whole µA) for which Cal fits the register.</param>
        /// <param name="calibration">trunc(40 960 000 / (Current_LSB[µA] × R[mΩ])) with bit 0 cleared, as the chip ignores it.</param>
        /// <returns>False when an argument is not positive or no Current_LSB up to 1 A per bit gives a usable Cal.</returns>
        public static bool TryCompute(int shuntMilliohms, int maxExpectedCurrentMa, out int currentLsbUa, out int calibration)
        {
            currentLsbUa = 0;
            calibration = 0;
            if (shuntMilliohms <= 0 || maxExpectedCurrentMa <= 0)
            {
                return false;
            }

            // ceil(maxExpected[µA] / 2^15), at least 1 µA (the unit of this API).
            long minimumLsbUa = ((long)maxExpectedCurrentMa * 1000 + CurrentRegisterSteps - 1) / CurrentRegisterSteps;
            long decade = 1;
            int mantissaIndex = 0;
            while (decade <= 1000000)
            {
                long candidate = decade * Mantissa(mantissaIndex);
                if (candidate >= minimumLsbUa)
                {
                    long cal = ScaledConstant / (candidate * shuntMilliohms);
                    if (cal < 1)
                    {
                        return false;
                    }

                    if (cal <= MaxCalibration)
                    {
                        currentLsbUa = (int)candidate;
                        calibration = (int)(cal & MaxCalibration);
                        return true;
                    }
                }

                mantissaIndex++;
                if (mantissaIndex == 3)
                {
                    mantissaIndex = 0;
                    decade *= 10;
                }
            }

            return false;
        }

        private static long Mantissa(int index)
        {
            return index == 0 ? 1 : index == 1 ? 2 : 5;
        }
    }
}
