using System;
using SensorNode.Core.Anomaly;
using SensorNode.Core.Tests.Support;

namespace SensorNode.Core.Tests.Anomaly
{
    /// <summary>Constructing a channel from invalid parameters must throw ArgumentOutOfRangeException.</summary>
    public static class AssertThrowsHelper
    {
        public static void OutOfRange(AnomalyParameters parameters)
        {
            AssertThrows.Exactly(typeof(ArgumentOutOfRangeException), () => new AnomalyChannel(parameters));
        }
    }
}
