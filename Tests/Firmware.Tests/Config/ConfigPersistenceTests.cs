using SensorNode.Core.Config;
using SensorNode.Core.Tests.Support;
using SensorNode.Hardware;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.Config
{
    /// <summary>Save and load through <see cref="IFileStorage"/>: round trip, corruption, power cuts, storage failures.</summary>
    [TestClass]
    public class ConfigPersistenceTests
    {
        // A store with a value changed in every type, including text with spaces, '=', quotes and a secret.
        private static ConfigStore Customised()
        {
            ConfigStore store = ConfigFixture.NewStore();
            ConfigFixture.Set(store, "node.id", "press-07");
            ConfigFixture.Set(store, "wifi.ssid", " Shop floor = 2 ");
            ConfigFixture.Set(store, "wifi.password", "p\"w'd#1");
            ConfigFixture.Set(store, "mqtt.host", "192.168.1.20");
            ConfigFixture.Set(store, "mqtt.port", "8883");
            ConfigFixture.Set(store, "mqtt.tls", "on");
            ConfigFixture.Set(store, "temp.max_c", "-5");
            ConfigFixture.Set(store, "vib.rate_hz", "800");
            ConfigFixture.Set(store, "iso.foundation", "flexible");
            ConfigFixture.Set(store, "ha.discovery", "off");
            ConfigFixture.Set(store, "anomaly.learn_windows", "100000");
            return store;
        }

        private static ConfigStore SavedCustomised(MemoryFileStorage storage)
        {
            ConfigStore store = Customised();
            Assert.IsTrue(store.Save(storage) == ConfigResult.Ok);
            return store;
        }

        [TestMethod]
        public void Crc32_MatchesTheStandardCheckValue()
        {
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(ConfigFixture.Ascii("123456789"), 0, 9));
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }

        [TestMethod]
        public void SaveThenLoad_RoundTripsEverySetting()
        {
            var storage = new MemoryFileStorage();
            ConfigStore saved = SavedCustomised(storage);
            Assert.IsFalse(saved.HasUnsavedChanges);
            Assert.IsTrue(storage.Exists(ConfigStore.FileName));
            Assert.IsTrue(storage.Exists(ConfigStore.BackupFileName));
            Assert.IsFalse(storage.Exists(ConfigStore.TempFileName));

            ConfigStore loaded = ConfigFixture.NewStore();
            int version = loaded.Version;
            Assert.IsTrue(loaded.Load(storage) == ConfigLoadOutcome.Loaded);
            ConfigFixture.AssertMatches(loaded, ConfigFixture.Snapshot(saved));
            Assert.AreEqual(version + 1, loaded.Version);
            Assert.AreEqual(0, loaded.LastLoadSkippedLines);
            Assert.AreEqual(0, loaded.LastLoadInvalidValues);
            Assert.AreEqual(0, loaded.LastLoadMissingKeys);
            Assert.IsFalse(loaded.LastLoadUsedBackup);
            Assert.IsFalse(loaded.HasUnsavedChanges);
            Assert.AreEqual(800L, loaded.GetInt(ConfigKeys.VibRateHz));
            Assert.AreEqual(-5L, loaded.GetInt(ConfigKeys.TempMaxC));
        }

        [TestMethod]
        public void Load_WithoutAFile_GivesDefaults()
        {
            ConfigStore store = Customised();
            Assert.IsTrue(store.Load(new MemoryFileStorage()) == ConfigLoadOutcome.Defaults);
            ConfigFixture.AssertMatches(store, ConfigFixture.Snapshot(ConfigFixture.NewStore()));
            Assert.AreEqual("no config file, defaults used", store.LastLoadDetail);
        }

        [TestMethod]
        public void Load_DetectsEveryFlippedBit_AndUsesTheDefaults()
        {
            var storage = new MemoryFileStorage();
            SavedCustomised(storage);
            byte[] good = storage.Get(ConfigStore.FileName);
            string[] defaults = ConfigFixture.Snapshot(ConfigFixture.NewStore());
            storage.Delete(ConfigStore.BackupFileName);

            // Every 5th byte and every byte of the trailer, a different bit each time, to keep the device run short.
            for (int position = 0; position < good.Length; position += position < good.Length - 40 ? 5 : 1)
            {
                var bad = new byte[good.Length];
                for (int i = 0; i < bad.Length; i++)
                {
                    bad[i] = good[i];
                }

                bad[position] ^= (byte)(1 << (position % 8));
                storage.Put(ConfigStore.FileName, bad);
                ConfigStore store = Customised();
                Assert.IsTrue(store.Load(storage) == ConfigLoadOutcome.Recovered, "byte " + position.ToString());
                Assert.IsTrue(ConfigFixture.Matches(store, defaults), "byte " + position.ToString());
            }
        }

        [TestMethod]
        public void Load_DetectsTruncatedEmptyPaddedAndGarbageFiles()
        {
            var storage = new MemoryFileStorage();
            SavedCustomised(storage);
            byte[] good = storage.Get(ConfigStore.FileName);
            storage.Delete(ConfigStore.BackupFileName);

            int[] lengths = { 0, 1, 21, good.Length / 2, good.Length - 2, good.Length - 1, good.Length + 1, good.Length + 30 };
            for (int n = 0; n < lengths.Length; n++)
            {
                var file = new byte[lengths[n]];
                for (int i = 0; i < file.Length; i++)
                {
                    file[i] = i < good.Length ? good[i] : (byte)'\n';
                }

                storage.Put(ConfigStore.FileName, file);
                ConfigStore store = Customised();
                Assert.IsTrue(store.Load(storage) == ConfigLoadOutcome.Recovered, "length " + lengths[n].ToString());
                Assert.AreEqual(1883L, store.GetInt(ConfigKeys.MqttPort));
                Assert.AreEqual("config.dat corrupt, defaults used", store.LastLoadDetail);
            }

            var random = new System.Random(5);
            for (int n = 0; n < 50; n++)
            {
                var garbage = new byte[random.Next(600)];
                for (int i = 0; i < garbage.Length; i++)
                {
                    garbage[i] = (byte)random.Next(256);
                }

                storage.Put(ConfigStore.FileName, garbage);
                Assert.IsTrue(ConfigFixture.NewStore().Load(storage) == ConfigLoadOutcome.Recovered);
            }
        }

        [TestMethod]
        public void Load_TooLargeFile_IsRecovered()
        {
            var storage = new MemoryFileStorage();
            storage.Put(ConfigStore.FileName, new byte[20000]);
            ConfigStore store = ConfigFixture.NewStore();
            Assert.IsTrue(store.Load(storage) == ConfigLoadOutcome.Recovered);
            Assert.AreEqual("config.dat too large, defaults used", store.LastLoadDetail);
        }

        [TestMethod]
        public void Load_CorruptFile_FallsBackToTheBackup()
        {
            var storage = new MemoryFileStorage();
            ConfigStore saved = SavedCustomised(storage);
            byte[] file = storage.Get(ConfigStore.FileName);
            file[30] ^= 0x10;
            storage.Put(ConfigStore.FileName, file);

            ConfigStore store = ConfigFixture.NewStore();
            Assert.IsTrue(store.Load(storage) == ConfigLoadOutcome.Recovered);
            Assert.IsTrue(store.LastLoadUsedBackup);
            Assert.AreEqual("config.dat corrupt, config.bak used", store.LastLoadDetail);
            ConfigFixture.AssertMatches(store, ConfigFixture.Snapshot(saved));

            storage.Delete(ConfigStore.FileName);
            Assert.IsTrue(store.Load(storage) == ConfigLoadOutcome.Recovered);
            Assert.AreEqual("config.dat missing, config.bak used", store.LastLoadDetail);
        }

        [TestMethod]
        public void Load_SkipsUnknownKeys_AndDefaultsInvalidValues_AndCountsThem()
        {
            var storage = new MemoryFileStorage();
            storage.Put(ConfigStore.FileName, ConfigFixture.SealedFile(
                "mqtt.port=99999\n" +
                "future.key=5\n" +
                "no equals sign\n" +
                "# a comment\n" +
                "\n" +
                "MQTT.USER=bob\n" +
                "report.eco_s= 120 \n" +
                "iso.foundation=Flexible\n" +
                "machine.off_ma=5000\n" +
                "wifi.ssid=" + "123456789012345678901234567890123" + "\n"));
            ConfigStore store = Customised();
            Assert.IsTrue(store.Load(storage) == ConfigLoadOutcome.Loaded);
            Assert.AreEqual(2, store.LastLoadSkippedLines);

            // mqtt.port out of range, wifi.ssid too long, machine.off_ma above machine.run_ma (both reset).
            Assert.AreEqual(4, store.LastLoadInvalidValues);
            Assert.AreEqual(ConfigKeys.Count - 6, store.LastLoadMissingKeys);
            Assert.AreEqual(1883L, store.GetInt(ConfigKeys.MqttPort));
            Assert.AreEqual("bob", store.GetText(ConfigKeys.MqttUser));
            Assert.AreEqual(120L, store.GetInt(ConfigKeys.ReportEcoS));
            Assert.AreEqual("flexible", store.GetText(ConfigKeys.IsoFoundation));
            Assert.AreEqual(200L, store.GetInt(ConfigKeys.MachineOffMa));
            Assert.AreEqual(1000L, store.GetInt(ConfigKeys.MachineRunMa));
            Assert.AreEqual("", store.GetText(ConfigKeys.WifiSsid));
            Assert.AreEqual("", store.GetText(ConfigKeys.NodeId));
        }

        [TestMethod]
        public void Load_OfAFileWithAnotherHeader_IsRecovered()
        {
            var storage = new MemoryFileStorage();
            byte[] file = ConfigFixture.SealedFile("mqtt.port=8883\n");
            file[19] = (byte)'2';
            storage.Put(ConfigStore.FileName, file);
            Assert.IsTrue(ConfigFixture.NewStore().Load(storage) == ConfigLoadOutcome.Recovered);
        }

        [TestMethod]
        public void PowerCut_AtAnyStepOfASave_LeavesTheOldOrTheNewConfig()
        {
            var reference = new MemoryFileStorage();
            ConfigStore oldConfig = SavedCustomised(reference);
            string[] oldTexts = ConfigFixture.Snapshot(oldConfig);
            int before = reference.MutatingOperations;
            ConfigStore newConfig = Customised();
            ConfigFixture.Set(newConfig, "mqtt.port", "1884");
            ConfigFixture.Set(newConfig, "wifi.password", "changed");
            string[] newTexts = ConfigFixture.Snapshot(newConfig);
            Assert.IsTrue(newConfig.Save(reference) == ConfigResult.Ok);
            int operationsPerSave = reference.MutatingOperations - before;
            Assert.IsTrue(operationsPerSave >= 2);

            for (int cut = 0; cut <= operationsPerSave; cut++)
            {
                var storage = new MemoryFileStorage();
                Assert.IsTrue(oldConfig.Save(storage) == ConfigResult.Ok);
                storage.CutPowerAt(cut);
                ConfigResult result = newConfig.Save(storage);
                Assert.AreEqual(cut < operationsPerSave, storage.PoweredOff, "cut " + cut.ToString());
                storage.RestorePower();

                ConfigStore rebooted = ConfigFixture.NewStore();
                Assert.IsTrue(rebooted.Load(storage) == ConfigLoadOutcome.Loaded, "cut " + cut.ToString());
                bool isOld = ConfigFixture.Matches(rebooted, oldTexts);
                bool isNew = ConfigFixture.Matches(rebooted, newTexts);
                Assert.IsTrue(isOld || isNew, "cut " + cut.ToString());

                // The save reports Ok only once config.dat holds the new config.
                Assert.IsTrue(result != ConfigResult.Ok || isNew, "cut " + cut.ToString());
            }
        }

        [TestMethod]
        public void PowerCut_AfterTheTempFileBeforeTheRename_KeepsTheOldConfig()
        {
            var storage = new MemoryFileStorage();
            ConfigStore oldConfig = SavedCustomised(storage);
            ConfigStore newConfig = Customised();
            ConfigFixture.Set(newConfig, "mqtt.port", "1884");

            // Operation 0 writes config.tmp; operation 1 is the rename.
            storage.CutPowerAt(1);
            Assert.IsTrue(newConfig.Save(storage) == ConfigResult.StorageError);
            storage.RestorePower();
            Assert.IsTrue(storage.Exists(ConfigStore.TempFileName));

            ConfigStore rebooted = ConfigFixture.NewStore();
            Assert.IsTrue(rebooted.Load(storage) == ConfigLoadOutcome.Loaded);
            ConfigFixture.AssertMatches(rebooted, ConfigFixture.Snapshot(oldConfig));
            Assert.IsTrue(newConfig.HasUnsavedChanges);
        }

        [TestMethod]
        public void Save_ThatDoesNotReadBack_FailsAndKeepsTheOldFile()
        {
            var storage = new MemoryFileStorage();
            ConfigStore oldConfig = SavedCustomised(storage);
            ConfigStore newConfig = Customised();
            ConfigFixture.Set(newConfig, "mqtt.port", "1884");

            storage.FlipBitOnNextWrite = true;
            Assert.IsTrue(newConfig.Save(storage) == ConfigResult.StorageError);
            Assert.IsTrue(newConfig.LastSaveStatus == StorageStatus.IoError);
            Assert.IsFalse(storage.Exists(ConfigStore.TempFileName));

            storage.NextWriteStatus = StorageStatus.Full;
            Assert.IsTrue(newConfig.Save(storage) == ConfigResult.StorageError);
            Assert.IsTrue(newConfig.LastSaveStatus == StorageStatus.Full);
            Assert.IsTrue(newConfig.HasUnsavedChanges);

            ConfigStore rebooted = ConfigFixture.NewStore();
            Assert.IsTrue(rebooted.Load(storage) == ConfigLoadOutcome.Loaded);
            ConfigFixture.AssertMatches(rebooted, ConfigFixture.Snapshot(oldConfig));

            Assert.IsTrue(newConfig.Save(storage) == ConfigResult.Ok);
            Assert.IsTrue(newConfig.LastSaveStatus == StorageStatus.Ok);
            Assert.IsTrue(rebooted.Load(storage) == ConfigLoadOutcome.Loaded);
            Assert.AreEqual(1884L, rebooted.GetInt(ConfigKeys.MqttPort));
        }
    }
}
