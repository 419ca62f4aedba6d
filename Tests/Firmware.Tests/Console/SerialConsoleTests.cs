using SensorNode.Core.Console;
using SensorNode.Core.Tests.Node;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Console
{
    [TestClass]
    public class SerialConsoleTests
    {
        [TestMethod]
        public void CrLfAndCrLfEachAnswerOnce()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            ScriptedSerial serial = new ScriptedSerial();
            SerialConsole console = new SerialConsole(serial, rig.Interpreter, false);
            serial.Type("version\rversion\nversion\r\n\r\n\n\r");

            Assert.AreEqual(3, console.Poll());
            string expected = "firmware 0.5.0, node node-a1b2c3\r\n";
            Assert.AreEqual(expected + expected + expected, serial.TakeOutput());
        }

        [TestMethod]
        public void RepliesUseCrLfAndUtf8()
        {
            ConsoleRig rig = new ConsoleRig(true, 1);
            ScriptedSerial serial = new ScriptedSerial();
            SerialConsole console = new SerialConsole(serial, rig.Interpreter, false);
            serial.Type("help mode\n");
            console.Poll();
            Assert.AreEqual("usage: mode <auto|active|eco|sleep>\r\nask for a power mode (auto follows the machine)\r\n", serial.TakeOutput());

            serial.Type("get temp.max_c\n");
            console.Poll();
            string output = serial.TakeOutput();
            Assert.IsTrue(TextSearch.Contains(output, "temp.max_c = 80 \u00C2\u00B0C\r\n"), "° is C2 B0 in UTF-8: " + output);
        }

        [TestMethod]
        public void BinaryNoiseAndLongLinesGetOneErrorLineEach()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            ScriptedSerial serial = new ScriptedSerial();
            SerialConsole console = new SerialConsole(serial, rig.Interpreter, false);
            for (int i = 0; i < 200; i++)
            {
                byte noise = (byte)(i * 37 + 128);
                serial.TypeByte(noise == 0x0D || noise == 0x0A ? (byte)0xAA : noise);
            }

            serial.Type("\r\n");
            for (int i = 0; i < 300; i++)
            {
                serial.Type("a");
            }

            serial.Type("\r\nversion\r\n");
            int lines = 0;
            for (int poll = 0; poll < 10; poll++)
            {
                lines += console.Poll();
            }

            Assert.AreEqual(3, lines);
            string output = serial.TakeOutput();
            Assert.AreEqual(2, TextSearch.Count(output, "error: "));
            Assert.AreEqual(3, TextSearch.Count(output, "\r\n"));
            Assert.IsTrue(TextSearch.Contains(output, "error: line longer than 128 characters; discarded\r\n"), output);
            Assert.IsTrue(TextSearch.Contains(output, "firmware 0.5.0"), output);
        }

        [TestMethod]
        public void PollTakesABoundedNumberOfBytes()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            ScriptedSerial serial = new ScriptedSerial();
            SerialConsole console = new SerialConsole(serial, rig.Interpreter, false);
            for (int i = 0; i < 200; i++)
            {
                serial.Type("x\n");
            }

            Assert.AreEqual(SerialConsole.MaxBytesPerPoll / 2, console.Poll());
        }

        [TestMethod]
        public void AnInteractiveConsoleEchoesErasesAndPrompts()
        {
            ConsoleRig rig = new ConsoleRig(false, 0);
            ScriptedSerial serial = new ScriptedSerial();
            SerialConsole console = new SerialConsole(serial, rig.Interpreter, true);
            console.WritePrompt();
            serial.Type("verx\x7Fsion\r\n");
            console.Poll();

            Assert.AreEqual("> verx\b \bsion\r\nfirmware 0.5.0, node node-a1b2c3\r\n> ", serial.TakeOutput());

            serial.Type("\r");
            console.Poll();
            Assert.AreEqual("\r\n> ", serial.TakeOutput());
        }
    }
}
