namespace SensorNode.Core.Node
{
    /// <summary>Restarting the node, for the console's <c>reboot</c> command.</summary>
    public interface ISystemControl
    {
        /// <summary>
        /// Asks for a restart and returns at once: the composition root restarts after the current command's reply has
        /// been written (on the device a software reset; the virtual node restarts its core from storage). Unsaved
        /// settings are lost, as on a power cycle.
        /// </summary>
        void RequestReboot();
    }
}
