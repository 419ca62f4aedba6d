using SensorNode.Drivers.Ina219;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Ina219
{
    [TestClass]
    public class Ina219CalibrationTests
    {
        /// <summary>
        /// Datasheet SBOS448G, "Configure/Measure/Calculate Example" (10 A load, 2 mΩ shunt, 40 mV range, so at most
        /// 20 A): 20 A / 2^15 = 610 µA is rounded up to Current_LSB = 1 mA, and Cal = trunc(0.04096 / (1e-3 × 0.002))
        /// = 20480 = 5000h, the value in the example's register table.
        /// </summary>
        [TestMethod]
        public void DatasheetWorkedExample_Gives1mALsbAndCal5000h()
        {
            int currentLsbUa;
            int calibration;

            bool ok = Ina219Calibration.TryCompute(2, 20000, out currentLsbUa, out calibration);

            Assert.IsTrue(ok);
            Assert.AreEqual(1000, currentLsbUa);
            Assert.AreEqual(0x5000, calibration);
        }

        /// <summary>
        /// The 32 V / 2 A / 0.1 Ω setting found in INA219 library code: 2 A / 2^15 = 61 µA, rounded to 100 µA,
        /// Cal = trunc(0.04096 / (100e-6 × 0.1)) = 4096 (1000h).
        /// </summary>
        [TestMethod]
        public void TwoAmpsOnPoint1Ohm_Gives100uALsbAndCal4096()
        {
            int currentLsbUa;
            int calibration;

            bool ok = Ina219Calibration.TryCompute(100, 2000, out currentLsbUa, out calibration);

            Assert.IsTrue(ok);
            Assert.AreEqual(100, currentLsbUa);
            Assert.AreEqual(4096, calibration);
        }

        // Expected values by hand: LSB = the first of 1-2-5 µA ≥ ceil(max µA / 32768) whose Cal ≤ 0xFFFE,
        // Cal = trunc(40 960 000 / (LSB × mΩ)) with bit 0 cleared.
        [TestMethod]
        [DataRow(100, 1000, 50, 8192)]       // 30.5 µA → 50 µA
        [DataRow(100, 3200, 100, 4096)]      // 97.7 µA → 100 µA
        [DataRow(10, 10000, 500, 8192)]      // 305 µA → 500 µA
        [DataRow(100, 100, 10, 40960)]       // 3.05 µA → 5 µA would need Cal 81920 > 0xFFFE, so 10 µA
        [DataRow(3, 5000, 500, 27306)]       // 153 µA → 200 µA would need Cal 68266, so 500 µA
        [DataRow(1, 1, 1000, 40960)]         // 1 µA (the floor of the unit) up to 500 µA all overflow Cal
        [DataRow(9, 1000, 100, 45510)]       // 31 µA → 50 µA overflows; trunc gives 45511, bit 0 cleared
        public void Lsb_IsRoundedUpTo125AndCalFitsTheRegister(int shuntMilliohms, int maxExpectedMa, int expectedLsbUa, int expectedCalibration)
        {
            int currentLsbUa;
            int calibration;

            bool ok = Ina219Calibration.TryCompute(shuntMilliohms, maxExpectedMa, out currentLsbUa, out calibration);

            Assert.IsTrue(ok);
            Assert.AreEqual(expectedLsbUa, currentLsbUa);
            Assert.AreEqual(expectedCalibration, calibration);
        }

        [TestMethod]
        [DataRow(0, 1000)]
        [DataRow(100, 0)]
        [DataRow(-5, 1000)]
        public void NonPositiveInputs_AreRejected(int shuntMilliohms, int maxExpectedMa)
        {
            int currentLsbUa;
            int calibration;

            Assert.IsFalse(Ina219Calibration.TryCompute(shuntMilliohms, maxExpectedMa, out currentLsbUa, out calibration));
        }
    }
}
