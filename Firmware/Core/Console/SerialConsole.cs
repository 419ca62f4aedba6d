using System;
using SensorNode.Core.Config;
using SensorNode.Hardware;

namespace SensorNode.Core.Console
{
    /// <summary>
    /// The technician's console on a byte stream (UART COM2 on the device, stdin/stdout in the virtual node): bytes
    /// from the <see cref="ISerialLine"/> go through a <see cref="LineAssembler"/>, each line through the
    /// <see cref="CommandInterpreter"/> as <see cref="SettingSource.Console"/>, and each reply goes back as UTF-8 with
    /// CR LF line ends. A rejected line gets its one error line.
    /// </summary>
    /// <remarks>
    /// With <c>interactive</c> (a terminal on a UART, which does not echo locally) typed characters are echoed,
    /// backspace erases on screen and a "> " prompt follows each reply; without it (stdin already echoed by the host
    /// terminal, or a script) only replies are written. <see cref="Poll"/> reads at most <see cref="MaxBytesPerPoll"/>
    /// bytes so that a flood cannot starve the scheduler. Buffers are allocated once; each line allocates its string.
    /// Not thread-safe: poll from the node's loop.
    /// </remarks>
    public sealed class SerialConsole
    {
        /// <summary>Reply buffer size, characters: the longest replies (events 32, about 2700; help and config, about 1200) fit.</summary>
        public const int ReplyCapacityChars = 3072;

        /// <summary>Most bytes taken from the line per <see cref="Poll"/>.</summary>
        public const int MaxBytesPerPoll = 256;

        private const int ReadChunkBytes = 64;
        private const int WriteChunkBytes = 128;
        private const string Prompt = "> ";

        private readonly ISerialLine serial;
        private readonly CommandInterpreter interpreter;
        private readonly bool interactive;
        private readonly LineAssembler assembler = new LineAssembler(LineAssembler.DefaultMaxLineChars);
        private readonly ConsoleReply reply = new ConsoleReply(ReplyCapacityChars);
        private readonly byte[] input = new byte[ReadChunkBytes];
        private readonly byte[] output = new byte[WriteChunkBytes];
        private int outputLength;
        private bool lastWasCarriageReturn;

        /// <summary>Creates the console; nothing is written until <see cref="Poll"/> or <see cref="WritePrompt"/>.</summary>
        public SerialConsole(ISerialLine serial, CommandInterpreter interpreter, bool interactive)
        {
            if (serial == null)
            {
                throw new ArgumentNullException(nameof(serial));
            }

            if (interpreter == null)
            {
                throw new ArgumentNullException(nameof(interpreter));
            }

            this.serial = serial;
            this.interpreter = interpreter;
            this.interactive = interactive;
        }

        /// <summary>The reply to the last line handled (for the composition root, e.g. to log it).</summary>
        public ConsoleReply LastReply => reply;

        /// <summary>Writes the prompt (interactive consoles only), e.g. once after the boot banner.</summary>
        public void WritePrompt()
        {
            if (interactive)
            {
                WriteText(Prompt);
                Flush();
            }
        }

        /// <summary>Handles the bytes waiting on the line (up to <see cref="MaxBytesPerPoll"/>); returns the lines answered.</summary>
        public int Poll()
        {
            int lines = 0;
            int budget = MaxBytesPerPoll;
            while (budget > 0)
            {
                int count = serial.Read(input, 0, budget < ReadChunkBytes ? budget : ReadChunkBytes);
                if (count <= 0)
                {
                    break;
                }

                budget -= count;
                for (int i = 0; i < count; i++)
                {
                    if (HandleByte(input[i]))
                    {
                        lines++;
                    }
                }
            }

            Flush();
            return lines;
        }

        private bool HandleByte(byte value)
        {
            int before = assembler.PendingLength;
            LineEvent result = assembler.Push(value);
            bool newline = value == 0x0D || (value == 0x0A && !lastWasCarriageReturn);
            lastWasCarriageReturn = value == 0x0D;
            if (interactive)
            {
                EchoTyping(value, before, newline || result == LineEvent.Error);
            }

            if (result == LineEvent.Line)
            {
                interpreter.Execute(assembler.Line, SettingSource.Console, reply);
            }
            else if (result == LineEvent.Error)
            {
                CommandInterpreter.DescribeLineError(assembler, reply);
            }
            else
            {
                if (newline && interactive)
                {
                    WriteText(Prompt);
                }

                return false;
            }

            WriteReply();
            return true;
        }

        private void EchoTyping(byte value, int before, bool lineBreak)
        {
            int after = assembler.PendingLength;
            if (lineBreak)
            {
                WriteText("\r\n");
            }
            else if (after > before)
            {
                WriteByte(value == 0x09 ? (byte)' ' : value);
            }
            else if (after < before)
            {
                WriteText("\b \b");
            }
        }

        private void WriteReply()
        {
            char[] text = reply.Buffer;
            int length = reply.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    WriteByte(0x0D);
                    WriteByte(0x0A);
                }
                else if (c < 0x80)
                {
                    WriteByte((byte)c);
                }
                else if (c < 0x800)
                {
                    WriteByte((byte)(0xC0 | (c >> 6)));
                    WriteByte((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                    WriteByte((byte)(0xF0 | (codePoint >> 18)));
                    WriteByte((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                    WriteByte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (codePoint & 0x3F)));
                }
                else
                {
                    // A lone surrogate cannot be encoded: U+FFFD, as the JSON writer does.
                    int codePoint = c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c;
                    WriteByte((byte)(0xE0 | (codePoint >> 12)));
                    WriteByte((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    WriteByte((byte)(0x80 | (codePoint & 0x3F)));
                }
            }

            if (length > 0)
            {
                WriteText("\r\n");
            }

            if (interactive)
            {
                WriteText(Prompt);
            }
        }

        private void WriteText(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                WriteByte((byte)text[i]);
            }
        }

        private void WriteByte(byte value)
        {
            if (outputLength == output.Length)
            {
                Flush();
            }

            output[outputLength] = value;
            outputLength++;
        }

        private void Flush()
        {
            if (outputLength > 0)
            {
                serial.Write(output, 0, outputLength);
                outputLength = 0;
            }
        }
    }
}
