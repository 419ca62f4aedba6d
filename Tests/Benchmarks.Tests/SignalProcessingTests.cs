using System;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Benchmarks.Evaluation;

namespace SensorNode.Benchmarks.Tests
{
    /// <summary>Decimator response, the sustained-alarm rule, count scaling and the SVG writer.</summary>
    [TestClass]
    public sealed class SignalProcessingTests
    {
        private static double[] Sine(double frequencyHz, double rateHz, int count)
        {
            double[] x = new double[count];
            for (int i = 0; i < count; i++)
            {
                x[i] = Math.Sin(2 * Math.PI * frequencyHz * i / rateHz);
            }

            return x;
        }

        private static double Rms(double[] x, int skip)
        {
            double sum = 0;
            for (int i = skip; i < x.Length - skip; i++)
            {
                sum += x[i] * x[i];
            }

            return Math.Sqrt(sum / (x.Length - (2 * skip)));
        }

        [TestMethod]
        public void DecimatorPassesBandAndRejectsWhatWouldAlias()
        {
            Decimator decimator = Decimator.Cwru48kTo12k();
            Assert.AreEqual(1.0, decimator.GainAt(0), 1e-12);
            Assert.AreEqual(1.0, decimator.GainAt(1000.0 / 48000), 0.001);
            Assert.AreEqual(1.0, decimator.GainAt(3500.0 / 48000), 0.01);

            // 7 kHz would fold to 5 kHz at 12 kHz: it must be gone (-60 dB or better).
            double[] aliased = decimator.Apply(Sine(7000, 48000, 48000));
            Assert.IsTrue(Rms(aliased, 0) < 1e-3 * Math.Sqrt(0.5), "7 kHz leaks: rms " + Rms(aliased, 0));
            double[] kept = decimator.Apply(Sine(1000, 48000, 48000));
            Assert.AreEqual(Math.Sqrt(0.5), Rms(kept, 0), 0.001);
            Assert.AreEqual(((48000 - 129) / 4) + 1, kept.Length);
        }

        [TestMethod]
        public void CountsFollowAdxl345ScaleAndSaturate()
        {
            // 256 LSB/g; half an LSB rounds away from zero; +/-16 g full resolution saturates at 13 bits.
            short[] counts = CwruEvaluation.ToCounts(new[] { 1.0 / 256, -1.0 / 256, 0.5 / 256, -0.5 / 256, 1.0, 20.0, -20.0 });
            CollectionAssert.AreEqual(new short[] { 1, -1, 1, -1, 256, 4095, -4096 }, counts);
        }

        [TestMethod]
        public void SustainedAlarmNeedsTheFullRun()
        {
            EvalLevel o = EvalLevel.Ok;
            EvalLevel a = EvalLevel.Alarm;
            Assert.AreEqual(-1, ImsEvaluation.FirstSustained(new[] { o, a, a, o, a, a }, 3));
            Assert.AreEqual(3, ImsEvaluation.FirstSustained(new[] { o, a, o, a, a, a, o }, 3));
        }

        [TestMethod]
        public void SvgIsWellFormedAndShowsLevelBands()
        {
            SvgFigure figure = new SvgFigure("test <plot>", 600);
            SvgPanel panel = figure.AddPanel("signal & score", 80, 0, 4, "row");
            panel.AddShade(1, 2, "#e41a1c", 0.2, "window");
            panel.AddLine(new double[] { 0, 1, 2, 3 }, new double[] { 0, 5, -5, 1 }, "#000", "value");
            panel.AddRule(0.5, "#f00", "threshold");
            panel.SetLevelStrip(new double[] { 0, 1, 2, 3 }, new[] { EvalLevel.Learning, EvalLevel.Ok, EvalLevel.Alarm, EvalLevel.Alarm });
            XDocument svg = XDocument.Parse(figure.Render());
            string text = svg.ToString();
            StringAssert.Contains(text, "test &lt;plot&gt;");
            StringAssert.Contains(text, SvgFigure.AlarmColor);
            StringAssert.Contains(text, SvgFigure.OkColor);
            StringAssert.Contains(text, SvgFigure.LearningColor);
        }
    }
}
