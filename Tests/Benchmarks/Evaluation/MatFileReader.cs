using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace SensorNode.Benchmarks.Evaluation
{
    /// <summary>A numeric MATLAB variable converted to double, column-major.</summary>
    public sealed class MatVariable
    {
        public MatVariable(string name, int[] dimensions, double[] data)
        {
            Name = name;
            Dimensions = dimensions;
            Data = data;
        }

        public string Name { get; }

        public int[] Dimensions { get; }

        /// <summary>All elements, column-major (the first index varies fastest), as MATLAB stores them.</summary>
        public double[] Data { get; }

        public int Rows => Dimensions.Length > 0 ? Dimensions[0] : 0;
    }

    /// <summary>
    /// A small reader for uncompressed MATLAB Level 5 MAT-files (what <c>save -v6</c> writes):
    /// <list type="bullet">
    /// <item>a 128-byte header whose bytes 126-127 are "IM" (little-endian) or "MI" (big-endian);</item>
    /// <item>then elements: an 8-byte tag (uint32 type, uint32 byte count) and data padded to 8 bytes,
    /// or a small element (byte count in the tag's upper 16 bits, type in the lower 16, data in the
    /// tag's second word);</item>
    /// <item>a matrix element (type 14) holds array flags (class in the low byte, complex flag 0x800),
    /// int32 dimensions, an int8 name, then the real part in any numeric type.</item>
    /// </list>
    /// Numeric matrices of any class come back as double. Char, cell, struct, object and sparse
    /// variables are skipped. Compressed (v7) elements, complex data and anything truncated or
    /// inconsistent raise a <see cref="DataFormatException"/> with the byte offset.
    /// </summary>
    public static class MatFileReader
    {
        public const int HeaderBytes = 128;

        public const int TypeInt8 = 1;
        public const int TypeUInt8 = 2;
        public const int TypeInt16 = 3;
        public const int TypeUInt16 = 4;
        public const int TypeInt32 = 5;
        public const int TypeUInt32 = 6;
        public const int TypeSingle = 7;
        public const int TypeDouble = 9;
        public const int TypeInt64 = 12;
        public const int TypeUInt64 = 13;
        public const int TypeMatrix = 14;
        public const int TypeCompressed = 15;

        private const int ClassDouble = 6;
        private const int ClassUInt64 = 15;
        private const uint ComplexFlag = 0x800;

        public static Dictionary<string, MatVariable> Read(string path)
        {
            return Parse(File.ReadAllBytes(path), path);
        }

        /// <summary>Parses a whole file image; <paramref name="pathForErrors"/> only names the source in errors.</summary>
        public static Dictionary<string, MatVariable> Parse(byte[] bytes, string pathForErrors)
        {
            Cursor file = new Cursor(bytes, pathForErrors);
            if (bytes.Length < HeaderBytes)
            {
                throw DataFormatException.AtOffset(pathForErrors, bytes.Length, "shorter than the 128-byte MAT-file header");
            }

            if (bytes[126] == (byte)'I' && bytes[127] == (byte)'M')
            {
                file.BigEndian = false;
            }
            else if (bytes[126] == (byte)'M' && bytes[127] == (byte)'I')
            {
                file.BigEndian = true;
            }
            else
            {
                throw DataFormatException.AtOffset(pathForErrors, 126, "no 'IM'/'MI' endian mark: not a MATLAB v5 MAT-file");
            }

            Dictionary<string, MatVariable> variables = new Dictionary<string, MatVariable>(StringComparer.Ordinal);
            long offset = HeaderBytes;
            while (offset < bytes.Length)
            {
                Element element = file.ReadElement(offset, bytes.Length);
                if (element.Type == TypeCompressed)
                {
                    throw DataFormatException.AtOffset(pathForErrors, offset, "compressed element (MAT v7): save the file with -v6");
                }

                if (element.Type == TypeMatrix && element.ByteCount > 0)
                {
                    MatVariable variable = ReadMatrix(file, element);
                    if (variable != null)
                    {
                        if (variables.ContainsKey(variable.Name))
                        {
                            throw DataFormatException.AtOffset(pathForErrors, offset, "variable '" + variable.Name + "' appears twice");
                        }

                        variables.Add(variable.Name, variable);
                    }
                }

                offset = element.Next;
            }

            return variables;
        }

        private static MatVariable ReadMatrix(Cursor file, Element matrix)
        {
            long end = matrix.DataOffset + matrix.ByteCount;
            Element flags = file.ReadElement(matrix.DataOffset, end);
            if (flags.Type != TypeUInt32 || flags.ByteCount != 8)
            {
                throw file.Error(flags.TagOffset, "matrix array-flags element is not 8 bytes of uint32");
            }

            uint flagWord = file.UInt32(flags.DataOffset);
            int arrayClass = (int)(flagWord & 0xFF);

            Element dimensionsElement = file.ReadElement(flags.Next, end);
            if (dimensionsElement.Type != TypeInt32 || dimensionsElement.ByteCount < 8 || dimensionsElement.ByteCount % 4 != 0)
            {
                throw file.Error(dimensionsElement.TagOffset, "matrix dimensions element is not two or more int32 values");
            }

            int[] dimensions = new int[dimensionsElement.ByteCount / 4];
            long elementCount = 1;
            for (int d = 0; d < dimensions.Length; d++)
            {
                dimensions[d] = (int)file.UInt32(dimensionsElement.DataOffset + (4 * d));
                if (dimensions[d] < 0)
                {
                    throw file.Error(dimensionsElement.DataOffset + (4 * d), "negative matrix dimension");
                }

                elementCount *= dimensions[d];
            }

            Element nameElement = file.ReadElement(dimensionsElement.Next, end);
            if (nameElement.Type != TypeInt8 && nameElement.Type != TypeUInt8)
            {
                throw file.Error(nameElement.TagOffset, "matrix name element is not int8 text");
            }

            string name = Encoding.ASCII.GetString(file.Bytes, (int)nameElement.DataOffset, (int)nameElement.ByteCount);
            if (arrayClass < ClassDouble || arrayClass > ClassUInt64)
            {
                // Char, cell, struct, object or sparse: not numeric data this reader returns.
                return null;
            }

            if ((flagWord & ComplexFlag) != 0)
            {
                throw file.Error(flags.DataOffset, "variable '" + name + "' is complex; only real matrices are supported");
            }

            if (elementCount > int.MaxValue)
            {
                throw file.Error(dimensionsElement.DataOffset, "variable '" + name + "' is too large");
            }

            Element real = file.ReadElement(nameElement.Next, end);
            int size = TypeSize(real.Type);
            if (size == 0)
            {
                throw file.Error(real.TagOffset, "variable '" + name + "' has real data of unsupported type " + real.Type);
            }

            if (real.ByteCount != elementCount * size)
            {
                throw file.Error(real.TagOffset, "variable '" + name + "' has " + real.ByteCount + " data bytes, dimensions need " + (elementCount * size));
            }

            double[] data = new double[elementCount];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = file.Number(real.Type, real.DataOffset + ((long)i * size));
            }

            return new MatVariable(name, dimensions, data);
        }

        private static int TypeSize(int type)
        {
            switch (type)
            {
                case TypeInt8:
                case TypeUInt8:
                    return 1;
                case TypeInt16:
                case TypeUInt16:
                    return 2;
                case TypeInt32:
                case TypeUInt32:
                case TypeSingle:
                    return 4;
                case TypeDouble:
                case TypeInt64:
                case TypeUInt64:
                    return 8;
                default:
                    return 0;
            }
        }

        private struct Element
        {
            public long TagOffset;
            public int Type;
            public long ByteCount;
            public long DataOffset;
            public long Next;
        }

        /// <summary>Bounds-checked, endian-aware reads over the file image.</summary>
        private sealed class Cursor
        {
            public Cursor(byte[] bytes, string path)
            {
                Bytes = bytes;
                Path = path;
            }

            public byte[] Bytes { get; }

            public string Path { get; }

            public bool BigEndian { get; set; }

            public DataFormatException Error(long offset, string problem)
            {
                return DataFormatException.AtOffset(Path, offset, problem);
            }

            /// <summary>Reads the tag at <paramref name="offset"/>; the element must end by <paramref name="limit"/>.</summary>
            public Element ReadElement(long offset, long limit)
            {
                if (offset + 8 > limit)
                {
                    throw Error(offset, "truncated element tag (needs 8 bytes, " + Math.Max(0, limit - offset) + " left)");
                }

                uint first = UInt32(offset);
                Element element = new Element();
                element.TagOffset = offset;
                if ((first >> 16) != 0)
                {
                    element.Type = (int)(first & 0xFFFF);
                    element.ByteCount = first >> 16;
                    element.DataOffset = offset + 4;
                    element.Next = offset + 8;
                    if (element.ByteCount > 4)
                    {
                        throw Error(offset, "small element claims " + element.ByteCount + " bytes (at most 4 fit)");
                    }

                    return element;
                }

                element.Type = (int)first;
                element.ByteCount = UInt32(offset + 4);
                element.DataOffset = offset + 8;
                long padded = (element.ByteCount + 7) & ~7L;
                element.Next = element.DataOffset + padded;
                if (element.DataOffset + element.ByteCount > limit)
                {
                    throw Error(offset, "element of type " + element.Type + " claims " + element.ByteCount + " bytes, only " + (limit - element.DataOffset) + " remain");
                }

                // The last element of a file may omit its padding.
                element.Next = Math.Min(element.Next, limit);
                return element;
            }

            public uint UInt32(long offset)
            {
                ReadOnlySpan<byte> span = new ReadOnlySpan<byte>(Bytes, (int)offset, 4);
                return BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span) : BinaryPrimitives.ReadUInt32LittleEndian(span);
            }

            public double Number(int type, long offset)
            {
                int at = (int)offset;
                switch (type)
                {
                    case TypeInt8:
                        return (sbyte)Bytes[at];
                    case TypeUInt8:
                        return Bytes[at];
                    case TypeInt16:
                        return BigEndian ? BinaryPrimitives.ReadInt16BigEndian(Slice(at, 2)) : BinaryPrimitives.ReadInt16LittleEndian(Slice(at, 2));
                    case TypeUInt16:
                        return BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(Slice(at, 2)) : BinaryPrimitives.ReadUInt16LittleEndian(Slice(at, 2));
                    case TypeInt32:
                        return BigEndian ? BinaryPrimitives.ReadInt32BigEndian(Slice(at, 4)) : BinaryPrimitives.ReadInt32LittleEndian(Slice(at, 4));
                    case TypeUInt32:
                        return BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(Slice(at, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(Slice(at, 4));
                    case TypeSingle:
                        return BigEndian ? BinaryPrimitives.ReadSingleBigEndian(Slice(at, 4)) : BinaryPrimitives.ReadSingleLittleEndian(Slice(at, 4));
                    case TypeDouble:
                        return BigEndian ? BinaryPrimitives.ReadDoubleBigEndian(Slice(at, 8)) : BinaryPrimitives.ReadDoubleLittleEndian(Slice(at, 8));
                    case TypeInt64:
                        return BigEndian ? BinaryPrimitives.ReadInt64BigEndian(Slice(at, 8)) : BinaryPrimitives.ReadInt64LittleEndian(Slice(at, 8));
                    default:
                        return BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(Slice(at, 8)) : BinaryPrimitives.ReadUInt64LittleEndian(Slice(at, 8));
                }
            }

            private ReadOnlySpan<byte> Slice(int offset, int length)
            {
                return new ReadOnlySpan<byte>(Bytes, offset, length);
            }
        }
    }
}
