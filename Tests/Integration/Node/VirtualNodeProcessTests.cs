using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Hardware.Virtual.Simulation;

namespace SensorNode.Integration.Node
{
    /// <summary>The <c>virtual-node</c> executable as a user runs it: a separate process, stdin piped, output read back.</summary>
    [TestClass]
    public class VirtualNodeProcessTests
    {
        private const int TimeoutMs = 120_000;

        [TestMethod]
        public void RunAnswersPipedCommandsAndExitsCleanlyAfterItsDuration()
        {
            string configDir = Path.Combine(Path.GetTempPath(), "virtual-node-" + Guid.NewGuid().ToString("N"));
            try
            {
                var result = RunVirtualNode("status\nversion\n",
                    "run", "--scenario", "normal-shifts", "--speed", "1000", "--duration", "120", "--config-dir", configDir);

                Assert.AreEqual(0, result.ExitCode, result.Describe());
                Assert.AreEqual(string.Empty, result.Error, result.Describe());
                string[] lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
                    .SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
                StringAssert.StartsWith(lines[0], "virtual-node node-", result.Describe());
                StringAssert.Contains(lines[0], "| scenario normal-shifts (60 min) | speed x1000 |");
                StringAssert.Contains(lines[0], "config in " + configDir);
                Assert.IsTrue(lines.Contains("#1 0d 00:00:00 boot node reason=power_on"), result.Describe());
                Assert.IsTrue(lines.Contains("#2 0d 00:00:00 config config level=defaults reason=no_file"), result.Describe());
                Assert.IsTrue(lines.Any(l => l.StartsWith("health ok (alarms 0, faults 0, watch 0)")), "no status table:\n" + result.Describe());
                Assert.IsTrue(lines.Any(l => l.StartsWith("firmware 0.5.0, node node-")), "no version line:\n" + result.Describe());
                Assert.AreEqual("virtual-node: stopped at 0d 00:02:00 simulated time", lines[lines.Length - 1].Split(',')[0],
                    result.Describe());
            }
            finally
            {
                if (Directory.Exists(configDir))
                {
                    Directory.Delete(configDir, true);
                }
            }
        }

        [TestMethod]
        public void ScenariosListsTheCatalogue()
        {
            var result = RunVirtualNode(string.Empty, "scenarios");

            Assert.AreEqual(0, result.ExitCode, result.Describe());
            foreach (var scenario in ScenarioCatalogue.All)
            {
                Assert.IsTrue(result.Output.Split('\n').Any(l => l.StartsWith(scenario.Name + " ")), scenario.Name + " missing:\n" + result.Describe());
            }
        }

        [TestMethod]
        public void ABadOptionIsAUsageErrorOnStderr()
        {
            var result = RunVirtualNode(string.Empty, "run", "--speed", "0");

            Assert.AreEqual(2, result.ExitCode, result.Describe());
            Assert.AreEqual(string.Empty, result.Output, result.Describe());
            StringAssert.Contains(result.Error, "--speed must be above 0");
        }

        private static ProcessResult RunVirtualNode(string input, params string[] args)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "virtual-node.dll");
            Assert.IsTrue(File.Exists(dll), dll + " is not beside the tests (the project reference copies it)");

            // The test host runs under the dotnet muxer; the node runs under the same one.
            string host = Environment.ProcessPath;
            if (host == null || !Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                host = "dotnet";
            }

            var start = new ProcessStartInfo(host)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeoutMs))
            {
                process.Kill(true);
                Assert.Fail("virtual-node " + string.Join(" ", args) + " did not exit within " + TimeoutMs / 1000 + " s");
            }

            return new ProcessResult(process.ExitCode, output.Result, error.Result);
        }

        private sealed class ProcessResult
        {
            public ProcessResult(int exitCode, string output, string error)
            {
                ExitCode = exitCode;
                Output = output;
                Error = error;
            }

            public int ExitCode { get; }

            public string Output { get; }

            public string Error { get; }

            public string Describe() => "exit " + ExitCode + "\nstdout:\n" + Output + "\nstderr:\n" + Error;
        }
    }
}
