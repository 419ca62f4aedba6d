namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>The published NAB v1.1 scoreboard (whole corpus), as given in ../shared/data/README.md.</summary>
    public static class NabScoreboard
    {
        /// <summary>Detector, standard, low FP, low FN.</summary>
        public static readonly object[][] Rows =
        {
            new object[] { "ARTime", 74.9, 65.1, 80.4 },
            new object[] { "Numenta HTM", 70.5, 62.6, 75.2 },
            new object[] { "CAD OSE", 69.9, 67.0, 73.2 },
            new object[] { "earthgecko Skyline", 58.2, 46.2, 63.9 },
            new object[] { "KNN CAD", 58.0, 43.4, 64.8 },
            new object[] { "Relative Entropy", 54.6, 47.6, 58.8 },
            new object[] { "Random Cut Forest", 51.7, 38.4, 59.7 },
            new object[] { "Twitter ADVec", 47.1, 33.6, 53.5 },
            new object[] { "Windowed Gaussian", 39.6, 20.9, 47.4 },
            new object[] { "Bayesian changepoint", 17.7, 3.2, 32.2 },
            new object[] { "Random", 11.0, 1.2, 19.5 },
        };
    }
}
