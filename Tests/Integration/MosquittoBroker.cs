using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace SensorNode.Integration
{
    /// <summary>
    /// A real mosquitto broker for one test class, on free loopback ports, with a generated config:
    /// <list type="bullet">
    /// <item>a plain listener (<see cref="PlainPort"/>) that allows anonymous clients;</item>
    /// <item>a TLS listener (<see cref="TlsPort"/>) with a server certificate from a CA made for this instance
    /// (<see cref="CaCertificate"/>) that only accepts <see cref="UserName"/> / <see cref="Password"/>.</item>
    /// </list>
    /// No persistence; the log goes to <see cref="LogPath"/>. <see cref="Stop"/> and <see cref="Restart"/> simulate an
    /// outage (the process is killed, so clients see their sockets close); disposing kills it and deletes its files.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        /// <summary>The only account the TLS listener accepts.</summary>
        public const string UserName = "node";

        private const string SystemPath = "/usr/sbin/mosquitto";
        private const int StartTimeoutMs = 10_000;
        private const int PbkdfIterations = 101;

        private readonly string _executable;
        private readonly string _directory;
        private readonly string _configPath;
        private Process _process;

        private MosquittoBroker(string executable)
        {
            _executable = executable;
            _directory = Path.Combine(Path.GetTempPath(), "mosquitto-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            LogPath = Path.Combine(_directory, "mosquitto.log");
            _configPath = Path.Combine(_directory, "mosquitto.conf");
            Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
            PlainPort = FreeLoopbackPort();
            TlsPort = FreeLoopbackPort();
            CaCertificate = TestCertificates.CreateCa("sensor-node test CA");
            WriteFiles();
        }

        /// <summary>Loopback port of the anonymous plain-TCP listener.</summary>
        public int PlainPort { get; }

        /// <summary>Loopback port of the TLS listener that needs <see cref="UserName"/> and <see cref="Password"/>.</summary>
        public int TlsPort { get; }

        /// <summary>Random per instance.</summary>
        public string Password { get; }

        /// <summary>The CA that signed the TLS listener's certificate (public part and key).</summary>
        public X509Certificate2 CaCertificate { get; }

        /// <summary>mosquitto's log file: read it when a test fails.</summary>
        public string LogPath { get; }

        /// <summary>True while the broker process runs.</summary>
        public bool IsRunning => _process != null && !_process.HasExited;

        /// <summary>
        /// Finds mosquitto, writes its config and certificates and starts it; returns once both listeners accept.
        /// Throws with an explanation when mosquitto is not installed: the tests must fail, not skip.
        /// </summary>
        public static MosquittoBroker Start()
        {
            string executable = FindExecutable()
                ?? throw new InvalidOperationException(
                    "mosquitto was not found on PATH or at " + SystemPath + ". The integration tests need a real broker: "
                    + "install it with 'apt-get install -y mosquitto' (.ci/run does this on CI).");
            var broker = new MosquittoBroker(executable);
            try
            {
                broker.StartProcess();
                return broker;
            }
            catch
            {
                broker.Dispose();
                throw;
            }
        }

        /// <summary>Kills the broker (an outage: clients' sockets close without any MQTT goodbye).</summary>
        public void Stop()
        {
            if (_process == null)
            {
                return;
            }

            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill();
                }

                _process.WaitForExit(StartTimeoutMs);
            }
            finally
            {
                _process.Dispose();
                _process = null;
            }
        }

        /// <summary>Stops the broker if it runs and starts it again on the same ports with the same config.</summary>
        public void Restart()
        {
            Stop();
            StartProcess();
        }

        /// <summary>The log so far, for failure messages.</summary>
        public string ReadLog()
        {
            try
            {
                using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
            catch (IOException)
            {
                return "(no log)";
            }
        }

        /// <summary>Kills the broker and deletes its files.</summary>
        public void Dispose()
        {
            Stop();
            try
            {
                Directory.Delete(_directory, true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }

        private static string FindExecutable()
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
            foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(folder, "mosquitto");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return File.Exists(SystemPath) ? SystemPath : null;
        }

        private static int FreeLoopbackPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        // mosquitto 2.0's own format ("$7$"): PBKDF2-HMAC-SHA512, 101 iterations, 12-byte salt, 64-byte hash, base64.
        private static string PasswordLine(string user, string password)
        {
            byte[] salt = RandomNumberGenerator.GetBytes(12);
            byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, PbkdfIterations,
                HashAlgorithmName.SHA512, 64);
            return user + ":$7$" + PbkdfIterations + "$" + Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(hash) + "\n";
        }

        private void WriteFiles()
        {
            string caPath = Path.Combine(_directory, "ca.pem");
            string certPath = Path.Combine(_directory, "server.pem");
            string keyPath = Path.Combine(_directory, "server.key");
            string passwordPath = Path.Combine(_directory, "passwd");
            using (X509Certificate2 server = TestCertificates.CreateServer(CaCertificate))
            using (ECDsa key = server.GetECDsaPrivateKey())
            {
                File.WriteAllText(caPath, CaCertificate.ExportCertificatePem() + "\n");
                File.WriteAllText(certPath, server.ExportCertificatePem() + "\n");
                File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
            }

            File.WriteAllText(passwordPath, PasswordLine(UserName, Password));

            // "user" keeps mosquitto from switching to the 'mosquitto' account when the tests run as root,
            // which could not read these files; for any other account it has no effect.
            var config = new StringBuilder();
            config.Append("per_listener_settings true\n");
            config.Append("user ").Append(Environment.UserName).Append('\n');
            config.Append("persistence false\n");
            config.Append("log_dest file ").Append(LogPath).Append('\n');
            config.Append("log_type all\n");
            config.Append("log_timestamp_format %H:%M:%S\n");
            config.Append("listener ").Append(PlainPort).Append(" 127.0.0.1\n");
            config.Append("allow_anonymous true\n");
            config.Append("listener ").Append(TlsPort).Append(" 127.0.0.1\n");
            config.Append("allow_anonymous false\n");
            config.Append("password_file ").Append(passwordPath).Append('\n');
            config.Append("cafile ").Append(caPath).Append('\n');
            config.Append("certfile ").Append(certPath).Append('\n');
            config.Append("keyfile ").Append(keyPath).Append('\n');
            File.WriteAllText(_configPath, config.ToString());
        }

        private void StartProcess()
        {
            var start = new ProcessStartInfo(_executable)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(_configPath);
            _process = Process.Start(start);
            var output = new StringBuilder();
            _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            var clock = Stopwatch.StartNew();
            while (!(Accepts(PlainPort) && Accepts(TlsPort)))
            {
                if (_process.HasExited || clock.ElapsedMilliseconds > StartTimeoutMs)
                {
                    string reason = _process.HasExited ? "exited with code " + _process.ExitCode : "did not open its ports";
                    Stop();
                    string console;
                    lock (output)
                    {
                        console = output.ToString();
                    }

                    throw new InvalidOperationException(
                        "mosquitto " + reason + " within " + StartTimeoutMs + " ms.\nconsole:\n" + console + "\nlog:\n" + ReadLog());
                }

                Thread.Sleep(20);
            }
        }

        private static bool Accepts(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
