using System;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Support
{
    /// <summary>Code under test for <see cref="AssertThrows"/>; a plain delegate because device builds have no Action.</summary>
    public delegate void ThrowingCode();

    /// <summary>
    /// Exception assertion both test frameworks accept (their ThrowsException signatures differ). The same helper as
    /// Tests/Firmware.Tests/Support: a portable nfproj may compile only files under its own folder.
    /// </summary>
    public static class AssertThrows
    {
        /// <summary>Passes only if <paramref name="code"/> throws an exception of exactly <paramref name="expected"/>.</summary>
        public static void Exactly(Type expected, ThrowingCode code)
        {
            Type thrown = null;
            try
            {
                code();
            }
            catch (Exception ex)
            {
                thrown = ex.GetType();
            }

            Assert.IsNotNull(thrown, "expected " + expected.Name + ", nothing was thrown");
            Assert.IsTrue(thrown == expected, "expected " + expected.Name + ", got " + thrown.Name);
        }
    }
}
