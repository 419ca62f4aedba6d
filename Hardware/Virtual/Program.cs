using SensorNode.Hardware.Virtual.Cli;

namespace SensorNode.Hardware.Virtual
{
    /// <summary>The <c>virtual-node</c> executable: see <see cref="VirtualNodeCli"/>.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            return VirtualNodeCli.Run(args);
        }
    }
}
