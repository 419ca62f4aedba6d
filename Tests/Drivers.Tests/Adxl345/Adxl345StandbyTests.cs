using SensorNode.Drivers.Adxl345;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Adxl345
{
    [TestClass]
    public class Adxl345StandbyTests
    {
        // Standby clears Measure: the part stops converting, the driver reads nothing until it is initialised again,
        // and initialising again brings the samples back.
        [TestMethod]
        public void Standby_StopsConversions_UntilInitializedAgain()
        {
            var rig = new Adxl345Rig(0);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16));
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Standby());
            Assert.AreEqual(0, rig.Model.RegisterValue(0x2D) & 0x08);

            rig.Clock.AdvanceUs(5000);
            short[] xyz = new short[3 * 32];
            Assert.AreEqual(SensorStatus.NotReady, rig.Driver.ReadFifo(xyz, 0, 32, out int read, out int lost));
            Assert.AreEqual(0, read);
            Assert.AreEqual(0, rig.Model.RegisterValue(0x39) & 0x3F);

            Assert.AreEqual(SensorStatus.Ok, rig.Driver.Initialize(Adxl345Range.PlusMinus16G, Adxl345DataRate.Rate3200Hz, 16));
            rig.Clock.AdvanceUs(20L * 1000000 / 3200);
            Assert.AreEqual(SensorStatus.Ok, rig.Driver.ReadFifo(xyz, 0, 32, out read, out lost));
            Assert.AreEqual(20, read);
        }
    }
}
