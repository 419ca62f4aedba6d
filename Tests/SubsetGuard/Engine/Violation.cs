namespace SensorNode.SubsetGuard
{
    /// <summary>One finding: printed as "path:line: rule: detail" (repo-relative path, 1-based line).</summary>
    internal sealed record Violation(string Path, int Line, string Rule, string Detail)
    {
        public override string ToString() => $"{Path}:{Line}: {Rule}: {Detail}";
    }
}
