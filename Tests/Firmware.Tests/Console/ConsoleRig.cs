using SensorNode.Core.Config;
using SensorNode.Core.Console;
using SensorNode.Core.Tests.Node;
using SensorNode.Core.Tests.Support;

namespace SensorNode.Core.Tests.Console
{
    /// <summary>One test's console: a <see cref="NodeRig"/> node, RAM storage, a counting reboot seam and the interpreter.</summary>
    public sealed class ConsoleRig
    {
        /// <summary>Builds the rig; <paramref name="start"/> starts the node and runs it for <paramref name="windows"/> windows.</summary>
        public ConsoleRig(bool start, int windows)
        {
            Node = new NodeRig();
            Storage = new MemoryFileStorage();
            System = new CountingSystem();
            Interpreter = new CommandInterpreter(Node.Node, Storage, System);
            Reply = new ConsoleReply(SerialConsole.ReplyCapacityChars);
            if (start)
            {
                Node.Start();
                Node.RunWindows(windows);
            }
        }

        /// <summary>The node rig.</summary>
        public NodeRig Node { get; }

        /// <summary>The flash.</summary>
        public MemoryFileStorage Storage { get; }

        /// <summary>The reboot seam.</summary>
        public CountingSystem System { get; }

        /// <summary>The interpreter under test.</summary>
        public CommandInterpreter Interpreter { get; }

        /// <summary>The reply of the last command.</summary>
        public ConsoleReply Reply { get; }

        /// <summary>Runs a line from the serial console; returns the reply text.</summary>
        public string Run(string line)
        {
            Interpreter.Execute(line, SettingSource.Console, Reply);
            return Reply.ToString();
        }

        /// <summary>Runs a line from the MQTT command topic; returns the reply text.</summary>
        public string RunRemote(string line)
        {
            Interpreter.Execute(line, SettingSource.Remote, Reply);
            return Reply.ToString();
        }
    }
}
