using System;
using SensorNode.Core.FixedMath;

namespace SensorNode.Benchmarks
{
    /// <summary>
    /// Throughput and allocation of each fixed-point primitive (SensorNode.Core.FixedMath) on the
    /// host JIT. Exit code 1 if any primitive allocates. Device numbers are far lower: nanoFramework
    /// interprets IL, so relative costs (a division or a 64-bit sqrt versus an add) matter more there.
    /// </summary>
    internal sealed class MathBenchmark : IBenchmark
    {
        private const double SecondsPerOperation = 0.2;

        public string Name => "math";

        public string Description => "ops/s and bytes/op of every fixed-point primitive (fails if any allocates)";

        public int Run(string[] args)
        {
            Console.WriteLine($"fixed-point primitives, host JIT ({Environment.Version}, {Environment.ProcessorCount} cores), ~{SecondsPerOperation} s each");
            Console.WriteLine();

            LinearScale adxlMilliG = new LinearScale(39, 10);
            Measurement[] results =
            {
                Harness.Measure("baseline (input load only)", new Baseline(), SecondsPerOperation),
                Harness.Measure("Saturate.ToInt32", new SaturateToInt32(), SecondsPerOperation),
                Harness.Measure("Saturate.ToInt16", new SaturateToInt16(), SecondsPerOperation),
                Harness.Measure("Q16x16.AddSat", new Q16AddSat(), SecondsPerOperation),
                Harness.Measure("Q16x16.SubSat", new Q16SubSat(), SecondsPerOperation),
                Harness.Measure("Q16x16.MulRoundSat", new Q16MulRoundSat(), SecondsPerOperation),
                Harness.Measure("Q16x16.DivRoundSat", new Q16DivRoundSat(), SecondsPerOperation),
                Harness.Measure("Q16x16.FromIntSat", new Q16FromIntSat(), SecondsPerOperation),
                Harness.Measure("Q16x16.ToIntRound", new Q16ToIntRound(), SecondsPerOperation),
                Harness.Measure("Q15.AddSat", new Q15AddSat(), SecondsPerOperation),
                Harness.Measure("Q15.SubSat", new Q15SubSat(), SecondsPerOperation),
                Harness.Measure("Q15.MulRoundSat", new Q15MulRoundSat(), SecondsPerOperation),
                Harness.Measure("Q15.DivRoundSat", new Q15DivRoundSat(), SecondsPerOperation),
                Harness.Measure("IntDiv.RoundSat", new IntDivRoundSat(), SecondsPerOperation),
                Harness.Measure("MulDiv.RoundSat (product < 2^64)", new MulDivNarrow(), SecondsPerOperation),
                Harness.Measure("MulDiv.RoundSat (128-bit product)", new MulDivWide(), SecondsPerOperation),
                Harness.Measure("IntSqrt.Floor32", new SqrtFloor32(), SecondsPerOperation),
                Harness.Measure("IntSqrt.Floor64 (n < 2^32)", new SqrtFloor64Narrow(), SecondsPerOperation),
                Harness.Measure("IntSqrt.Floor64 (n >= 2^32)", new SqrtFloor64Wide(), SecondsPerOperation),
                Harness.Measure("LinearScale.Apply (3.9 mg/LSB)", new ScaleApply(adxlMilliG), SecondsPerOperation),
                Harness.Measure("LinearScale.ApplyScaled (Q.8)", new ScaleApplyScaled(adxlMilliG), SecondsPerOperation),
                Harness.Measure("Squash.RationalQ15", new SquashRational(), SecondsPerOperation),
            };

            Harness.PrintTable(results);

            int allocating = 0;
            foreach (Measurement m in results)
            {
                if (m.BytesAllocated != 0)
                {
                    Console.Error.WriteLine($"{m.Name} allocated {m.BytesAllocated} bytes over {m.TotalIterations} ops");
                    allocating++;
                }
            }

            Console.WriteLine();
            Console.WriteLine(allocating == 0 ? "allocation: 0 bytes in every primitive" : $"allocation: {allocating} primitive(s) allocate");
            return allocating == 0 ? 0 : 1;
        }

        /// <summary>
        /// Seeded inputs, 4096 of each kind, indexed by iteration so the JIT cannot fold them:
        /// magnitudes are log-uniform so both small and saturating cases are exercised.
        /// </summary>
        private static class Inputs
        {
            public const int Mask = 4095;
            public static readonly int[] A = Ints(11);
            public static readonly int[] B = Ints(12);
            public static readonly int[] NonZero = NonZeroInts(13);
            public static readonly int[] Q15Values = Q15s(14);
            public static readonly int[] Q15Others = Q15s(15);
            public static readonly long[] Wide = Longs(16);
            public static readonly uint[] U32 = UInts(17);
            public static readonly ulong[] U64Narrow = Array.ConvertAll(UInts(18), v => (ulong)v);
            public static readonly ulong[] U64Wide = Array.ConvertAll(UInts(19), v => ((ulong)(v | 1) << 32) | 0x9E3779B9UL);
            public static readonly ulong[] SmallFactors = Array.ConvertAll(UInts(20), v => (ulong)(v >> 1));

            private static int[] Ints(int seed)
            {
                Random random = new Random(seed);
                int[] values = new int[Mask + 1];
                for (int i = 0; i < values.Length; i++)
                {
                    int magnitude = (int)((uint)random.Next() >> random.Next(31));
                    values[i] = random.Next(2) == 0 ? magnitude : -magnitude;
                }

                return values;
            }

            private static int[] NonZeroInts(int seed)
            {
                return Array.ConvertAll(Ints(seed), v => v == 0 ? 1 : v);
            }

            private static int[] Q15s(int seed)
            {
                Random random = new Random(seed);
                int[] values = new int[Mask + 1];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = random.Next(-32768, 32768);
                }

                return values;
            }

            private static long[] Longs(int seed)
            {
                Random random = new Random(seed);
                long[] values = new long[Mask + 1];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(63);
                }

                return values;
            }

            private static uint[] UInts(int seed)
            {
                Random random = new Random(seed);
                uint[] values = new uint[Mask + 1];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = (uint)random.NextInt64(0, 1L << 32) >> random.Next(32);
                }

                return values;
            }
        }

        private struct Baseline : IOperation
        {
            public long Invoke(int i) => Inputs.A[i & Inputs.Mask] ^ Inputs.B[(i + 1) & Inputs.Mask];
        }

        private struct SaturateToInt32 : IOperation
        {
            public long Invoke(int i) => Saturate.ToInt32(Inputs.Wide[i & Inputs.Mask]);
        }

        private struct SaturateToInt16 : IOperation
        {
            public long Invoke(int i) => Saturate.ToInt16(Inputs.Wide[i & Inputs.Mask]);
        }

        private struct Q16AddSat : IOperation
        {
            public long Invoke(int i) => Q16x16.AddSat(Inputs.A[i & Inputs.Mask], Inputs.B[(i + 1) & Inputs.Mask]);
        }

        private struct Q16SubSat : IOperation
        {
            public long Invoke(int i) => Q16x16.SubSat(Inputs.A[i & Inputs.Mask], Inputs.B[(i + 1) & Inputs.Mask]);
        }

        private struct Q16MulRoundSat : IOperation
        {
            public long Invoke(int i) => Q16x16.MulRoundSat(Inputs.A[i & Inputs.Mask], Inputs.B[(i + 1) & Inputs.Mask]);
        }

        private struct Q16DivRoundSat : IOperation
        {
            public long Invoke(int i) => Q16x16.DivRoundSat(Inputs.A[i & Inputs.Mask], Inputs.NonZero[(i + 1) & Inputs.Mask]);
        }

        private struct Q16FromIntSat : IOperation
        {
            public long Invoke(int i) => Q16x16.FromIntSat(Inputs.A[i & Inputs.Mask]);
        }

        private struct Q16ToIntRound : IOperation
        {
            public long Invoke(int i) => Q16x16.ToIntRound(Inputs.A[i & Inputs.Mask]);
        }

        private struct Q15AddSat : IOperation
        {
            public long Invoke(int i) => Q15.AddSat(Inputs.Q15Values[i & Inputs.Mask], Inputs.Q15Others[(i + 1) & Inputs.Mask]);
        }

        private struct Q15SubSat : IOperation
        {
            public long Invoke(int i) => Q15.SubSat(Inputs.Q15Values[i & Inputs.Mask], Inputs.Q15Others[(i + 1) & Inputs.Mask]);
        }

        private struct Q15MulRoundSat : IOperation
        {
            public long Invoke(int i) => Q15.MulRoundSat(Inputs.Q15Values[i & Inputs.Mask], Inputs.Q15Others[(i + 1) & Inputs.Mask]);
        }

        private struct Q15DivRoundSat : IOperation
        {
            public long Invoke(int i) => Q15.DivRoundSat(Inputs.Q15Values[i & Inputs.Mask], Inputs.NonZero[(i + 1) & Inputs.Mask]);
        }

        private struct IntDivRoundSat : IOperation
        {
            public long Invoke(int i) => IntDiv.RoundSat(Inputs.Wide[i & Inputs.Mask], Inputs.NonZero[(i + 1) & Inputs.Mask]);
        }

        private struct MulDivNarrow : IOperation
        {
            public long Invoke(int i) => (long)MulDiv.RoundSat(Inputs.U32[i & Inputs.Mask], Inputs.U32[(i + 1) & Inputs.Mask], Inputs.SmallFactors[(i + 2) & Inputs.Mask] | 1);
        }

        private struct MulDivWide : IOperation
        {
            public long Invoke(int i) => (long)MulDiv.RoundSat(Inputs.U64Wide[i & Inputs.Mask], Inputs.U64Wide[(i + 1) & Inputs.Mask], ulong.MaxValue - Inputs.U32[(i + 2) & Inputs.Mask]);
        }

        private struct SqrtFloor32 : IOperation
        {
            public long Invoke(int i) => IntSqrt.Floor32(Inputs.U32[i & Inputs.Mask]);
        }

        private struct SqrtFloor64Narrow : IOperation
        {
            public long Invoke(int i) => IntSqrt.Floor64(Inputs.U64Narrow[i & Inputs.Mask]);
        }

        private struct SqrtFloor64Wide : IOperation
        {
            public long Invoke(int i) => IntSqrt.Floor64(Inputs.U64Wide[i & Inputs.Mask]);
        }

        private readonly struct ScaleApply : IOperation
        {
            private readonly LinearScale _scale;

            public ScaleApply(LinearScale scale) => _scale = scale;

            public long Invoke(int i) => _scale.Apply(Inputs.Q15Values[i & Inputs.Mask]);
        }

        private readonly struct ScaleApplyScaled : IOperation
        {
            private readonly LinearScale _scale;

            public ScaleApplyScaled(LinearScale scale) => _scale = scale;

            public long Invoke(int i) => _scale.ApplyScaled(Inputs.A[i & Inputs.Mask], 8);
        }

        private struct SquashRational : IOperation
        {
            public long Invoke(int i) => Squash.RationalQ15(Inputs.A[i & Inputs.Mask], 3 << 16);
        }
    }
}
