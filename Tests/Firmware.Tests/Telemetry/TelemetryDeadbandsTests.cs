using SensorNode.Core.Node;
using SensorNode.Core.Telemetry;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Telemetry
{
    [TestClass]
    public class TelemetryDeadbandsTests
    {
        [TestMethod]
        [DataRow(4000, 4050, false)]
        [DataRow(4000, 4051, true)]
        [DataRow(4000, 3949, true)]
        [DataRow(-500, -550, false)]
        [DataRow(-500, -551, true)]
        public void TemperatureMovesByHalfADegree(int lastSent, int now, bool expected)
        {
            Assert.AreEqual(expected, TelemetryDeadbands.Exceeded(NodeFeatures.Temperature, lastSent, now));
        }

        [TestMethod]
        [DataRow(500, 600, false)]
        [DataRow(500, 601, true)]
        [DataRow(5000, 5500, false)]
        [DataRow(5000, 5501, true)]
        [DataRow(5000, 4499, true)]
        public void VelocityUsesTheLargerOfAbsoluteAndRelativeBands(int lastSent, int now, bool expected)
        {
            Assert.AreEqual(expected, TelemetryDeadbands.Exceeded(NodeFeatures.VelocityRms, lastSent, now));
        }

        [TestMethod]
        public void ExtremeValuesDoNotOverflow()
        {
            Assert.IsTrue(TelemetryDeadbands.Exceeded(NodeFeatures.Current, int.MinValue, int.MaxValue));
            Assert.IsFalse(TelemetryDeadbands.Exceeded(NodeFeatures.Current, int.MaxValue, int.MaxValue));
            Assert.IsFalse(TelemetryDeadbands.Exceeded(NodeFeatures.Current, int.MinValue, int.MinValue));
        }

        [TestMethod]
        public void OnlyPeakCrestAndKurtosisAreShapeFeatures()
        {
            int shapes = 0;
            for (int feature = 0; feature < NodeFeatures.Count; feature++)
            {
                shapes += TelemetryDeadbands.IsShapeFeature(feature) ? 1 : 0;
            }

            Assert.AreEqual(3, shapes);
            Assert.IsTrue(TelemetryDeadbands.IsShapeFeature(NodeFeatures.Kurtosis));
            Assert.IsFalse(TelemetryDeadbands.IsShapeFeature(NodeFeatures.VelocityRms));
        }

        [TestMethod]
        public void EveryFeatureHasADeadband()
        {
            for (int feature = 0; feature < NodeFeatures.Count; feature++)
            {
                Assert.IsTrue(TelemetryDeadbands.AbsoluteDeadband(feature) > 0, NodeFeatures.Name(feature));
                Assert.IsFalse(TelemetryDeadbands.Exceeded(feature, 1000, 1000 + TelemetryDeadbands.AbsoluteDeadband(feature) / 2));
            }
        }
    }
}
