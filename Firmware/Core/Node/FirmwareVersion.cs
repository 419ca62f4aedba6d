namespace SensorNode.Core.Node
{
    /// <summary>The firmware's version, reported by the console's <c>version</c> command and in the state JSON.</summary>
    public static class FirmwareVersion
    {
        /// <summary>Semantic version of the firmware core.</summary>
        public const string Text = "0.5.0";
    }
}
