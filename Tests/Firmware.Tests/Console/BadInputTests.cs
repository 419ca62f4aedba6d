using SensorNode.Core.Config;
using SensorNode.Core.Console;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Console
{
    /// <summary>Every class of bad input gets exactly one error line and changes nothing.</summary>
    [TestClass]
    public class BadInputTests
    {
        [TestMethod]
        [DataRow("frobnicate", "error: unknown command 'frobnicate'; type help for the list")]
        [DataRow("json", "error: unknown command 'json'; type help for the list")]
        [DataRow("get", "error: missing argument; usage: get <key> [json]")]
        [DataRow("set mqtt.port", "error: missing argument; usage: set <key> <value>")]
        [DataRow("mode", "error: missing argument; usage: mode <auto|active|eco|sleep>")]
        [DataRow("status now", "error: too many arguments; usage: status [json]")]
        [DataRow("save json", "error: too many arguments; usage: save")]
        [DataRow("events 1 2", "error: too many arguments; usage: events [n] [json]")]
        [DataRow("events json 5", "error: too many arguments; usage: events [n] [json]")]
        [DataRow("learn a b", "error: too many arguments; usage: learn [channel]")]
        [DataRow("reboot now please", "error: too many arguments; usage: reboot")]
        [DataRow("status a b c d e f g h i", "error: too many arguments; usage: status [json]")]
        [DataRow("events x", "error: n must be a number 1..32; usage: events [n] [json]")]
        [DataRow("events 0", "error: n must be a number 1..32; usage: events [n] [json]")]
        [DataRow("events 33", "error: n must be a number 1..32; usage: events [n] [json]")]
        [DataRow("events -3", "error: n must be a number 1..32; usage: events [n] [json]")]
        [DataRow("events 3.5", "error: n must be a number 1..32; usage: events [n] [json]")]
        [DataRow("events 99999999999999999999", "error: n must be a number 1..32; usage: events [n] [json]")]
        [DataRow("set mqtt.port 70000", "error: mqtt.port must be an integer 1..65535")]
        [DataRow("set mqtt.port 12ab", "error: mqtt.port must be an integer 1..65535")]
        [DataRow("set report.active_s 99999999999999999999", "error: report.active_s must be an integer 1..3600 s")]
        [DataRow("set machine.off_ma 5000", "error: machine.off_ma must be at most machine.run_ma (1000 mA)")]
        [DataRow("set no.such.key 1", "error: unknown key no.such.key")]
        [DataRow("get no.such.key", "error: unknown setting 'no.such.key'; config lists them")]
        [DataRow("help nothing", "error: no command 'nothing'; type help for the list")]
        [DataRow("sta\u0001tus", "error: control or non-ASCII character in the line; discarded")]
        [DataRow("st\u00e4tus", "error: control or non-ASCII character in the line; discarded")]
        [DataRow("status\r\n", "error: control or non-ASCII character in the line; discarded")]
        public void EachBadLineGetsOneErrorLineAndChangesNothing(string line, string expected)
        {
            ConsoleRig rig = new ConsoleRig(true, 1);
            int version = rig.Node.Config.Version;
            long seq = rig.Node.Node.Events.LastSeq;

            Assert.AreEqual(expected, rig.Run(line));
            Assert.IsFalse(rig.Reply.Ok);
            Assert.AreEqual(1, rig.Reply.LineCount());
            Assert.AreEqual(version, rig.Node.Config.Version);
            Assert.AreEqual(seq, rig.Node.Node.Events.LastSeq);
            Assert.AreEqual(0, rig.System.RebootRequests);
        }

        [TestMethod]
        public void AnOverLongLineIsOneError()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            string longLine = "set wifi.ssid " + new string('x', 200);

            Assert.AreEqual("error: line longer than 128 characters; discarded", rig.Run(longLine));
            Assert.AreEqual(1, rig.Reply.LineCount());
            Assert.AreEqual("", rig.Node.Config.GetText(ConfigKeys.WifiSsid));
        }

        [TestMethod]
        public void ALongUserWordIsShortenedInTheError()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            string reply = rig.Run(new string('z', 100));

            Assert.AreEqual("error: unknown command '" + new string('z', 40) + "...'; type help for the list", reply);
        }

        [TestMethod]
        public void ALineErrorFromTheAssemblerIsOneLine()
        {
            ConsoleReply reply = new ConsoleReply(256);
            LineAssembler assembler = new LineAssembler(128);
            assembler.Push((byte)'a');
            assembler.Push(0x1B);
            CommandInterpreter.DescribeLineError(assembler, reply);
            Assert.AreEqual("error: control or non-ASCII byte 0x1B in the line; discarded", reply.ToString());
            Assert.IsFalse(reply.Ok);

            assembler.Push((byte)'\n');
            for (int i = 0; i < 200; i++)
            {
                assembler.Push((byte)'a');
            }

            CommandInterpreter.DescribeLineError(assembler, reply);
            Assert.AreEqual("error: line longer than 128 characters; discarded", reply.ToString());
        }
    }
}
