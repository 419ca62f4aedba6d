using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Tests
{
    [TestClass]
    public sealed class BearingGeometryTests
    {
        [TestMethod]
        public void Skf6205OrdersMatchThePublishedValues()
        {
            // Orders published with the Case Western Reserve bearing data for the 6205-2RS JEM SKF drive-end bearing
            // (their "BSF" column is the ball defect rate, 2×BSF).
            var b = BearingGeometry.Skf6205;
            Assert.AreEqual(0.39828, b.FtfOrder, 1e-4);
            Assert.AreEqual(3.5848, b.BpfoOrder, 1e-4);
            Assert.AreEqual(5.4152, b.BpfiOrder, 1e-4);
            Assert.AreEqual(4.7135, 2 * b.BsfOrder, 1e-3);
        }

        [TestMethod]
        public void OrdersFollowTheKinematicIdentities()
        {
            var b = new BearingGeometry(12, 10.0, 50.0, 15.0);

            // BPFO + BPFI = number of balls; BPFO = n·FTF; BPFI = n·(1 − FTF).
            Assert.AreEqual(12.0, b.BpfoOrder + b.BpfiOrder, 1e-12);
            Assert.AreEqual(12 * b.FtfOrder, b.BpfoOrder, 1e-12);
            Assert.AreEqual(12 * (1 - b.FtfOrder), b.BpfiOrder, 1e-12);

            double r = 10.0 / 50.0 * Math.Cos(15.0 * Math.PI / 180);
            Assert.AreEqual(50.0 / 20.0 * (1 - r * r), b.BsfOrder, 1e-12);
        }

        [TestMethod]
        public void ImpactOrderPicksTheDefectsRate()
        {
            var b = BearingGeometry.Skf6205;
            Assert.AreEqual(b.BpfoOrder, b.ImpactOrder(BearingDefect.OuterRace));
            Assert.AreEqual(b.BpfiOrder, b.ImpactOrder(BearingDefect.InnerRace));
            Assert.AreEqual(2 * b.BsfOrder, b.ImpactOrder(BearingDefect.Ball));
        }

        [TestMethod]
        public void ImpossibleGeometryIsRejected()
        {
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BearingGeometry(9, 40, 39.04, 0));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BearingGeometry(2, 7.94, 39.04, 0));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new BearingGeometry(9, 7.94, 39.04, 90));
        }
    }
}
