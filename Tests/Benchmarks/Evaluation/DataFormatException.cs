using System;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>
    /// A data file that does not have the expected format. The message always names the file and
    /// where in it the problem is (line, or byte offset for binary files), so one bad file gives one
    /// clear line of error instead of a crash or silently wrong numbers.
    /// </summary>
    public sealed class DataFormatException : Exception
    {
        private DataFormatException(string message)
            : base(message)
        {
        }

        /// <summary>An error at a 1-based line of a text file.</summary>
        public static DataFormatException AtLine(string path, long line, string problem)
        {
            return new DataFormatException(path + ":" + line + ": " + problem);
        }

        /// <summary>An error at a byte offset of a binary file.</summary>
        public static DataFormatException AtOffset(string path, long offset, string problem)
        {
            return new DataFormatException(path + " at byte offset " + offset + ": " + problem);
        }

        /// <summary>An error about the file as a whole (missing content, inconsistent with another file).</summary>
        public static DataFormatException InFile(string path, string problem)
        {
            return new DataFormatException(path + ": " + problem);
        }
    }
}
