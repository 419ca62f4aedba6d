using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Hardware.Virtual.Tests.Support
{
    /// <summary>Small scenarios built for one test each.</summary>
    internal static class Scenarios
    {
        /// <summary>Running at <paramref name="load"/> from t = 0 for ten simulated hours, with the given events.</summary>
        public static Scenario Running(double load, params ScenarioEvent[] events) =>
            new Scenario("test-running", "steady running for a test", new[] { ScheduleSegment.Running(36000, load) }, events, 1);

        /// <summary>The machine parameters with every vibration source except bearing impacts switched off.</summary>
        public static MachineParameters ImpactsOnly() => new MachineParameters
        {
            Imbalance1xPeakG = 0,
            Misalignment2xPeakG = 0,
            BroadbandNoiseRmsG = 0,
            BackgroundNoiseRmsG = 0,
            WearNoisePerG = 0,
        };
    }
}
