#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using SensorNode.Core.Telemetry;

namespace SensorNode.Core.Tests.Telemetry
{
    /// <summary>Compares a writer's output byte by byte; no Encoding, so the same helper runs on the device.</summary>
    public static class JsonAssert
    {
        /// <summary>The output must be exactly <paramref name="expectedAscii"/> (an all-ASCII expectation).</summary>
        public static void Written(string expectedAscii, JsonWriter writer)
        {
            Assert.AreEqual(expectedAscii.Length, writer.Length, "length of " + expectedAscii);
            for (int i = 0; i < expectedAscii.Length; i++)
            {
                Assert.AreEqual((int)expectedAscii[i], (int)writer.Buffer[i], "byte " + i + " of " + expectedAscii);
            }
        }

        /// <summary>The output must be exactly <paramref name="expected"/>.</summary>
        public static void Written(byte[] expected, JsonWriter writer)
        {
            Assert.AreEqual(expected.Length, writer.Length, "length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual((int)expected[i], (int)writer.Buffer[i], "byte " + i);
            }
        }
    }
}
