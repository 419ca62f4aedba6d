using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// Each snippet breaks one rule on the lines marked "//!"; the guard must report that rule on exactly
    /// those lines. The snippets run through the same engine as the real sources.
    /// </summary>
    [TestClass]
    public class RuleSnippetTests
    {
        private const string Marker = "//!";

        [TestMethod]
        [DataRow(RuleIds.GenericDeclaration, @"
class Box<T> //!
{
    void Put<U>(U item) { } //!
}")]
        [DataRow(RuleIds.GenericUse, @"
class C
{
    System.Collections.Generic.List<int> items; //!
    int Find(int[] values) { return System.Array.IndexOf(values, 3); } //!
    object Make() { return new { A = 1 }; } //!
}")]
        [DataRow(RuleIds.Linq, @"
using System.Linq; //!
class C
{
    bool Any(int[] values) { return values.Any(); } //!
    object Query(int[] values) { return from v in values select v; } //!
}")]
        [DataRow(RuleIds.Async, @"
class C
{
    async void Run() //!
    {
        await System.Threading.Tasks.Task.Yield(); //!
    }
}")]
        [DataRow(RuleIds.Yield, @"
class C
{
    System.Collections.IEnumerable Values()
    {
        yield return 1; //!
    }
}")]
        [DataRow(RuleIds.Span, @"
class C
{
    int First(byte[] buffer)
    {
        System.Span<byte> view = buffer; //!
        return view[0]; //!
    }
}")]
        [DataRow(RuleIds.Stackalloc, @"
class C
{
    void Scratch()
    {
        System.Span<byte> scratch = stackalloc byte[16]; //!
    }
}")]
        [DataRow(RuleIds.NullableValueType, @"
class C
{
    int? lastReading; //!
    System.Nullable<long> lastTime; //!
}")]
        [DataRow(RuleIds.Record, @"
record Reading(int TempCentiC); //!
record struct Sample(int Value); //!
")]
        [DataRow(RuleIds.Tuple, @"
class C
{
    (int, int) MinMax() //!
    {
        return (1, 2); //!
    }
}")]
        [DataRow(RuleIds.Range, @"
class C
{
    int[] Middle(int[] values) { return values[1..3]; } //!
    int Last(int[] values) { return values[^1]; } //!
}")]
        [DataRow(RuleIds.Decimal, @"
class C
{
    decimal rate; //!
    object Rate() { return 1.5m; } //!
}")]
        [DataRow(RuleIds.Volatile, @"
class C
{
    volatile bool stopRequested; //!
}")]
        [DataRow(RuleIds.StaticAbstract, @"
interface IParser
{
    static abstract IParser Create(); //!
}")]
        [DataRow(RuleIds.MultiDimensionalArray, @"
class C
{
    int[,] grid = new int[2, 3]; //!
}")]
        [DataRow(RuleIds.StringJoin, @"
class C
{
    string Csv(string[] parts) { return string.Join("","", parts); } //!
}")]
        [DataRow(RuleIds.StringReplace, @"
class C
{
    string Clean(string text) { return text.Replace(""a"", ""b""); } //!
}")]
        [DataRow(RuleIds.GcCollect, @"
class C
{
    void Tidy() { System.GC.Collect(); } //!
}")]
        [DataRow(RuleIds.EnumIsDefined, @"
enum Mode { Off, On }
class C
{
    bool Valid(int raw) { return System.Enum.IsDefined(typeof(Mode), raw); } //!
}")]
        [DataRow(RuleIds.EnumGetValues, @"
enum Mode { Off, On }
class C
{
    System.Array All() { return System.Enum.GetValues(typeof(Mode)); } //!
}")]
        [DataRow(RuleIds.NotAllowListed, @"
using System;
[Serializable] //!
class Fault : Exception //!
{
    void Log(int code)
    {
        Console.WriteLine(code); //!
        var text = new System.Text.StringBuilder(); //!
        int biggest = int.MaxValue; //!
        Type builderType = typeof(System.Text.StringBuilder); //!
        var half = (Half)2.0; //!
        foreach (object item in new System.Collections.ArrayList()) { } //!
        foreach (char c in ""text"") { } //!
        dynamic anything = code; //!
    }
}")]
        public void RuleIsReportedOnTheMarkedLines(string rule, string source)
        {
            var result = new DeviceSourceAnalyzer(AllowList.Empty).AnalyzeSource(source);

            var reported = result.Violations.Where(v => v.Rule == rule).Select(v => v.Line).Distinct().ToArray();
            CollectionAssert.AreEqual(MarkedLines(source), reported, "violations:\n" + result.Describe());
        }

        [TestMethod]
        public void ViolationPrintsPathLineRuleAndDetail()
        {
            var result = new DeviceSourceAnalyzer(AllowList.Empty).AnalyzeSource("class C\n{\n    int? x;\n}\n", "Firmware/Core/C.cs");

            Assert.AreEqual(1, result.Violations.Count, result.Describe());
            StringAssert.StartsWith(result.Violations[0].ToString(), "Firmware/Core/C.cs:3: nullable-value-type: ");
        }

        [TestMethod]
        public void NotAllowListedMessageNamesTheLineToAdd()
        {
            var result = new DeviceSourceAnalyzer(AllowList.Empty).AnalyzeSource(
                "class C { object Make() { return new System.ArgumentOutOfRangeException(\"x\"); } }");

            var details = result.Violations.Where(v => v.Rule == RuleIds.NotAllowListed).Select(v => v.Detail).ToList();
            Assert.AreEqual(2, details.Count, result.Describe());
            StringAssert.Contains(details.Single(d => d.StartsWith("M:")),
                "add the line 'M:System.ArgumentOutOfRangeException.#ctor(System.String)' under a '# nanoframework/<repo>: <file>' comment");
            StringAssert.Contains(details.Single(d => d.StartsWith("T:")), RepoPaths.AllowListRelativePath + "; if the nanoFramework sources have it, add the line 'T:System.ArgumentOutOfRangeException'");
        }

        [TestMethod]
        public void CleanDeviceCodeReportsNothingAndUsesEveryEntry()
        {
            var allowList = AllowList.Parse(
                "# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/ArgumentOutOfRangeException.cs\n" +
                "T:System.ArgumentOutOfRangeException\n" +
                "M:System.ArgumentOutOfRangeException.#ctor(System.String)\n" +
                "# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/Int32.cs\n" +
                "M:System.Int32.ToString\n" +
                "# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/Object.cs\n" +
                "M:System.Object.#ctor\n");
            const string source = @"
using System;
namespace SensorNode.Core.Sample
{
    public delegate void WindowHandler(long sumSquares);

    public enum Zone { Good, Watch, Alarm }

    public struct Reading
    {
        public int TempCentiC;
    }

    public sealed class Window
    {
        private readonly short[] samples = new short[8];
        private readonly int[][] perAxis = { new int[2], new int[2] };
        private readonly object gate = new object();

        public event WindowHandler Completed;

        public long SumSquares()
        {
            long total = 0;
            lock (gate)
            {
                foreach (short s in samples)
                {
                    total += (long)s * s;
                }
            }
            Completed?.Invoke(total);
            return total + perAxis[1][0];
        }

        public static long Scale(long value, int shift)
        {
            if (shift < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(shift));
            }
            return value >> shift;
        }

        public static Zone Classify(int velocityUmS) => velocityUmS switch
        {
            < 2800 => Zone.Good,
            < 7100 => Zone.Watch,
            _ => Zone.Alarm,
        };

        public string Describe(int count) => ""n="" + count.ToString() + $"" {count:X4}"";
    }
}";

            var result = new DeviceSourceAnalyzer(allowList).AnalyzeSource(source);

            Assert.AreEqual(0, result.Violations.Count, result.Describe());
            CollectionAssert.AreEquivalent(allowList.Entries.ToArray(), result.UsedEntries.ToArray());
        }

        [TestMethod]
        public void AllowListedGenericHostMemberPasses()
        {
            var allowList = AllowList.Parse(
                "# stands for nanoframework/nanoFramework.TestFramework: source/TestFramework/Assert.AreEqual.cs AreEqual(long, long)\n" +
                "T:Microsoft.VisualStudio.TestTools.UnitTesting.Assert\n" +
                "M:Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual``1(``0,``0,System.String,System.String,System.String)\n");
            const string source = @"
using Microsoft.VisualStudio.TestTools.UnitTesting;
class C
{
    void Check(long x) { Assert.AreEqual(2L, x); }
}";

            var result = new DeviceSourceAnalyzer(allowList).AnalyzeSource(source);

            Assert.AreEqual(0, result.Violations.Count, result.Describe());
            var unlisted = new DeviceSourceAnalyzer(AllowList.Empty).AnalyzeSource(source);
            Assert.IsTrue(unlisted.Violations.Any(v => v.Rule == RuleIds.GenericUse && v.Line == 5), unlisted.Describe());
        }

        [TestMethod]
        public void AllowListedMemberFromAPackageTheProjectLacksIsReported()
        {
            var allowList = AllowList.Parse(
                "# nanoframework/System.Math: nanoFramework.System.Math/Math.cs\n" +
                "T:System.Math\n" +
                "M:System.Math.Sqrt(System.Double)\n");
            const string source = @"
class C
{
    double Root(double x) { return System.Math.Sqrt(x); }
}";

            var without = new DeviceSourceAnalyzer(allowList).AnalyzeSource(source, packageIds: new[] { "nanoFramework.CoreLibrary" });
            var with = new DeviceSourceAnalyzer(allowList).AnalyzeSource(source, packageIds: new[] { "nanoFramework.CoreLibrary", "nanoFramework.System.Math" });

            CollectionAssert.AreEqual(new[] { RuleIds.MissingPackage + "@4" }, without.Violations.Select(v => v.Rule + "@" + v.Line).Distinct().ToArray(), without.Describe());
            StringAssert.Contains(without.Violations[0].Detail, "comes from nanoFramework.System.Math");
            Assert.AreEqual(0, with.Violations.Count, with.Describe());
        }

        [TestMethod]
        public void ForEachOverStringNeedsOnlyGetEnumerator()
        {
            const string source = @"
class C
{
    int Count(string text) { int n = 0; foreach (char c in text) { n++; } return n; }
}";
            var allowList = AllowList.Parse(
                "# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/String.cs (String : IEnumerable)\n" +
                "M:System.String.GetEnumerator\n");

            var listed = new DeviceSourceAnalyzer(allowList).AnalyzeSource(source);
            var unlisted = new DeviceSourceAnalyzer(AllowList.Empty).AnalyzeSource(source);

            Assert.AreEqual(0, listed.Violations.Count, listed.Describe());
            CollectionAssert.AreEqual(new[] { "M:System.String.GetEnumerator" }, unlisted.MissingEntries.ToArray());
        }

        [TestMethod]
        public void HostBranchOfNanoFrameworkConditionalIsAnalysed()
        {
            const string source = @"
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using System.Linq;
#endif
class C { }";

            var result = new DeviceSourceAnalyzer(AllowList.Empty).AnalyzeSource(source);

            CollectionAssert.AreEqual(new[] { RuleIds.Linq + "@5" }, result.Violations.Select(v => v.Rule + "@" + v.Line).ToArray(), result.Describe());
        }

        private static int[] MarkedLines(string source)
        {
            var lines = source.Split('\n');
            var marked = new List<int>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimEnd().EndsWith(Marker, StringComparison.Ordinal))
                {
                    marked.Add(i + 1);
                }
            }
            return marked.ToArray();
        }
    }
}
