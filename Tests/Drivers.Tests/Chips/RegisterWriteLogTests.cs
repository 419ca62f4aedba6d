using System;
using SensorNode.Drivers.Tests.Support;
using SensorNode.Hardware.Virtual.Chips;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Drivers.Tests.Chips
{
    /// <summary>The chip models' shared write log: order, capacity, clearing and index checks.</summary>
    [TestClass]
    public class RegisterWriteLogTests
    {
        [TestMethod]
        public void KeepsWritesInOrderUpToItsCapacity()
        {
            RegisterWriteLog log = new RegisterWriteLog(3);
            for (int i = 0; i < 5; i++)
            {
                log.Add(0x20 + i, 0x100 + i);
            }

            Assert.AreEqual(3, log.Count);
            Assert.AreEqual(0x20, log.Register(0));
            Assert.AreEqual(0x102, log.Value(2));
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => log.Register(3));
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => log.Value(-1));
        }

        [TestMethod]
        public void ClearEmptiesItAndItFillsAgain()
        {
            RegisterWriteLog log = new RegisterWriteLog(2);
            log.Add(1, 2);
            log.Add(3, 4);
            log.Clear();
            Assert.AreEqual(0, log.Count);
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => log.Register(0));

            log.Add(5, 6);
            Assert.AreEqual(1, log.Count);
            Assert.AreEqual(5, log.Register(0));
            Assert.AreEqual(6, log.Value(0));
        }
    }
}
