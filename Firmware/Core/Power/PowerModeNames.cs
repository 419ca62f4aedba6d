using SensorNode.Core.Node;

namespace SensorNode.Core.Power
{
    /// <summary>The wire names of <see cref="PowerMode"/> and the conversion from a console request; constant strings.</summary>
    public static class PowerModeNames
    {
        /// <summary>"active", "eco" or "sleep".</summary>
        public static string Name(PowerMode mode)
        {
            switch (mode)
            {
                case PowerMode.Eco: return "eco";
                case PowerMode.Sleep: return "sleep";
                default: return "active";
            }
        }

        /// <summary>The mode a forced request asks for; <see cref="PowerModeRequest.Auto"/> has none and gives Active.</summary>
        public static PowerMode FromRequest(PowerModeRequest request)
        {
            switch (request)
            {
                case PowerModeRequest.Eco: return PowerMode.Eco;
                case PowerModeRequest.Sleep: return PowerMode.Sleep;
                default: return PowerMode.Active;
            }
        }
    }
}
