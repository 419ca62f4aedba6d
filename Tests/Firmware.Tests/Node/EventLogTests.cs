using System;
using SensorNode.Core.Node;
using SensorNode.Core.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Node
{
    [TestClass]
    public class EventLogTests
    {
        [TestMethod]
        public void EmptyLogHasNoEventsAndSequenceZero()
        {
            EventLog log = new EventLog(4);

            Assert.AreEqual(0, log.Count);
            Assert.AreEqual(0L, log.LastSeq);
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => log.Newest(0));
        }

        [TestMethod]
        public void RingKeepsTheLastCapacityEventsWithIncreasingSequence()
        {
            EventLog log = new EventLog(4);
            for (int i = 1; i <= 10; i++)
            {
                log.Add(i * 100, 0, EventType.Config, "c", "l", i, 0, "", 0, "r");
            }

            Assert.AreEqual(4, log.Count);
            Assert.AreEqual(10L, log.LastSeq);
            for (int age = 0; age < 4; age++)
            {
                NodeEvent e = log.Newest(age);
                Assert.AreEqual(10L - age, e.Seq);
                Assert.AreEqual(10 - age, e.Value);
                Assert.AreEqual((10L - age) * 100, e.TimeMs);
            }

            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => log.Newest(4));
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => log.Newest(-1));
        }

        [TestMethod]
        public void WrappingReusesTheSameEventObjects()
        {
            EventLog log = new EventLog(2);
            NodeEvent first = log.Add(0, 0, EventType.Boot, "node", "", 0, 0, "", 0, "power_on");
            log.Add(0, 0, EventType.Config, "a", "", 0, 0, "", 0, "");
            NodeEvent third = log.Add(0, 0, EventType.Config, "b", "", 0, 0, "", 0, "");

            Assert.IsTrue(first == third, "the slot is reused");
            Assert.AreEqual(3L, third.Seq);
            Assert.AreEqual("b", third.Channel);
        }

        [TestMethod]
        public void NullStringsAreStoredAsEmpty()
        {
            EventLog log = new EventLog(1);
            NodeEvent e = log.Add(5, 7, EventType.Error, null, null, 1, 2, null, 3, null);

            Assert.AreEqual("", e.Channel);
            Assert.AreEqual("", e.Level);
            Assert.AreEqual("", e.Unit);
            Assert.AreEqual("", e.Reason);
            Assert.AreEqual(7L, e.UnixTimeMs);
            Assert.AreEqual(2, e.Decimals);
            Assert.AreEqual(3, e.ScoreQ15);
        }

        [TestMethod]
        public void CapacityBelowOneIsRejected()
        {
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new EventLog(0));
        }
    }
}
