namespace SensorNode.SubsetGuard
{
    /// <summary>The rule names violations carry; each is a nanoFramework 1.x limit from NANOFRAMEWORK.md.</summary>
    internal static class RuleIds
    {
        public const string GenericDeclaration = "generic-declaration";
        public const string GenericUse = "generic-use";
        public const string Linq = "linq";
        public const string Async = "async";
        public const string Yield = "yield";
        public const string Span = "span";
        public const string Stackalloc = "stackalloc";
        public const string NullableValueType = "nullable-value-type";
        public const string Record = "record";
        public const string Tuple = "tuple";
        public const string Range = "range";
        public const string Decimal = "decimal";
        public const string Volatile = "volatile";
        public const string StaticAbstract = "static-abstract";
        public const string MultiDimensionalArray = "multidimensional-array";
        public const string StringJoin = "string-join";
        public const string StringReplace = "string-replace";
        public const string GcCollect = "gc-collect";
        public const string EnumIsDefined = "enum-isdefined";
        public const string EnumGetValues = "enum-getvalues";
        public const string NotAllowListed = "not-allowlisted";

        /// <summary>An allow-listed member whose nanoFramework package the project's packages.config lacks.</summary>
        public const string MissingPackage = "missing-package";

        /// <summary>The sources do not compile against the host framework, so the other rules cannot be trusted.</summary>
        public const string Compile = "compile";
    }
}
