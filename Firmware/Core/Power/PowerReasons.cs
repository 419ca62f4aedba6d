namespace SensorNode.Core.Power
{
    /// <summary>
    /// The reasons of power events and messages, as constant snake_case words, and their codes in the saved state.
    /// Unknown words are saved as code 0 ("boot").
    /// </summary>
    public static class PowerReasons
    {
        /// <summary>The mode a node starts in after a power-on or reboot.</summary>
        public const string Boot = "boot";

        /// <summary>Forced from the serial console.</summary>
        public const string Console = "console";

        /// <summary>Forced over MQTT.</summary>
        public const string Remote = "remote";

        /// <summary>Back to the policy after <c>mode auto</c>.</summary>
        public const string Auto = "auto";

        /// <summary>A light sleep ended early: the console UART woke the chip.</summary>
        public const string WakeConsole = "wake_console_uart";

        /// <summary>A sleep ended early: a wake pin changed level.</summary>
        public const string WakePin = "wake_pin";

        /// <summary>A sleep ended early for another reason the platform reported.</summary>
        public const string WakeOther = "wake_other";

        /// <summary>The platform could not store the next boot's radio (an error event's reason).</summary>
        public const string RadioChoiceFailed = "radio_choice_not_stored";

        private static readonly string[] Words =
        {
            Boot, PowerPolicy.ReasonRunning, PowerPolicy.ReasonIdle, PowerPolicy.ReasonOff, PowerPolicy.ReasonPolicy, Console,
            Remote, Auto,
        };

        /// <summary>Code of <paramref name="reason"/> for the saved state.</summary>
        public static int Code(string reason)
        {
            for (int i = 0; i < Words.Length; i++)
            {
                if (Words[i] == reason)
                {
                    return i;
                }
            }

            return 0;
        }

        /// <summary>The word of a saved code ("boot" for an unknown code).</summary>
        public static string Word(int code)
        {
            return code >= 0 && code < Words.Length ? Words[code] : Boot;
        }
    }
}
