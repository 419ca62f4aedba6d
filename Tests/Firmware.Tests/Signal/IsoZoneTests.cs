using System;
using SensorNode.Core.Signal;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Signal
{
    /// <summary>Every zone boundary of every group and foundation: exact, a boundary value belongs to the worse zone.</summary>
    [TestClass]
    public class IsoZoneTests
    {
        [TestMethod]
        [DataRow(1, 0, 2300, 4500, 7100)]
        [DataRow(1, 1, 3500, 7100, 11000)]
        [DataRow(2, 0, 1400, 2800, 4500)]
        [DataRow(2, 1, 2300, 4500, 7100)]
        public void Boundaries_SeparateTheZones(int groupNumber, int flexible, int abUmS, int bcUmS, int cdUmS)
        {
            IsoMachineGroup group = groupNumber == 1 ? IsoMachineGroup.Group1 : IsoMachineGroup.Group2;
            IsoFoundation foundation = flexible == 1 ? IsoFoundation.Flexible : IsoFoundation.Rigid;
            Assert.AreEqual(abUmS, IsoZoneLimits.BoundaryUmS(group, foundation, IsoZone.A));
            Assert.AreEqual(bcUmS, IsoZoneLimits.BoundaryUmS(group, foundation, IsoZone.B));
            Assert.AreEqual(cdUmS, IsoZoneLimits.BoundaryUmS(group, foundation, IsoZone.C));
            Assert.AreEqual(int.MaxValue, IsoZoneLimits.BoundaryUmS(group, foundation, IsoZone.D));

            Assert.IsTrue(IsoZoneLimits.Classify(-5, group, foundation) == IsoZone.A);
            Assert.IsTrue(IsoZoneLimits.Classify(0, group, foundation) == IsoZone.A);
            Assert.IsTrue(IsoZoneLimits.Classify(abUmS - 1, group, foundation) == IsoZone.A);
            Assert.IsTrue(IsoZoneLimits.Classify(abUmS, group, foundation) == IsoZone.B);
            Assert.IsTrue(IsoZoneLimits.Classify(bcUmS - 1, group, foundation) == IsoZone.B);
            Assert.IsTrue(IsoZoneLimits.Classify(bcUmS, group, foundation) == IsoZone.C);
            Assert.IsTrue(IsoZoneLimits.Classify(cdUmS - 1, group, foundation) == IsoZone.C);
            Assert.IsTrue(IsoZoneLimits.Classify(cdUmS, group, foundation) == IsoZone.D);
            Assert.IsTrue(IsoZoneLimits.Classify(int.MaxValue, group, foundation) == IsoZone.D);
        }

        [TestMethod]
        public void UndefinedValues_Throw()
        {
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => IsoZoneLimits.Classify(0, (IsoMachineGroup)7, IsoFoundation.Rigid));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => IsoZoneLimits.Classify(0, IsoMachineGroup.Group1, (IsoFoundation)7));
            Support.AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => IsoZoneLimits.BoundaryUmS(IsoMachineGroup.Group2, IsoFoundation.Rigid, (IsoZone)9));
        }
    }
}
