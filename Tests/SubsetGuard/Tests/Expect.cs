using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.SubsetGuard
{
    internal static class Expect
    {
        /// <summary>Runs <paramref name="parse"/> and returns the message of the FormatException it must throw.</summary>
        public static string FormatError(Action parse)
        {
            try
            {
                parse();
            }
            catch (FormatException e)
            {
                return e.Message;
            }
            Assert.Fail("expected a FormatException");
            return null;
        }
    }
}
