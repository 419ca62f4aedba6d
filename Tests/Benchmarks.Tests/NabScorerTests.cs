using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Benchmarks.Evaluation;

namespace SensorNode.Benchmarks.Tests
{
    /// <summary>The NAB scorer on small files whose scores are worked out by hand from the published rules.</summary>
    [TestClass]
    public sealed class NabScorerTests
    {
        private const double Exact = 1e-12;
        private static readonly NabProfile Standard = new NabProfile("standard", 1.0, 0.11, 1.0);
        private static readonly NabProfile LowFn = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

        // 100 rows: probation is rows 0..14; one window, rows 40..49 (width 10).
        private static NabLabelledFile OneWindow()
        {
            return new NabLabelledFile("c/one.csv", 100, new[] { 40 }, new[] { 49 });
        }

        private static double[] DetectAt(int rows, params int[] detections)
        {
            double[] scores = new double[rows];
            foreach (int row in detections)
            {
                scores[row] = 1.0;
            }

            return scores;
        }

        [TestMethod]
        [DataRow(100, 15)]
        [DataRow(1127, 169)]
        [DataRow(5000, 750)]
        [DataRow(22695, 750)]
        public void ProbationIsFifteenPercentCappedAt750(int rows, int expected)
        {
            Assert.AreEqual(expected, NabScorer.ProbationRowCount(rows));
        }

        [TestMethod]
        public void DetectionAtWindowFirstRowEarnsExactlyTruePositiveWeight()
        {
            NabFileScore score = NabScorer.ScoreFile(OneWindow(), DetectAt(100, 40), Standard, 0.5);
            Assert.AreEqual(1.0, score.Score, Exact);
            Assert.AreEqual(1, score.WindowsDetected);
        }

        [TestMethod]
        public void DetectionAtWindowLastRowEarnsSigmaOfMinusOneOverWidth()
        {
            // y = -(49 - 49 + 1) / 10 = -0.1: tanh(0.25) / tanh(2.5) = 0.2482415...
            NabFileScore score = NabScorer.ScoreFile(OneWindow(), DetectAt(100, 49), Standard, 0.5);
            Assert.AreEqual(0.24824154977542992, score.Score, 1e-12);
        }

        [TestMethod]
        public void OnlyTheEarliestDetectionInAWindowCounts()
        {
            NabFileScore score = NabScorer.ScoreFile(OneWindow(), DetectAt(100, 45, 40, 47), Standard, 0.5);
            Assert.AreEqual(1.0, score.Score, Exact);
        }

        [TestMethod]
        public void MissedWindowCostsFalseNegativeWeight()
        {
            Assert.AreEqual(-1.0, NabScorer.ScoreFile(OneWindow(), new double[100], Standard, 0.5).Score, Exact);
            Assert.AreEqual(-2.0, NabScorer.ScoreFile(OneWindow(), new double[100], LowFn, 0.5).Score, Exact);
        }

        [TestMethod]
        public void FalsePositiveBeforeAnyWindowCostsFalsePositiveWeight()
        {
            NabFileScore score = NabScorer.ScoreFile(OneWindow(), DetectAt(100, 20, 40), Standard, 0.5);
            Assert.AreEqual(1.0 - 0.11, score.Score, Exact);
            Assert.AreEqual(1, score.FalsePositiveRows);
        }

        [TestMethod]
        public void FalsePositiveAfterAWindowIsWeightedByDistance()
        {
            // y = (59 - 49) / (10 - 1): 0.11 * sigma(10/9) = -0.1091527...; the window is missed (-1).
            NabFileScore score = NabScorer.ScoreFile(OneWindow(), DetectAt(100, 59), Standard, 0.5);
            Assert.AreEqual(-1.0 - 0.10915277288169534, score.Score, 1e-12);
        }

        [TestMethod]
        public void FalsePositiveThreeWidthsAfterAWindowCostsFullWeight()
        {
            // y = (76 - 49) / 9 = 3: sigma is exactly -1.
            NabFileScore score = NabScorer.ScoreFile(OneWindow(), DetectAt(100, 40, 76), Standard, 0.5);
            Assert.AreEqual(1.0 - 0.11, score.Score, Exact);
        }

        [TestMethod]
        public void DetectionsInProbationAreIgnored()
        {
            NabFileScore score = NabScorer.ScoreFile(OneWindow(), DetectAt(100, 3, 14, 40), Standard, 0.5);
            Assert.AreEqual(1.0, score.Score, Exact);
            Assert.AreEqual(0, score.FalsePositiveRows);
        }

        [TestMethod]
        public void DetectionIsScoreAtOrAboveThreshold()
        {
            double[] scores = new double[100];
            scores[40] = 0.5;
            Assert.AreEqual(1.0, NabScorer.ScoreFile(OneWindow(), scores, Standard, 0.5).Score, Exact);
            Assert.AreEqual(-1.0, NabScorer.ScoreFile(OneWindow(), scores, Standard, 0.5000001).Score, Exact);
        }

        [TestMethod]
        public void WindowWhollyInProbationIsNotCounted()
        {
            NabLabelledFile file = new NabLabelledFile("c/early.csv", 100, new[] { 2 }, new[] { 5 });
            Assert.AreEqual(0.0, NabScorer.ScoreFile(file, new double[100], Standard, 0.5).Score, Exact);
        }

        [TestMethod]
        public void PerfectDetectorNormalisesTo100AndNullTo0()
        {
            List<NabLabelledFile> files = new List<NabLabelledFile>
            {
                OneWindow(),
                new NabLabelledFile("c/two.csv", 200, new[] { 60, 120 }, new[] { 79, 139 }),
                new NabLabelledFile("c/none.csv", 50, new int[0], new int[0]),
            };

            foreach (NabProfile profile in new[] { Standard, LowFn })
            {
                double nullScore = NabScorer.NullScore(files, profile);
                double perfect = NabScorer.PerfectScore(files, profile);
                Assert.AreEqual(-3 * profile.FalseNegativeWeight, nullScore, Exact);
                Assert.AreEqual(3 * profile.TruePositiveWeight, perfect, Exact);
                Assert.AreEqual(100.0, NabScorer.Normalize(perfect, nullScore, perfect), Exact);
                Assert.AreEqual(0.0, NabScorer.Normalize(nullScore, nullScore, perfect), Exact);
            }
        }

        [TestMethod]
        public void SweepKeepsTheThresholdWithTheHighestCorpusTotal()
        {
            // File A: FP at row 20 scoring 0.6, window hit at its first row scoring 0.8, FP at row 70 scoring 0.9.
            double[] a = new double[100];
            a[20] = 0.6;
            a[40] = 0.8;
            a[70] = 0.9;

            // File B: a window never scored above 0.1.
            NabLabelledFile fileB = new NabLabelledFile("c/b.csv", 100, new[] { 60 }, new[] { 69 });
            double[] b = new double[100];
            b[65] = 0.1;

            // Totals: none -2; 0.9: -2 + fp70; 0.8: -1 + fp70; 0.6: -1 + fp70 - 0.11; 0.1: B's hit at row 65
            // (y = -0.5, sigma(-0.5)/sigma(-1) = 0.8598) makes it 1 + fp70 - 0.11 + 0.8598, the best;
            // 0 detects every row and loses to the many false positives.
            NabThresholdResult best = NabScorer.OptimizeThreshold(new[] { OneWindow(), fileB }, new[] { a, b }, Standard);
            double fp70 = -0.10999811352957378;
            double hitB = Math.Tanh(1.25) / Math.Tanh(2.5);
            Assert.AreEqual(0.1, best.Threshold, Exact);
            Assert.AreEqual(1.0 + fp70 - 0.11 + hitB, best.Score, 1e-12);
            Assert.AreEqual(best.Score, NabScorer.ScoreFile(OneWindow(), a, Standard, 0.1).Score + NabScorer.ScoreFile(fileB, b, Standard, 0.1).Score, 1e-12);
        }

        [TestMethod]
        public void SweepDetectsNothingWhenEveryThresholdLoses()
        {
            double[] a = new double[100];
            a[20] = 0.7;
            a[30] = 0.7;
            NabLabelledFile noWindows = new NabLabelledFile("c/quiet.csv", 100, new int[0], new int[0]);
            NabThresholdResult best = NabScorer.OptimizeThreshold(new[] { noWindows }, new[] { a }, Standard);
            Assert.IsTrue(double.IsPositiveInfinity(best.Threshold));
            Assert.AreEqual(0.0, best.Score, Exact);
        }

        [TestMethod]
        public void WrongScoreCountIsRejected()
        {
            Assert.ThrowsExactly<ArgumentException>(() => NabScorer.ScoreFile(OneWindow(), new double[99], Standard, 0.5));
        }
    }
}
