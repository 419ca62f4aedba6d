using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace SensorNode.SubsetGuard
{
    [TestClass]
    public class AllowListParseTests
    {
        [TestMethod]
        public void CommentsAndBlankLinesAreSkippedAndEntriesKeepTheirLines()
        {
            var list = AllowList.Parse(
                "# header\n" +
                "\n" +
                "# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/String.cs\r\n" +
                "M:System.String.Concat(System.String,System.String)\r\n" +
                "   P:System.String.Length   \n" +
                "\n" +
                "# nanoframework/CoreLibrary: nanoFramework.CoreLibrary/System/ArgumentOutOfRangeException.cs\n" +
                "# (a second comment line in the same block)\n" +
                "T:System.ArgumentOutOfRangeException\n");

            Assert.AreEqual(3, list.Count);
            Assert.IsTrue(list.Contains("P:System.String.Length"));
            Assert.IsFalse(list.Contains("M:System.String.Concat(System.Object)"));
            Assert.AreEqual(4, list.LineOf("M:System.String.Concat(System.String,System.String)"));
            Assert.AreEqual(9, list.LineOf("T:System.ArgumentOutOfRangeException"));
        }

        [TestMethod]
        public void FirstRepositoryNamedInTheBlockGivesTheEntrysPackage()
        {
            var list = AllowList.Parse(
                "# nanoframework/System.Math: nanoFramework.System.Math/Math.cs (also in nanoframework/CoreLibrary, internal)\n" +
                "M:System.Math.Sqrt(System.Double)\n" +
                "\n" +
                "# MSTest's generic AreEqual<T> stands for the per-type overloads in\n" +
                "# nanoframework/nanoFramework.TestFramework: source/TestFramework/Assert.AreEqual.cs\n" +
                "M:Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual``1(``0,``0,System.String,System.String,System.String)\n" +
                "\n" +
                "# NanoFramework/CoreLibrary: nanoFramework.CoreLibrary/System/Int32.cs\n" +
                "F:System.Int32.MaxValue\n");

            Assert.AreEqual("nanoFramework.System.Math", list.PackageOf("M:System.Math.Sqrt(System.Double)"));
            Assert.AreEqual("nanoFramework.TestFramework",
                list.PackageOf("M:Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual``1(``0,``0,System.String,System.String,System.String)"));
            Assert.AreEqual("nanoFramework.CoreLibrary", list.PackageOf("F:System.Int32.MaxValue"));
        }

        [TestMethod]
        public void MalformedLineIsRejectedWithItsLineNumber()
        {
            var error = Expect.FormatError(() => AllowList.Parse(
                "# nanoframework/CoreLibrary: System/String.cs\n" +
                "M:System.String.Concat(System.String,System.String)\n" +
                "System.String.Length\n" +
                "P:System.String.Length # trailing comment\n"));

            StringAssert.Contains(error, "line 3: 'System.String.Length' is not a documentation comment ID");
            StringAssert.Contains(error, "line 4: 'P:System.String.Length # trailing comment' is not a documentation comment ID");
        }

        [TestMethod]
        public void EntryWithoutASourceCommentInItsBlockIsRejected()
        {
            var error = Expect.FormatError(() => AllowList.Parse(
                "# nanoframework/CoreLibrary: System/String.cs\n" +
                "P:System.String.Length\n" +
                "\n" +
                "# verified somewhere\n" +
                "F:System.String.Empty\n"));

            StringAssert.Contains(error, "line 5: F:System.String.Empty has no comment above it");
        }

        [TestMethod]
        public void DuplicateEntryIsRejected()
        {
            var error = Expect.FormatError(() => AllowList.Parse(
                "# nanoframework/CoreLibrary: System/String.cs\n" +
                "P:System.String.Length\n" +
                "P:System.String.Length\n"));

            StringAssert.Contains(error, "line 3: P:System.String.Length is already listed on line 2");
        }
    }
}
