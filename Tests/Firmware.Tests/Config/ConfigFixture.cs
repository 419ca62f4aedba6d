using SensorNode.Core.Config;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    /// <summary>Shared helpers of the config tests: fresh stores, snapshots, and hand-made config files.</summary>
    public static class ConfigFixture
    {
        /// <summary>A store over the real table, holding the defaults.</summary>
        public static ConfigStore NewStore()
        {
            return new ConfigStore(SettingsTable.All);
        }

        /// <summary>Sets a value from the console and asserts it was accepted.</summary>
        public static void Set(ConfigStore store, string key, string value)
        {
            ConfigResult result = store.TrySet(key, value, SettingSource.Console, out string error);
            Assert.IsTrue(result == ConfigResult.Ok, key + "=" + value + " refused: " + error);
        }

        /// <summary>The canonical text of every setting.</summary>
        public static string[] Snapshot(ConfigStore store)
        {
            var texts = new string[store.Count];
            for (int i = 0; i < texts.Length; i++)
            {
                texts[i] = store.GetText(i);
            }

            return texts;
        }

        /// <summary>True if every setting's text equals the snapshot.</summary>
        public static bool Matches(ConfigStore store, string[] snapshot)
        {
            for (int i = 0; i < snapshot.Length; i++)
            {
                if (store.GetText(i) != snapshot[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Asserts every setting's text equals the snapshot, naming the first difference.</summary>
        public static void AssertMatches(ConfigStore store, string[] snapshot)
        {
            for (int i = 0; i < snapshot.Length; i++)
            {
                Assert.AreEqual(snapshot[i], store.GetText(i), store.Definition(i).Key);
            }
        }

        /// <summary>ASCII bytes of <paramref name="text"/>.</summary>
        public static byte[] Ascii(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>
        /// A file with the given body lines after the header, sealed with a correct trailer, written independently of
        /// the store's encoder: "#crc32=" + 8 upper-case hex digits + " len=" + body length.
        /// </summary>
        public static byte[] SealedFile(string lines)
        {
            string body = "#sensornode-config 1\n" + lines;
            byte[] bodyBytes = Ascii(body);
            uint crc = Crc32.Compute(bodyBytes, 0, bodyBytes.Length);
            var hex = new char[8];
            for (int i = 0; i < 8; i++)
            {
                hex[i] = "0123456789ABCDEF"[(int)((crc >> (28 - 4 * i)) & 0xF)];
            }

            return Ascii(body + "#crc32=" + new string(hex) + " len=" + bodyBytes.Length.ToString() + "\n");
        }
    }
}
