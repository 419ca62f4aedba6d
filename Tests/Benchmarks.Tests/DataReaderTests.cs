using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Benchmarks.Evaluation;

namespace SensorNode.Benchmarks.Tests
{
    /// <summary>NAB and IMS readers: good input parses, bad input gives one error naming file and line.</summary>
    [TestClass]
    public sealed class DataReaderTests
    {
        private static NabSeries Nab(string text)
        {
            return NabDataReader.Read(new StringReader(text), "data/c/f.csv", "c/f.csv");
        }

        private static DataFormatException NabError(string text)
        {
            return Assert.ThrowsExactly<DataFormatException>(() => Nab(text));
        }

        [TestMethod]
        public void NabCsvParsesRowsInFileOrder()
        {
            NabSeries series = Nab("timestamp,value\r\n2014-01-01 00:00:00,1.5\r\n2014-01-01 00:05:00,-2e3\r\n2014-01-01 00:05:00,7\r\n");
            Assert.AreEqual(3, series.RowCount);
            CollectionAssert.AreEqual(new[] { 1.5, -2000.0, 7.0 }, series.Values);
            Assert.AreEqual("-2e3", series.ValueTexts[1]);
        }

        [TestMethod]
        public void NabCsvErrorsNameFileAndLine()
        {
            Assert.AreEqual("data/c/f.csv:1: expected header 'timestamp,value', found 'time,value'", NabError("time,value\n").Message);
            StringAssert.StartsWith(NabError("timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00\n").Message, "data/c/f.csv:3: expected 2 fields");
            StringAssert.StartsWith(NabError("timestamp,value\n2014-13-01 00:00:00,1\n").Message, "data/c/f.csv:2: timestamp");
            StringAssert.StartsWith(NabError("timestamp,value\n2014-01-01 00:00:00,NaN\n").Message, "data/c/f.csv:2: value 'NaN'");
            StringAssert.StartsWith(NabError("timestamp,value\n").Message, "data/c/f.csv: no data rows");
            StringAssert.StartsWith(NabError("").Message, "data/c/f.csv:1: empty file");
        }

        [TestMethod]
        public void LabelsParseAndMapToRows()
        {
            NabSeries series = Nab("timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2\n2014-01-01 00:10:00,3\n2014-01-01 00:15:00,4\n");
            byte[] json = Encoding.UTF8.GetBytes("{\"c/f.csv\": [[\"2014-01-01 00:05:00.000000\", \"2014-01-01 00:10:00.000000\"]], \"c/g.csv\": []}");
            Dictionary<string, NabWindowLimits[]> labels = NabLabelsReader.Parse(json, "labels.json");
            NabLabelledFile file = NabLabelledFile.FromSeries(series, labels["c/f.csv"], "labels.json");
            CollectionAssert.AreEqual(new[] { 1 }, file.WindowFirstRows);
            CollectionAssert.AreEqual(new[] { 2 }, file.WindowLastRows);
            CollectionAssert.AreEqual(new[] { 0, 1, 1, 0 }, file.RowLabels());
            Assert.AreEqual(0, labels["c/g.csv"].Length);
        }

        [TestMethod]
        public void LabelErrorsNameFileAndLine()
        {
            DataFormatException broken = Assert.ThrowsExactly<DataFormatException>(
                () => NabLabelsReader.Parse(Encoding.UTF8.GetBytes("{\n\"c/f.csv\": [[\"a\", \n}"), "labels.json"));
            StringAssert.StartsWith(broken.Message, "labels.json:3: invalid JSON");

            DataFormatException notPair = Assert.ThrowsExactly<DataFormatException>(
                () => NabLabelsReader.Parse(Encoding.UTF8.GetBytes("{\n\n\"c/f.csv\": [[\"2014-01-01 00:05:00\"]]}"), "labels.json"));
            StringAssert.StartsWith(notPair.Message, "labels.json:3: a window of 'c/f.csv' is not a pair");

            DataFormatException reversed = Assert.ThrowsExactly<DataFormatException>(
                () => NabLabelsReader.Parse(Encoding.UTF8.GetBytes("{\"c/f.csv\": [[\"2014-01-02 00:00:00\", \"2014-01-01 00:00:00\"]]}"), "labels.json"));
            StringAssert.Contains(reversed.Message, "ends before it starts");
        }

        [TestMethod]
        public void WindowNotOnADataRowIsAnError()
        {
            NabSeries series = Nab("timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2\n");
            NabWindowLimits[] windows = { new NabWindowLimits(new System.DateTime(2014, 1, 1, 0, 1, 0), new System.DateTime(2014, 1, 1, 0, 5, 0)) };
            DataFormatException e = Assert.ThrowsExactly<DataFormatException>(() => NabLabelledFile.FromSeries(series, windows, "labels.json"));
            StringAssert.StartsWith(e.Message, "labels.json: window 1 of 'c/f.csv'");
        }

        [TestMethod]
        public void ProfilesParseAndMissingWeightIsAnError()
        {
            List<NabProfile> profiles = NabProfilesReader.Parse(
                Encoding.UTF8.GetBytes("{\"standard\": {\"CostMatrix\": {\"tpWeight\": 1.0, \"fnWeight\": 1.0, \"fpWeight\": 0.11, \"tnWeight\": 1.0}}}"), "profiles.json");
            Assert.AreEqual(0.11, profiles[0].FalsePositiveWeight, 0.0);
            DataFormatException e = Assert.ThrowsExactly<DataFormatException>(() => NabProfilesReader.Parse(
                Encoding.UTF8.GetBytes("{\"standard\": {\"CostMatrix\": {\"tpWeight\": 1.0, \"fnWeight\": 1.0}}}"), "profiles.json"));
            Assert.AreEqual("profiles.json: profile 'standard': CostMatrix.fpWeight is missing or not a non-negative number", e.Message);
        }

        [TestMethod]
        public void ResultsFileScoresAreRead()
        {
            double[] scores = NabResultsReader.ReadScores(
                new StringReader("timestamp,value,anomaly_score,label\n2014-01-01 00:00:00,1,0.25,0\n2014-01-01 00:05:00,2,1,1\n"), "r.csv", 2);
            CollectionAssert.AreEqual(new[] { 0.25, 1.0 }, scores);
            DataFormatException e = Assert.ThrowsExactly<DataFormatException>(() => NabResultsReader.ReadScores(
                new StringReader("timestamp,value,anomaly_score,label\n2014-01-01 00:00:00,1,0.25,0\n"), "r.csv", 2));
            Assert.AreEqual("r.csv: 1 result rows, the data file has 2", e.Message);
        }

        [TestMethod]
        public void ImsParsesFourBearingsAndChecksItsHeader()
        {
            string header = ",Bearing 1,Bearing 2,Bearing 3,Bearing 4\n";
            ImsRecording recording = ImsReader.Read(new StringReader(header + "2004-02-12 10:32:39,0.058,0.071,0.083,0.043\n2004-02-12 10:42:39,0.059,0.074,0.084,0.044\n"), "ims.csv");
            Assert.AreEqual(2, recording.RowCount);
            Assert.AreEqual(0.084, recording.MeanAbsGByBearing[2][1], 0.0);

            DataFormatException badHeader = Assert.ThrowsExactly<DataFormatException>(() => ImsReader.Read(new StringReader("a,b\n"), "ims.csv"));
            StringAssert.StartsWith(badHeader.Message, "ims.csv:1: expected header");
            DataFormatException badValue = Assert.ThrowsExactly<DataFormatException>(
                () => ImsReader.Read(new StringReader(header + "2004-02-12 10:32:39,0.058,x,0.083,0.043\n"), "ims.csv"));
            Assert.AreEqual("ims.csv:2: bearing 2 value 'x' is not a finite non-negative number", badValue.Message);
        }

        [TestMethod]
        public void ValueMappingUsesProbationRangeAndSaturates()
        {
            double[] values = { 10, 20, 15, 10, 1000, -1000 };
            NabValueMapping mapping = NabValueMapping.FromProbation(values, 3);
            Assert.AreEqual(0, mapping.ToCounts(10));
            Assert.AreEqual(1000, mapping.ToCounts(20));
            Assert.AreEqual(500, mapping.ToCounts(15));
            Assert.AreEqual(32767, mapping.ToCounts(1000));
            Assert.AreEqual(-32767, mapping.ToCounts(-1000));

            NabValueMapping flat = NabValueMapping.FromProbation(new double[] { 4, 4, 4, 6 }, 3);
            Assert.AreEqual(500, flat.ToCounts(6));
        }
    }
}
