using System;
using SensorNode.Core.Config;
using SensorNode.Core.Tests.Support;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    /// <summary>Seeded random sets and random (correctly sealed) files: never an exception, never a half-applied change.</summary>
    [TestClass]
    public class ConfigFuzzTests
    {
        private const int SetIterations = 5000;
        private const int FileIterations = 200;

        [TestMethod]
        public void RandomSets_NeverThrow_AndChangeNothingOnError()
        {
            var random = new Random(20240605);
            ConfigStore store = ConfigFixture.NewStore();
            int accepted = 0;
            int rejected = 0;
            for (int n = 0; n < SetIterations; n++)
            {
                int index = random.Next(store.Count);
                SettingDefinition definition = store.Definition(index);
                string key = random.Next(10) == 0 ? RandomText(random, 12) : RandomCase(random, definition.Key);
                string value = RandomValue(random, definition);
                SettingSource source = random.Next(2) == 0 ? SettingSource.Console : SettingSource.Remote;
                string[] before = ConfigFixture.Snapshot(store);
                int version = store.Version;

                ConfigResult result = store.TrySet(key, value, source, out string error);

                int target = store.IndexOf(key);
                if (result == ConfigResult.Ok)
                {
                    accepted++;
                    Assert.AreEqual("", error);
                    Assert.IsTrue(target >= 0 && (source == SettingSource.Console || !store.Definition(target).IsConsoleOnly));
                    string stored = store.GetText(target);
                    Assert.IsTrue(SettingValidator.TryParse(store.Definition(target), stored, out long unused, out string canonical));
                    Assert.AreEqual(stored, canonical);
                    Assert.AreEqual(before[target] == stored ? version : version + 1, store.Version);
                    before[target] = stored;
                }
                else
                {
                    rejected++;
                    Assert.AreEqual(version, store.Version);
                    Assert.IsTrue(error.Length > 0);
                    for (int c = 0; c < error.Length; c++)
                    {
                        Assert.IsTrue(error[c] >= ' ', "error is one printable line");
                    }
                }

                Assert.IsTrue(ConfigFixture.Matches(store, before), key);
                AssertOrdered(store);
            }

            Assert.IsTrue(accepted > SetIterations / 10, "accepted " + accepted.ToString());
            Assert.IsTrue(rejected > SetIterations / 10, "rejected " + rejected.ToString());
        }

        [TestMethod]
        public void RandomFiles_LoadWithoutThrowing_AndLeaveOnlyValidValues()
        {
            var random = new Random(77);
            var storage = new MemoryFileStorage();
            ConfigStore store = ConfigFixture.NewStore();
            int invalid = 0;
            for (int n = 0; n < FileIterations; n++)
            {
                string lines = "";
                int lineCount = random.Next(12);
                for (int l = 0; l < lineCount; l++)
                {
                    SettingDefinition definition = SettingsTable.All[random.Next(SettingsTable.All.Length)];
                    int kind = random.Next(4);
                    lines += kind == 0 ? RandomText(random, 30)
                        : kind == 1 ? RandomCase(random, definition.Key) + RandomText(random, 3)
                        : RandomCase(random, definition.Key) + "=" + RandomValue(random, definition);
                    lines += "\n";
                }

                // A value with a line break becomes two lines; both must be handled.
                storage.Put(ConfigStore.FileName, ConfigFixture.SealedFile(lines));
                ConfigLoadOutcome outcome = store.Load(storage);
                Assert.IsTrue(outcome == ConfigLoadOutcome.Loaded || outcome == ConfigLoadOutcome.Recovered);
                invalid += store.LastLoadInvalidValues;
                for (int i = 0; i < store.Count; i++)
                {
                    Assert.IsTrue(SettingValidator.TryParse(store.Definition(i), store.GetText(i), out long unused, out string canonical));
                    Assert.AreEqual(store.GetText(i), canonical);
                }

                AssertOrdered(store);
            }

            Assert.IsTrue(invalid > 0, "the generator produced no invalid values");
        }

        private static void AssertOrdered(ConfigStore store)
        {
            for (int i = 0; i < store.Count; i++)
            {
                string upperKey = store.Definition(i).AtMostKey;
                if (upperKey.Length > 0)
                {
                    Assert.IsTrue(store.GetInt(i) <= store.GetInt(store.IndexOf(upperKey)), store.Definition(i).Key);
                }
            }
        }

        private static string RandomValue(Random random, SettingDefinition definition)
        {
            switch (random.Next(8))
            {
                case 0:
                    return RandomText(random, 40);
                case 1:
                    return RandomChars(random, random.Next(20), 0, 256);
                case 2:
                    string sign = random.Next(3) == 0 ? "-" : random.Next(2) == 0 ? "+" : "";
                    return sign + RandomChars(random, 1 + random.Next(25), '0', 10);
                case 3:
                    long[] edges = { definition.MinValue - 1, definition.MinValue, definition.MaxValue, definition.MaxValue + 1 };
                    return edges[random.Next(edges.Length)].ToString();
                case 4:
                    if (definition.Choices.Length == 0)
                    {
                        return definition.DefaultText;
                    }

                    string choice = RandomCase(random, definition.Choices[random.Next(definition.Choices.Length)]);
                    return random.Next(2) == 0 ? choice : choice + RandomText(random, 2);
                case 5:
                    string[] words = { "on", "off", "true", "false", "1", "0", "yes", "" };
                    return RandomCase(random, words[random.Next(words.Length)]);
                case 6:
                    return RandomChars(random, 30 + random.Next(70), ' ', 95);
                default:
                    return RandomChars(random, random.Next(4), ' ', 1);
            }
        }

        private static string RandomText(Random random, int maxLength)
        {
            return RandomChars(random, random.Next(maxLength + 1), ' ', 95);
        }

        // length characters, each first + 0..span-1.
        private static string RandomChars(Random random, int length, int first, int span)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)(first + random.Next(span));
            }

            return new string(chars);
        }

        private static string RandomCase(Random random, string text)
        {
            var chars = new char[text.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                char c = text[i];
                chars[i] = c >= 'a' && c <= 'z' && random.Next(4) == 0 ? (char)(c - ('a' - 'A')) : c;
            }

            return new string(chars);
        }
    }
}
