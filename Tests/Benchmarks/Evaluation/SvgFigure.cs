using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// A small SVG writer for the evaluation plots: panels stacked vertically, each with a shared-style
    /// x axis, shaded spans (labelled windows, learning periods), lines, horizontal reference lines, and
    /// an optional strip of coloured level bands (learning/ok/watch/alarm/fault) under the panel.
    /// Long lines are reduced to the minimum and maximum per pixel column, so spikes stay visible and
    /// the file stays small.
    /// </summary>
    public sealed class SvgFigure
    {
        public const string LearningColor = "#bdbdbd";
        public const string OkColor = "#4daf4a";
        public const string WatchColor = "#ffb000";
        public const string AlarmColor = "#e41a1c";
        public const string FaultColor = "#7b3294";

        private const double Left = 70;
        private const double Right = 20;
        private const double PanelGap = 38;
        private const double StripHeight = 14;
        private readonly List<SvgPanel> panels = new List<SvgPanel>();
        private readonly string title;
        private readonly double width;

        public SvgFigure(string title, double width)
        {
            this.title = title;
            this.width = width;
        }

        internal double PlotWidth => width - Left - Right;

        public SvgPanel AddPanel(string panelTitle, double height, double xMin, double xMax, string xLabel)
        {
            SvgPanel panel = new SvgPanel(this, panelTitle, height, xMin, xMax, xLabel);
            panels.Add(panel);
            return panel;
        }

        public static string LevelColor(EvalLevel level)
        {
            switch (level)
            {
                case EvalLevel.Ok:
                    return OkColor;
                case EvalLevel.Watch:
                    return WatchColor;
                case EvalLevel.Alarm:
                    return AlarmColor;
                case EvalLevel.Fault:
                    return FaultColor;
                default:
                    return LearningColor;
            }
        }

        public string Render()
        {
            double height = 40;
            foreach (SvgPanel panel in panels)
            {
                height += panel.TotalHeight + PanelGap;
            }

            StringBuilder svg = new StringBuilder();
            svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(F(width)).Append("\" height=\"").Append(F(height))
                .Append("\" viewBox=\"0 0 ").Append(F(width)).Append(' ').Append(F(height))
                .Append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n");
            svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
            svg.Append("<text x=\"").Append(F(Left)).Append("\" y=\"22\" font-size=\"15\" font-weight=\"bold\">").Append(Escape(title)).Append("</text>\n");
            double top = 40;
            foreach (SvgPanel panel in panels)
            {
                top += 16;
                panel.Render(svg, Left, top);
                top += panel.TotalHeight + PanelGap - 16;
            }

            svg.Append("</svg>\n");
            return svg.ToString();
        }

        internal static string F(double value)
        {
            return Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
        }

        internal static string Escape(string text)
        {
            return text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        }

        internal static double StripHeightPx => StripHeight;
    }

    /// <summary>One panel of an <see cref="SvgFigure"/>.</summary>
    public sealed class SvgPanel
    {
        private readonly SvgFigure figure;
        private readonly string title;
        private readonly double height;
        private readonly double xMin;
        private readonly double xMax;
        private readonly string xLabel;
        private readonly List<string> legend = new List<string>();
        private readonly List<double> legendWidths = new List<double>();
        private readonly List<Shade> shades = new List<Shade>();
        private readonly List<Line> lines = new List<Line>();
        private readonly List<Rule> rules = new List<Rule>();
        private double yMin = double.PositiveInfinity;
        private double yMax = double.NegativeInfinity;
        private bool fixedY;
        private double[] stripX;
        private EvalLevel[] stripLevels;

        internal SvgPanel(SvgFigure figure, string title, double height, double xMin, double xMax, string xLabel)
        {
            this.figure = figure;
            this.title = title;
            this.height = height;
            this.xMin = xMin;
            this.xMax = xMax;
            this.xLabel = xLabel;
        }

        internal double TotalHeight => height + (stripLevels != null ? SvgFigure.StripHeightPx + 4 : 0) + 16;

        public SvgPanel SetYRange(double min, double max)
        {
            yMin = min;
            yMax = max;
            fixedY = true;
            return this;
        }

        /// <summary>A shaded span from x0 to x1 (a labelled window, a learning period).</summary>
        public SvgPanel AddShade(double x0, double x1, string color, double opacity, string legendLabel)
        {
            shades.Add(new Shade { X0 = x0, X1 = x1, Color = color, Opacity = opacity });
            AddLegend(legendLabel, color, opacity, false);
            return this;
        }

        public SvgPanel AddLine(double[] x, double[] y, string color, string legendLabel)
        {
            lines.Add(new Line { X = x, Y = y, Color = color });
            if (!fixedY)
            {
                foreach (double value in y)
                {
                    if (!double.IsNaN(value))
                    {
                        yMin = Math.Min(yMin, value);
                        yMax = Math.Max(yMax, value);
                    }
                }
            }

            AddLegend(legendLabel, color, 1, true);
            return this;
        }

        /// <summary>A horizontal dashed reference line (a threshold).</summary>
        public SvgPanel AddRule(double y, string color, string legendLabel)
        {
            rules.Add(new Rule { Y = y, Color = color });
            AddLegend(legendLabel, color, 1, true);
            return this;
        }

        /// <summary>Coloured level bands under the panel, one per x (each lasting until the next x).</summary>
        public SvgPanel SetLevelStrip(double[] x, EvalLevel[] levels)
        {
            stripX = x;
            stripLevels = levels;
            return this;
        }

        internal void Render(StringBuilder svg, double left, double top)
        {
            double plotWidth = figure.PlotWidth;
            if (!(yMax > yMin))
            {
                yMin = double.IsInfinity(yMin) ? 0 : yMin - 1;
                yMax = yMin + 2;
            }

            double pad = fixedY ? 0 : (yMax - yMin) * 0.05;
            double y0 = yMin - pad;
            double y1 = yMax + pad;
            Func<double, double> px = x => left + ((x - xMin) / (xMax - xMin) * plotWidth);
            Func<double, double> py = y => top + height - ((y - y0) / (y1 - y0) * height);

            svg.Append("<text x=\"").Append(SvgFigure.F(left)).Append("\" y=\"").Append(SvgFigure.F(top - 5)).Append("\" font-weight=\"bold\">")
                .Append(SvgFigure.Escape(title)).Append("</text>\n");
            double legendX = left + plotWidth;
            for (int i = legend.Count - 1; i >= 0; i--)
            {
                legendX -= legendWidths[i];
                svg.Append(legend[i].Replace("{X}", SvgFigure.F(legendX)).Replace("{Y}", SvgFigure.F(top - 5)));
            }

            svg.Append("<rect x=\"").Append(SvgFigure.F(left)).Append("\" y=\"").Append(SvgFigure.F(top)).Append("\" width=\"").Append(SvgFigure.F(plotWidth))
                .Append("\" height=\"").Append(SvgFigure.F(height)).Append("\" fill=\"none\" stroke=\"#888\"/>\n");
            foreach (Shade shade in shades)
            {
                double a = Math.Max(left, px(shade.X0));
                double b = Math.Min(left + plotWidth, px(shade.X1));
                svg.Append("<rect x=\"").Append(SvgFigure.F(a)).Append("\" y=\"").Append(SvgFigure.F(top)).Append("\" width=\"").Append(SvgFigure.F(Math.Max(1, b - a)))
                    .Append("\" height=\"").Append(SvgFigure.F(height)).Append("\" fill=\"").Append(shade.Color).Append("\" fill-opacity=\"")
                    .Append(shade.Opacity.ToString("0.##", CultureInfo.InvariantCulture)).Append("\"/>\n");
            }

            AxisTicks(svg, left, top, plotWidth, y0, y1, py, Math.Max(2, (int)(height / 28)));
            foreach (Line line in lines)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"").Append(line.Color).Append("\" stroke-width=\"1\" points=\"");
                AppendMinMaxPoints(svg, line, px, py, left, plotWidth);
                svg.Append("\"/>\n");
            }

            foreach (Rule rule in rules)
            {
                svg.Append("<line x1=\"").Append(SvgFigure.F(left)).Append("\" x2=\"").Append(SvgFigure.F(left + plotWidth)).Append("\" y1=\"").Append(SvgFigure.F(py(rule.Y)))
                    .Append("\" y2=\"").Append(SvgFigure.F(py(rule.Y))).Append("\" stroke=\"").Append(rule.Color).Append("\" stroke-dasharray=\"5,3\"/>\n");
            }

            double bottom = top + height;
            if (stripLevels != null)
            {
                double stripTop = bottom + 4;
                int i = 0;
                while (i < stripLevels.Length)
                {
                    int j = i;
                    while (j + 1 < stripLevels.Length && stripLevels[j + 1] == stripLevels[i])
                    {
                        j++;
                    }

                    double a = px(stripX[i]);
                    double b = j + 1 < stripX.Length ? px(stripX[j + 1]) : left + plotWidth;
                    svg.Append("<rect x=\"").Append(SvgFigure.F(a)).Append("\" y=\"").Append(SvgFigure.F(stripTop)).Append("\" width=\"").Append(SvgFigure.F(Math.Max(0.6, b - a)))
                        .Append("\" height=\"").Append(SvgFigure.F(SvgFigure.StripHeightPx)).Append("\" fill=\"").Append(SvgFigure.LevelColor(stripLevels[i])).Append("\"/>\n");
                    i = j + 1;
                }

                svg.Append("<text x=\"").Append(SvgFigure.F(left - 6)).Append("\" y=\"").Append(SvgFigure.F(stripTop + 11)).Append("\" text-anchor=\"end\">level</text>\n");
                bottom = stripTop + SvgFigure.StripHeightPx;
            }

            double xStep = NiceStep(xMax - xMin, 8);
            for (double x = Math.Ceiling(xMin / xStep) * xStep; x <= xMax + (xStep * 1e-9); x += xStep)
            {
                svg.Append("<text x=\"").Append(SvgFigure.F(px(x))).Append("\" y=\"").Append(SvgFigure.F(bottom + 12)).Append("\" text-anchor=\"middle\" fill=\"#444\">")
                    .Append(Tick(x, xStep)).Append("</text>\n");
            }

            svg.Append("<text x=\"").Append(SvgFigure.F(left + plotWidth)).Append("\" y=\"").Append(SvgFigure.F(bottom + 12)).Append("\" text-anchor=\"end\" fill=\"#444\" dy=\"12\">")
                .Append(SvgFigure.Escape(xLabel)).Append("</text>\n");
        }

        private static void AxisTicks(StringBuilder svg, double left, double top, double plotWidth, double y0, double y1, Func<double, double> py, int ticks)
        {
            double step = NiceStep(y1 - y0, ticks);
            for (double y = Math.Ceiling(y0 / step) * step; y <= y1 + (step * 1e-9); y += step)
            {
                svg.Append("<line x1=\"").Append(SvgFigure.F(left)).Append("\" x2=\"").Append(SvgFigure.F(left + plotWidth)).Append("\" y1=\"").Append(SvgFigure.F(py(y)))
                    .Append("\" y2=\"").Append(SvgFigure.F(py(y))).Append("\" stroke=\"#eee\"/>\n");
                svg.Append("<text x=\"").Append(SvgFigure.F(left - 6)).Append("\" y=\"").Append(SvgFigure.F(py(y) + 4)).Append("\" text-anchor=\"end\" fill=\"#444\">")
                    .Append(Tick(y, step)).Append("</text>\n");
            }
        }

        /// <summary>A step of 1, 2 or 5 times a power of ten giving about <paramref name="ticks"/> intervals over <paramref name="span"/>.</summary>
        private static double NiceStep(double span, int ticks)
        {
            double raw = span / ticks;
            double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
            double unit = raw / power;
            return (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10) * power;
        }

        private static void AppendMinMaxPoints(StringBuilder svg, Line line, Func<double, double> px, Func<double, double> py, double left, double plotWidth)
        {
            int n = line.X.Length;
            int k = 0;
            while (k < n)
            {
                int column = (int)Math.Floor(px(line.X[k]) - left);
                int minAt = k;
                int maxAt = k;
                int end = k;
                while (end + 1 < n && (int)Math.Floor(px(line.X[end + 1]) - left) == column)
                {
                    end++;
                    if (line.Y[end] < line.Y[minAt])
                    {
                        minAt = end;
                    }

                    if (line.Y[end] > line.Y[maxAt])
                    {
                        maxAt = end;
                    }
                }

                int first = Math.Min(minAt, maxAt);
                int second = Math.Max(minAt, maxAt);
                Point(svg, px(line.X[first]), py(line.Y[first]));
                if (second != first)
                {
                    Point(svg, px(line.X[second]), py(line.Y[second]));
                }

                k = end + 1;
            }
        }

        private static void Point(StringBuilder svg, double x, double y)
        {
            svg.Append(SvgFigure.F(x)).Append(',').Append(SvgFigure.F(y)).Append(' ');
        }

        private static string Tick(double value, double step)
        {
            int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9));
            return (Math.Round(value, decimals) + 0.0).ToString("F" + decimals, CultureInfo.InvariantCulture);
        }

        private void AddLegend(string label, string color, double opacity, bool isLine)
        {
            if (string.IsNullOrEmpty(label))
            {
                return;
            }

            string markHeight = isLine ? "3" : "9";
            string markShift = isLine ? "-6" : "-9";
            legend.Add("<g><rect x=\"{X}\" y=\"{Y}\" width=\"12\" height=\"" + markHeight + "\" fill=\"" + color + "\" fill-opacity=\""
                + opacity.ToString("0.##", CultureInfo.InvariantCulture) + "\" transform=\"translate(0," + markShift + ")\"/>"
                + "<text x=\"{X}\" y=\"{Y}\" dx=\"16\">" + SvgFigure.Escape(label) + "</text></g>\n");
            legendWidths.Add(16 + (label.Length * 6.0) + 14);
        }

        private sealed class Shade
        {
            public double X0;
            public double X1;
            public string Color;
            public double Opacity;
        }

        private sealed class Line
        {
            public double[] X;
            public double[] Y;
            public string Color;
        }

        private sealed class Rule
        {
            public double Y;
            public string Color;
        }
    }
}
