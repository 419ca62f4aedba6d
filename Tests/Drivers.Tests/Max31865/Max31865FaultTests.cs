using SensorNode.Drivers.Max31865;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Max31865
{
    [TestClass]
    public class Max31865FaultTests
    {
        [TestMethod]
        public void OpenRtd_ReadsFullScale_D7_OpenCircuit()
        {
            var rig = new Max31865Rig();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.RtdOpen = true;
            rig.WaitForConversion();

            SensorStatus status = rig.Driver.Read();

            Assert.AreEqual(SensorStatus.OpenCircuit, status);
            Assert.AreEqual((int)Max31865Faults.RtdHigh, (int)rig.Driver.LastFaults);
            Assert.AreEqual(32767, rig.Driver.RtdCode);
        }

        [TestMethod]
        public void ShortedRtd_ReadsNearZero_D6_ShortCircuit()
        {
            var rig = new Max31865Rig();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.RtdShorted = true;
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.ShortCircuit, rig.Driver.Read());
            Assert.AreEqual((int)Max31865Faults.RtdLow, (int)rig.Driver.LastFaults);
        }

        [TestMethod]
        public void InputBeyondTheRails_D2_OverUnderVoltage()
        {
            var rig = new Max31865Rig();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.OverUnderVoltage = true;
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.OverUnderVoltage, rig.Driver.Read());
            Assert.AreEqual((int)Max31865Faults.OverUnderVoltage, (int)rig.Driver.LastFaults);
        }

        [TestMethod]
        public void OverUnderVoltage_WinsOverAnOpenElement()
        {
            var rig = new Max31865Rig();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.OverUnderVoltage = true;
            rig.Model.RtdOpen = true;
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.OverUnderVoltage, rig.Driver.Read());
            Assert.AreEqual((int)(Max31865Faults.OverUnderVoltage | Max31865Faults.RtdHigh), (int)rig.Driver.LastFaults);
        }

        // The fault-detection cycle's three comparisons (datasheet "Fault Detection Cycle"), one bit each.
        [TestMethod]
        [DataRow(0x20, 7)] // D5: REFIN- > 0.85 × VBIAS
        [DataRow(0x10, 8)] // D4: REFIN- < 0.85 × VBIAS, FORCE- switch open
        [DataRow(0x08, 8)] // D3: RTDIN- < 0.85 × VBIAS, FORCE- switch open
        public void FaultDetectionCycle_ReportsEachComparatorBit(int faultBit, int expectedStatus)
        {
            var rig = new Max31865Rig();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.DetectionCycleFaultBits = faultBit;

            SensorStatus status = rig.Driver.RunFaultDetection();

            Assert.AreEqual((SensorStatus)expectedStatus, status);
            Assert.AreEqual(faultBit, (int)rig.Driver.LastFaults);
        }

        [TestMethod]
        public void FaultDetectionCycle_OnAnOpenElement_SetsD5()
        {
            var rig = new Max31865Rig();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.RtdOpen = true;

            Assert.AreEqual(SensorStatus.OpenCircuit, rig.Driver.RunFaultDetection());
            Assert.AreEqual((int)Max31865Faults.RefInHigh, (int)rig.Driver.LastFaults);
        }

        [TestMethod]
        public void FaultDetectionCycle_WritesTheAutomaticPatternThenRestoresAutomaticConversions()
        {
            var rig = new Max31865Rig();
            rig.Signals.TemperatureC = 55.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.WriteLog.Clear();

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.RunFaultDetection());

            // 100X010Xb with the 50 Hz bit (0x85), then VBIAS + automatic + fault clear + 50 Hz (0xC3).
            Assert.AreEqual(2, rig.Model.WriteLog.Count);
            Assert.AreEqual(0x85, rig.Model.WriteLog.Value(0));
            Assert.AreEqual(0xC3, rig.Model.WriteLog.Value(1));
            rig.WaitForConversion();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            int errorCentiC = rig.Driver.TemperatureCentiC - 5500;
            Assert.IsTrue(errorCentiC >= -5 && errorCentiC <= 5);
        }

        [TestMethod]
        public void LatchedFault_IsClearedSoTheNextGoodConversionReadsOk()
        {
            var rig = new Max31865Rig();
            rig.Signals.TemperatureC = 20.0;
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.RtdOpen = true;
            rig.WaitForConversion();
            Assert.AreEqual(SensorStatus.OpenCircuit, rig.Driver.Read());

            // The driver wrote fault clear (D1) with D5, D3, D2 = 0: the status register is empty again.
            Assert.AreEqual(0, rig.Model.RegisterValue(0x07));
            rig.Model.RtdOpen = false;
            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Read());
            Assert.AreEqual((int)Max31865Faults.None, (int)rig.Driver.LastFaults);
        }

        [TestMethod]
        public void LastingFault_IsReportedAgainByTheNextConversion()
        {
            var rig = new Max31865Rig();
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize());
            rig.Model.RtdShorted = true;
            rig.WaitForConversion();
            Assert.AreEqual(SensorStatus.ShortCircuit, rig.Driver.Read());

            rig.WaitForConversion();

            Assert.AreEqual(SensorStatus.ShortCircuit, rig.Driver.Read());
        }

        [TestMethod]
        [DataRow(0x00, 0)]
        [DataRow(0x80, 7)]
        [DataRow(0x40, 8)]
        [DataRow(0x20, 7)]
        [DataRow(0x10, 8)]
        [DataRow(0x08, 8)]
        [DataRow(0x04, 9)]
        [DataRow(0xC0, 7)]
        [DataRow(0x84, 9)]
        public void MapFaults_CondensesTheBits(int faultBits, int expectedStatus)
        {
            Assert.AreEqual((SensorStatus)expectedStatus, Max31865Driver.MapFaults((Max31865Faults)faultBits));
        }
    }
}
