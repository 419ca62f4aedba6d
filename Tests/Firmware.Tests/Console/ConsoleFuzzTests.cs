using SensorNode.Core.Config;
using SensorNode.Core.Console;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Console
{
    /// <summary>
    /// Seeded random and mutated lines through the assembler and the interpreter, with the node ticking in between: no
    /// exception, every error is one line, and an error leaves the settings, the event log, the mode and the reboot seam
    /// as they were.
    /// </summary>
    [TestClass]
    public class ConsoleFuzzTests
    {
        private const int Lines = 20000;

        [TestMethod]
        public void TwentyThousandRandomAndMutatedLinesKeepTheRules()
        {
            ConsoleRig rig = new ConsoleRig(true, 2);
            ConsoleFuzzer fuzzer = new ConsoleFuzzer(20260101);
            LineAssembler assembler = new LineAssembler(LineAssembler.DefaultMaxLineChars);
            int errors = 0;
            int answered = 0;
            for (int i = 0; i < Lines; i++)
            {
                if (i % 50 == 0)
                {
                    rig.Node.Clock.AdvanceMs(10);
                    rig.Node.Node.RunOnce();
                }

                int length = fuzzer.NextLine();
                byte[] bytes = fuzzer.Bytes;
                SettingSource source = fuzzer.NextSource();
                for (int k = 0; k < length; k++)
                {
                    int version = rig.Node.Config.Version;
                    long seq = rig.Node.Node.Events.LastSeq;
                    int mode = (int)rig.Node.Node.Snapshot.RequestedPowerMode;
                    int reboots = rig.System.RebootRequests;
                    LineEvent result = assembler.Push(bytes[k]);
                    if (result == LineEvent.Line)
                    {
                        rig.Interpreter.Execute(assembler.Line, source, rig.Reply);
                    }
                    else if (result == LineEvent.Error)
                    {
                        CommandInterpreter.DescribeLineError(assembler, rig.Reply);
                    }
                    else
                    {
                        continue;
                    }

                    answered++;
                    if (rig.Reply.Ok)
                    {
                        continue;
                    }

                    errors++;
                    Assert.AreEqual(1, rig.Reply.LineCount(), rig.Reply.ToString());
                    Assert.AreEqual('e', rig.Reply.Buffer[0]);
                    Assert.AreEqual(version, rig.Node.Config.Version, rig.Reply.ToString());
                    Assert.AreEqual(seq, rig.Node.Node.Events.LastSeq, rig.Reply.ToString());
                    Assert.AreEqual(mode, (int)rig.Node.Node.Snapshot.RequestedPowerMode);
                    Assert.AreEqual(reboots, rig.System.RebootRequests);
                }
            }

            // The mix must exercise both paths substantially, or the test proves little.
            Assert.IsTrue(answered > Lines / 2, "answered " + answered.ToString());
            Assert.IsTrue(errors > Lines / 4, "errors " + errors.ToString());
            Assert.IsTrue(answered - errors > Lines / 10, "successes " + (answered - errors).ToString());
        }

        [TestMethod]
        public void TheFuzzerIsDeterministic()
        {
            ConsoleFuzzer a = new ConsoleFuzzer(7);
            ConsoleFuzzer b = new ConsoleFuzzer(7);
            for (int i = 0; i < 200; i++)
            {
                int length = a.NextLine();
                Assert.AreEqual(length, b.NextLine());
                for (int k = 0; k < length; k++)
                {
                    Assert.AreEqual(a.Bytes[k], b.Bytes[k]);
                }
            }
        }
    }
}
