using System;
using SensorNode.Core.FixedMath;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace SensorNode.Core.Tests.FixedMath
{
    /// <summary>
    /// Tolerance everywhere: exact. The reference is floor(Math.Sqrt(n)) corrected in integers
    /// until r * r &lt;= n &lt; (r + 1) * (r + 1), with r capped at 2^32 - 1 so no square overflows.
    /// </summary>
    [TestClass]
    public class IntSqrtTests
    {
        private const ulong MaxRoot64 = 0xFFFFFFFFUL;

        private static ulong ReferenceFloor(ulong n)
        {
            double estimate = Math.Floor(Math.Sqrt(n));
            ulong r = estimate >= MaxRoot64 ? MaxRoot64 : (ulong)estimate;
            while (r * r > n)
            {
                r--;
            }

            while (r < MaxRoot64 && (r + 1) * (r + 1) <= n)
            {
                r++;
            }

            return r;
        }

        [TestMethod]
        [DataRow(0u, 0u)]
        [DataRow(1u, 1u)]
        [DataRow(2u, 1u)]
        [DataRow(3u, 1u)]
        [DataRow(4u, 2u)]
        [DataRow(65535u, 255u)]
        [DataRow(65536u, 256u)]
        [DataRow(1073741824u, 32768u)]
        [DataRow(4294836224u, 65534u)]
        [DataRow(4294836225u, 65535u)]
        [DataRow(4294967295u, 65535u)]
        public void Floor32_EdgeCases(uint value, uint expected)
        {
            Assert.AreEqual((ulong)expected, ReferenceFloor(value));
            Assert.AreEqual(expected, IntSqrt.Floor32(value));
        }

        [TestMethod]
        [DataRow(0UL, 0u)]
        [DataRow(1UL, 1u)]
        [DataRow(2UL, 1u)]
        [DataRow(4294967295UL, 65535u)]
        [DataRow(4294967296UL, 65536u)]
        [DataRow(4294967297UL, 65536u)]
        [DataRow(4611686018427387903UL, 2147483647u)]
        [DataRow(4611686018427387904UL, 2147483648u)]
        [DataRow(18446744065119617024UL, 4294967294u)]
        [DataRow(18446744065119617025UL, 4294967295u)]
        [DataRow(18446744073709551615UL, 4294967295u)]
        public void Floor64_EdgeCases(ulong value, uint expected)
        {
            Assert.AreEqual((ulong)expected, ReferenceFloor(value));
            Assert.AreEqual(expected, IntSqrt.Floor64(value));
        }

        [TestMethod]
        public void Floor32_EveryValueUpTo2Pow17()
        {
            long failures = 0;
            uint firstFailure = 0;
            for (uint n = 0; n <= 1u << 17; n++)
            {
                if (IntSqrt.Floor32(n) != ReferenceFloor(n))
                {
                    failures++;
                    firstFailure = failures == 1 ? n : firstFailure;
                }
            }

            Assert.AreEqual(0L, failures, "first failing input " + firstFailure);
        }

        [TestMethod]
        public void Floor32_EverySquareAndNeighbours()
        {
            long failures = 0;
            uint firstFailure = 0;
            for (uint k = 1; k <= 65535; k++)
            {
                uint square = k * k;
                if (IntSqrt.Floor32(square) != k || IntSqrt.Floor32(square - 1) != k - 1 || IntSqrt.Floor32(square + 1) != k)
                {
                    failures++;
                    firstFailure = failures == 1 ? k : firstFailure;
                }
            }

            Assert.AreEqual(0L, failures, "first failing root " + firstFailure);
        }

        [TestMethod]
        public void Floor64_EveryValueAroundThe32BitPathSwitch()
        {
            long failures = 0;
            ulong firstFailure = 0;
            for (ulong n = 0; n <= 1UL << 16; n++)
            {
                ulong around = (1UL << 32) - (1UL << 15) + n;
                if (IntSqrt.Floor64(n) != ReferenceFloor(n) || IntSqrt.Floor64(around) != ReferenceFloor(around))
                {
                    failures++;
                    firstFailure = failures == 1 ? n : firstFailure;
                }
            }

            Assert.AreEqual(0L, failures, "first failing offset " + firstFailure);
        }

        // Roots on a prime stride of 65521 (about 65,500 of them) up to 2^32 - 1, which is checked
        // too; roots below 2^16 are covered exhaustively above. Sized for the device emulator's
        // session timeout rather than the host's speed.
        [TestMethod]
        public void Floor64_SquaresAndNeighboursOnStride()
        {
            long failures = 0;
            ulong firstFailure = 0;
            for (ulong k = 2; k < MaxRoot64; k += 65521)
            {
                if (!SquareAndNeighboursHaveRoot(k))
                {
                    failures++;
                    firstFailure = failures == 1 ? k : firstFailure;
                }
            }

            Assert.AreEqual(0L, failures, "first failing root " + firstFailure);
            Assert.IsTrue(SquareAndNeighboursHaveRoot(MaxRoot64));
        }

        private static bool SquareAndNeighboursHaveRoot(ulong k)
        {
            ulong square = k * k;
            return IntSqrt.Floor64(square) == k && IntSqrt.Floor64(square - 1) == k - 1 && IntSqrt.Floor64(square + 1) == k;
        }

        [TestMethod]
        public void Floor32_OneMillionSeededRandomValues()
        {
            Random random = new Random(3217);
            long failures = 0;
            uint firstFailure = 0;
            for (int i = 0; i < 1000000; i++)
            {
                uint n = FixedMathReference.NextUInt32(random);
                if (IntSqrt.Floor32(n) != ReferenceFloor(n))
                {
                    failures++;
                    firstFailure = failures == 1 ? n : firstFailure;
                }
            }

            Assert.AreEqual(0L, failures, "first failing input " + firstFailure);
        }

        [TestMethod]
        public void Floor64_OneMillionSeededRandomValues()
        {
            Random random = new Random(6421);
            long failures = 0;
            ulong firstFailure = 0;
            for (int i = 0; i < 1000000; i++)
            {
                ulong n = FixedMathReference.NextUInt64(random);
                if (IntSqrt.Floor64(n) != ReferenceFloor(n))
                {
                    failures++;
                    firstFailure = failures == 1 ? n : firstFailure;
                }
            }

            Assert.AreEqual(0L, failures, "first failing input " + firstFailure);
        }
    }
}
