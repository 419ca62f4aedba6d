using System;
using SensorNode.Core.Config;

namespace SensorNode.Core.Tests.Console
{
    /// <summary>
    /// Seeded console input: valid command lines (from a corpus of every command, good and bad arguments), mutated
    /// lines (a character replaced, inserted, deleted or its case flipped, the line cut or doubled, a json or a number
    /// appended, a random byte put in), pure binary noise and over-long lines, each ended by CR, LF or CRLF. The bench
    /// keeps an argument in the corpus so that a fuzz run does not time the pipeline thousands of times.
    /// </summary>
    public sealed class ConsoleFuzzer
    {
        private static readonly string[] Corpus =
        {
            "help", "help set", "help bogus", "status", "status json", "sensors", "sensors json", "config", "config json",
            "get mqtt.port", "get mqtt.port json", "get wifi.password", "get nothing", "set report.active_s 20",
            "set report.active_s 0", "set report.eco_s 120", "set mqtt.port 1884", "set mqtt.port 99999", "set mqtt.tls on",
            "set iso.foundation flexible", "set iso.group 3", "set temp.max_c 75", "set machine.off_ma 300",
            "set wifi.ssid Plant Floor", "set wifi.password hunter22", "set node.id press-7", "set anomaly.watch 45",
            "save", "defaults", "learn", "learn velocity", "learn nothing", "mode eco", "mode auto", "mode warp",
            "events", "events 5", "events 5 json", "events 0", "events abc", "bench now", "mqtt", "mqtt json", "version",
            "version json", "reboot", "reboot later",
        };

        private readonly Random random;
        private readonly byte[] bytes = new byte[512];

        /// <summary>Creates a fuzzer; the same seed gives the same lines.</summary>
        public ConsoleFuzzer(int seed)
        {
            random = new Random(seed);
        }

        /// <summary>The bytes of the last line, terminator included; [0, the last NextLine's result) are valid.</summary>
        public byte[] Bytes => bytes;

        /// <summary>Makes the next line; returns its length in bytes.</summary>
        public int NextLine()
        {
            int kind = random.Next(100);
            int length;
            if (kind < 10)
            {
                length = Noise(1 + random.Next(80));
            }
            else if (kind < 14)
            {
                length = Noise(0);
                int count = 129 + random.Next(200);
                for (int i = 0; i < count; i++)
                {
                    bytes[length] = (byte)('a' + random.Next(26));
                    length++;
                }
            }
            else
            {
                length = Copy(Corpus[random.Next(Corpus.Length)]);
                if (kind >= 40)
                {
                    length = Mutate(length);
                }
            }

            return Terminate(length);
        }

        /// <summary>Console for three lines in four, remote otherwise.</summary>
        public SettingSource NextSource()
        {
            return random.Next(4) == 0 ? SettingSource.Remote : SettingSource.Console;
        }

        private int Noise(int count)
        {
            for (int i = 0; i < count; i++)
            {
                byte value = (byte)random.Next(256);
                bytes[i] = value == 0x0D || value == 0x0A ? (byte)0x00 : value;
            }

            return count;
        }

        private int Copy(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return text.Length;
        }

        private int Mutate(int length)
        {
            int mutations = 1 + random.Next(3);
            for (int m = 0; m < mutations && length > 0; m++)
            {
                int at = random.Next(length);
                switch (random.Next(8))
                {
                    case 0:
                        bytes[at] = (byte)(0x20 + random.Next(0x5F));
                        break;
                    case 1:
                        length = Insert(length, at, (byte)(0x20 + random.Next(0x5F)));
                        break;
                    case 2:
                        for (int i = at; i < length - 1; i++)
                        {
                            bytes[i] = bytes[i + 1];
                        }

                        length--;
                        break;
                    case 3:
                        bytes[at] = (byte)(bytes[at] ^ 0x20);
                        break;
                    case 4:
                        length = at;
                        break;
                    case 5:
                        length = Append(length, " json");
                        break;
                    case 6:
                        length = Append(length, random.Next(3) == 0 ? " -1" : " 99999999999999999999");
                        break;
                    default:
                        byte noise = (byte)random.Next(256);
                        length = Insert(length, at, noise == 0x0D || noise == 0x0A ? (byte)0x1B : noise);
                        break;
                }
            }

            return length;
        }

        private int Insert(int length, int at, byte value)
        {
            if (length >= 300)
            {
                return length;
            }

            for (int i = length; i > at; i--)
            {
                bytes[i] = bytes[i - 1];
            }

            bytes[at] = value;
            return length + 1;
        }

        private int Append(int length, string text)
        {
            for (int i = 0; i < text.Length && length < 300; i++)
            {
                bytes[length] = (byte)text[i];
                length++;
            }

            return length;
        }

        private int Terminate(int length)
        {
            switch (random.Next(3))
            {
                case 0:
                    bytes[length] = 0x0D;
                    return length + 1;
                case 1:
                    bytes[length] = 0x0A;
                    return length + 1;
                default:
                    bytes[length] = 0x0D;
                    bytes[length + 1] = 0x0A;
                    return length + 2;
            }
        }
    }
}
