using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using SensorNode.Benchmarks.Evaluation;

namespace SensorNode.Benchmarks.Tests
{
    /// <summary>The MAT v5 reader on tiny files built in memory, well-formed and broken.</summary>
    [TestClass]
    public sealed class MatFileReaderTests
    {
        private const int ClassChar = 4;
        private const int ClassDouble = 6;
        private const int ClassInt16 = 10;

        [TestMethod]
        public void ReadsDoubleMatrixWithNormalName()
        {
            byte[] file = MatFile(Matrix("signal_DE", ClassDouble, new[] { 3, 1 }, Data(MatFileReader.TypeDouble, 1.5, -2.0, 3.25)));
            Dictionary<string, MatVariable> variables = MatFileReader.Parse(file, "mem.mat");
            MatVariable v = variables["signal_DE"];
            CollectionAssert.AreEqual(new[] { 3, 1 }, v.Dimensions);
            CollectionAssert.AreEqual(new[] { 1.5, -2.0, 3.25 }, v.Data);
        }

        [TestMethod]
        public void ReadsInt16MatrixWithSmallElementNameColumnMajor()
        {
            // 2 x 2 [[1, 3], [-2, -4]] stored column-major: 1, -2, 3, -4; name "k" fits a small element.
            byte[] file = MatFile(Matrix("k", ClassInt16, new[] { 2, 2 }, Data(MatFileReader.TypeInt16, 1, -2, 3, -4)));
            MatVariable v = MatFileReader.Parse(file, "mem.mat")["k"];
            CollectionAssert.AreEqual(new[] { 1.0, -2.0, 3.0, -4.0 }, v.Data);
            Assert.AreEqual(2, v.Rows);
        }

        [TestMethod]
        public void ReadsDoubleClassStoredAsSmallerTypeAndSmallData()
        {
            // MATLAB stores whole numbers of a double array in the smallest type; 2 uint8 bytes fit a small element.
            byte[] file = MatFile(
                Matrix("rpm", ClassDouble, new[] { 1, 1 }, SmallData(MatFileReader.TypeUInt16, BitConverter.GetBytes((ushort)1797))),
                Matrix("u8", ClassDouble, new[] { 1, 2 }, SmallData(MatFileReader.TypeUInt8, new byte[] { 200, 7 })));
            Dictionary<string, MatVariable> variables = MatFileReader.Parse(file, "mem.mat");
            CollectionAssert.AreEqual(new[] { 1797.0 }, variables["rpm"].Data);
            CollectionAssert.AreEqual(new[] { 200.0, 7.0 }, variables["u8"].Data);
        }

        [TestMethod]
        public void SkipsCharArraysAndKeepsReading()
        {
            byte[] file = MatFile(
                Matrix("text", ClassChar, new[] { 1, 2 }, Data(MatFileReader.TypeUInt16, 72, 105)),
                Matrix("x", ClassDouble, new[] { 1, 1 }, Data(MatFileReader.TypeDouble, 42.0)));
            Dictionary<string, MatVariable> variables = MatFileReader.Parse(file, "mem.mat");
            Assert.IsFalse(variables.ContainsKey("text"));
            CollectionAssert.AreEqual(new[] { 42.0 }, variables["x"].Data);
        }

        [TestMethod]
        public void TruncatedDataIsAClearErrorWithOffset()
        {
            byte[] file = MatFile(Matrix("x", ClassDouble, new[] { 4, 1 }, Data(MatFileReader.TypeDouble, 1, 2, 3, 4)));
            byte[] cut = new byte[file.Length - 12];
            Array.Copy(file, cut, cut.Length);
            DataFormatException e = Assert.ThrowsExactly<DataFormatException>(() => MatFileReader.Parse(cut, "cut.mat"));
            StringAssert.StartsWith(e.Message, "cut.mat at byte offset ");
        }

        [TestMethod]
        public void DataCountNotMatchingDimensionsIsAnError()
        {
            byte[] file = MatFile(Matrix("x", ClassDouble, new[] { 5, 1 }, Data(MatFileReader.TypeDouble, 1, 2, 3)));
            DataFormatException e = Assert.ThrowsExactly<DataFormatException>(() => MatFileReader.Parse(file, "bad.mat"));
            StringAssert.Contains(e.Message, "dimensions need 40");
        }

        [TestMethod]
        public void MissingEndianMarkIsAnError()
        {
            byte[] file = MatFile();
            file[126] = (byte)'X';
            DataFormatException e = Assert.ThrowsExactly<DataFormatException>(() => MatFileReader.Parse(file, "x.mat"));
            StringAssert.Contains(e.Message, "byte offset 126");
        }

        [TestMethod]
        public void ShortHeaderIsAnError()
        {
            Assert.ThrowsExactly<DataFormatException>(() => MatFileReader.Parse(new byte[100], "short.mat"));
        }

        [TestMethod]
        public void CompressedElementIsAnError()
        {
            MemoryStream body = new MemoryStream();
            Tag(body, MatFileReader.TypeCompressed, 8);
            body.Write(new byte[8]);
            DataFormatException e = Assert.ThrowsExactly<DataFormatException>(() => MatFileReader.Parse(MatFile(body.ToArray()), "v7.mat"));
            StringAssert.Contains(e.Message, "-v6");
        }

        [TestMethod]
        public void ReadsTheDataSetsNormalRecordingWhenPresent()
        {
            string path = Path.Combine(TestPaths.DataRoot, "cwru", "normal_0_97.mat");
            if (!File.Exists(path))
            {
                Assert.Inconclusive("shared data not present: " + path);
            }

            MatVariable de = MatFileReader.Read(path)["X097_DE_time"];
            Assert.AreEqual(243938, de.Rows);
            Assert.AreEqual(0.05319692307692307, de.Data[0], 0.0);
        }

        internal static byte[] MatFile(params byte[][] elements)
        {
            MemoryStream stream = new MemoryStream();
            byte[] header = new byte[128];
            byte[] text = Encoding.ASCII.GetBytes("MATLAB 5.0 MAT-file, written by a unit test");
            Array.Fill(header, (byte)' ', 0, 116);
            Array.Copy(text, header, text.Length);
            header[124] = 0x00;
            header[125] = 0x01;
            header[126] = (byte)'I';
            header[127] = (byte)'M';
            stream.Write(header);
            foreach (byte[] element in elements)
            {
                stream.Write(element);
            }

            return stream.ToArray();
        }

        private static byte[] Matrix(string name, int arrayClass, int[] dimensions, byte[] realElement)
        {
            MemoryStream body = new MemoryStream();
            Tag(body, MatFileReader.TypeUInt32, 8);
            body.Write(BitConverter.GetBytes((uint)arrayClass));
            body.Write(new byte[4]);
            Tag(body, MatFileReader.TypeInt32, 4 * dimensions.Length);
            foreach (int d in dimensions)
            {
                body.Write(BitConverter.GetBytes(d));
            }

            Pad(body);
            byte[] nameBytes = Encoding.ASCII.GetBytes(name);
            if (nameBytes.Length <= 4)
            {
                body.Write(SmallData(MatFileReader.TypeInt8, nameBytes));
            }
            else
            {
                Tag(body, MatFileReader.TypeInt8, nameBytes.Length);
                body.Write(nameBytes);
                Pad(body);
            }

            body.Write(realElement);
            MemoryStream element = new MemoryStream();
            Tag(element, MatFileReader.TypeMatrix, (int)body.Length);
            element.Write(body.ToArray());
            return element.ToArray();
        }

        private static byte[] Data(int type, params double[] values)
        {
            MemoryStream data = new MemoryStream();
            foreach (double v in values)
            {
                switch (type)
                {
                    case MatFileReader.TypeDouble:
                        data.Write(BitConverter.GetBytes(v));
                        break;
                    case MatFileReader.TypeInt16:
                        data.Write(BitConverter.GetBytes((short)v));
                        break;
                    case MatFileReader.TypeUInt16:
                        data.Write(BitConverter.GetBytes((ushort)v));
                        break;
                    default:
                        throw new ArgumentException("type not used by these tests");
                }
            }

            MemoryStream element = new MemoryStream();
            Tag(element, type, (int)data.Length);
            element.Write(data.ToArray());
            Pad(element);
            return element.ToArray();
        }

        private static byte[] SmallData(int type, byte[] bytes)
        {
            byte[] element = new byte[8];
            BitConverter.GetBytes((uint)((bytes.Length << 16) | type)).CopyTo(element, 0);
            bytes.CopyTo(element, 4);
            return element;
        }

        private static void Tag(Stream stream, int type, int byteCount)
        {
            stream.Write(BitConverter.GetBytes(type));
            stream.Write(BitConverter.GetBytes(byteCount));
        }

        private static void Pad(Stream stream)
        {
            while (stream.Length % 8 != 0)
            {
                stream.WriteByte(0);
            }
        }
    }
}
