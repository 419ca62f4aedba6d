using System;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace SensorNode.Host.Tests.Mqtt
{
    /// <summary>
    /// A fake broker on a loopback port that a test drives step by step: accept, read a packet, send bytes.
    /// It lets tests produce what a real broker never would (silence, garbage, missing acknowledgements).
    /// </summary>
    internal sealed class ScriptedBroker : IDisposable
    {
        public const int ReadTimeoutMs = 5_000;

        private readonly TcpListener _listener;
        private TcpClient _client;
        private NetworkStream _stream;

        public ScriptedBroker()
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
        }

        /// <summary>One packet as read: the first header byte and the body after the remaining length.</summary>
        public sealed class Packet
        {
            public int Header;
            public byte[] Body;

            public int Type => Header >> 4;

            public int Flags => Header & 0x0F;

            public int PacketIdAt(int position) => (Body[position] << 8) | Body[position + 1];
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Accepts the client's connection (waits up to the read timeout).</summary>
        public void Accept()
        {
            var pending = _listener.AcceptTcpClientAsync();
            if (!pending.Wait(ReadTimeoutMs))
            {
                throw new TimeoutException("the client did not connect");
            }

            _client = pending.Result;
            _client.NoDelay = true;
            _stream = _client.GetStream();
            _stream.ReadTimeout = ReadTimeoutMs;
        }

        /// <summary>Accepts, reads the CONNECT and answers with CONNACK <paramref name="returnCode"/>.</summary>
        public Packet AcceptAndConnAck(int returnCode = 0)
        {
            Accept();
            Packet connect = Read();
            if (connect.Type != 1)
            {
                throw new InvalidDataException("expected CONNECT, got type " + connect.Type);
            }

            Send(Hex.Bytes("20 02 00") , new[] { (byte)returnCode });
            return connect;
        }

        /// <summary>Reads one whole packet; null when the client closed the connection.</summary>
        public Packet Read()
        {
            int header = _stream.ReadByte();
            if (header < 0)
            {
                return null;
            }

            int length = 0;
            int multiplier = 1;
            int digit;
            do
            {
                digit = _stream.ReadByte();
                if (digit < 0)
                {
                    return null;
                }

                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            }
            while ((digit & 0x80) != 0);

            var body = new byte[length];
            int filled = 0;
            while (filled < length)
            {
                int read = _stream.Read(body, filled, length - filled);
                if (read == 0)
                {
                    return null;
                }

                filled += read;
            }

            return new Packet { Header = header, Body = body };
        }

        /// <summary>True when the client has closed its side (reads end of stream, or the socket reset).</summary>
        public bool ClientClosed()
        {
            try
            {
                while (true)
                {
                    if (Read() == null)
                    {
                        return true;
                    }
                }
            }
            catch (IOException)
            {
                return true;
            }
        }

        /// <summary>True when more bytes arrive within <paramref name="waitMs"/>.</summary>
        public bool DataArrivesWithin(int waitMs)
        {
            return _client.Client.Poll(waitMs * 1000, SelectMode.SelectRead) && _client.Available > 0;
        }

        public void Send(params byte[][] parts)
        {
            foreach (byte[] part in parts)
            {
                _stream.Write(part, 0, part.Length);
            }

            _stream.Flush();
        }

        public void CloseClient()
        {
            _client?.Dispose();
        }

        public void Dispose()
        {
            _client?.Dispose();
            _listener.Stop();
        }
    }
}
