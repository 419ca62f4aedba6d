using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SensorNode.SubsetGuard
{
    /// <summary>
    /// Walks one syntax tree with its semantic model and reports everything the nanoFramework 1.x build would
    /// reject: language features it lacks (by syntax) and framework symbols it lacks (by symbol, against the
    /// allow-list). Symbols from the compilation's own source assemblies are the project's code and pass.
    /// </summary>
    internal sealed class SubsetRules : CSharpSyntaxWalker
    {
        private readonly SemanticModel model;
        private readonly AllowList allowList;
        private readonly ISet<string> sourceAssemblies;
        private readonly DevicePackages packages;
        private readonly Findings findings;

        private SubsetRules(SemanticModel model, AllowList allowList, ISet<string> sourceAssemblies, DevicePackages packages,
            Findings findings)
        {
            this.model = model;
            this.allowList = allowList;
            this.sourceAssemblies = sourceAssemblies;
            this.packages = packages;
            this.findings = findings;
        }

        /// <param name="sourceAssemblies">Names of the assemblies compiled from analysed or referenced sources.</param>
        /// <param name="packages">The project's nanoFramework packages, which every allow-listed member used must come from.</param>
        public static void Check(SemanticModel model, AllowList allowList, ISet<string> sourceAssemblies, DevicePackages packages,
            Findings findings)
        {
            new SubsetRules(model, allowList, sourceAssemblies, packages, findings).Visit(model.SyntaxTree.GetRoot());
        }

        public override void Visit(SyntaxNode node)
        {
            if (node == null)
            {
                return;
            }
            if (node is AttributeSyntax attribute)
            {
                // The attribute's name binds to its constructor; check the type and the constructor once here.
                var constructor = model.GetSymbolInfo(attribute).Symbol;
                CheckSymbol(constructor?.ContainingType, attribute);
                CheckSymbol(constructor, attribute);
                Visit(attribute.ArgumentList);
                return;
            }
            CheckSyntax(node);
            CheckSemantics(node);
            base.Visit(node);
        }

        // ---- language features, by syntax ----

        private void CheckSyntax(SyntaxNode node)
        {
            foreach (var token in node.ChildTokens())
            {
                if (token.IsKind(SyntaxKind.AsyncKeyword))
                {
                    Report(token.GetLocation(), RuleIds.Async, "'async': nanoFramework 1.x has no async/await or Task; use a thread or a polled state machine");
                }
                else if (token.IsKind(SyntaxKind.AwaitKeyword) && !(node is AwaitExpressionSyntax))
                {
                    Report(token.GetLocation(), RuleIds.Async, "'await' foreach/using: nanoFramework 1.x has no async/await");
                }
                else if (token.IsKind(SyntaxKind.VolatileKeyword))
                {
                    Report(token.GetLocation(), RuleIds.Volatile, "'volatile' field: not supported on nanoFramework 1.x; use lock or Interlocked");
                }
            }

            switch (node)
            {
                case TypeParameterListSyntax typeParameters:
                    Report(node, RuleIds.GenericDeclaration, $"'{DeclarationName(node.Parent)}{typeParameters}' declares type parameters: nanoFramework 1.x has no generics at run time; write a non-generic type or method");
                    break;
                case MemberDeclarationSyntax member when member.Parent is InterfaceDeclarationSyntax
                        && member.Modifiers.Any(SyntaxKind.StaticKeyword)
                        && (member.Modifiers.Any(SyntaxKind.AbstractKeyword) || member.Modifiers.Any(SyntaxKind.VirtualKeyword)):
                    Report(node, RuleIds.StaticAbstract, "static abstract/virtual interface member: not supported on nanoFramework 1.x");
                    break;
                case QueryExpressionSyntax _:
                    Report(node, RuleIds.Linq, "query expression: nanoFramework has no LINQ; write a loop");
                    break;
                case AwaitExpressionSyntax _:
                    Report(node, RuleIds.Async, "'await': nanoFramework 1.x has no async/await or Task");
                    break;
                case YieldStatementSyntax _:
                    Report(node, RuleIds.Yield, "'yield': iterators are not supported on nanoFramework 1.x; fill an array or write an IEnumerator class");
                    break;
                case StackAllocArrayCreationExpressionSyntax _:
                case ImplicitStackAllocArrayCreationExpressionSyntax _:
                    Report(node, RuleIds.Stackalloc, "'stackalloc': not supported on nanoFramework 1.x; use a buffer allocated once at start-up");
                    break;
                case RecordDeclarationSyntax _:
                    Report(node, RuleIds.Record, "record declaration: not supported on nanoFramework 1.x; write a class or struct");
                    break;
                case TupleTypeSyntax _:
                case TupleExpressionSyntax _:
                    Report(node, RuleIds.Tuple, $"tuple '{node}': System.ValueTuple is generic and missing on nanoFramework 1.x; use out parameters or a small struct");
                    break;
                case RangeExpressionSyntax _:
                    Report(node, RuleIds.Range, $"range '{node}': System.Range is missing on nanoFramework 1.x; use explicit indexes");
                    break;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.IndexExpression):
                    Report(node, RuleIds.Range, $"index from end '{node}': System.Index is missing on nanoFramework 1.x; use Length - n");
                    break;
                case ArrayRankSpecifierSyntax rank when rank.Rank > 1:
                    Report(node, RuleIds.MultiDimensionalArray, $"multi-dimensional array '{rank}': not supported on nanoFramework 1.x; use a jagged array or a flat array with an index");
                    break;
                case PredefinedTypeSyntax predefined when predefined.Keyword.IsKind(SyntaxKind.DecimalKeyword):
                    Report(node, RuleIds.Decimal, "'decimal': not supported on nanoFramework 1.x; use scaled integers");
                    break;
                case LiteralExpressionSyntax literal when literal.Token.Value is decimal:
                    Report(node, RuleIds.Decimal, $"decimal literal '{literal}': not supported on nanoFramework 1.x; use scaled integers");
                    break;
                case AnonymousObjectCreationExpressionSyntax _:
                    Report(node, RuleIds.GenericUse, "anonymous type: compiles to a generic class, and nanoFramework 1.x has no generics; declare a type");
                    break;
            }
        }

        // ---- framework symbols, by semantic model ----

        private void CheckSemantics(SyntaxNode node)
        {
            switch (node)
            {
                case SimpleNameSyntax _:
                case NullableTypeSyntax _:
                    CheckSymbol(SymbolOf(node), node);
                    break;
                case ObjectCreationExpressionSyntax _:
                case ConstructorInitializerSyntax _:
                case ElementAccessExpressionSyntax _:
                case ElementBindingExpressionSyntax _:
                    CheckSymbol(model.GetSymbolInfo(node).Symbol, node);
                    break;
                case ImplicitObjectCreationExpressionSyntax _:
                    var constructor = model.GetSymbolInfo(node).Symbol;
                    CheckSymbol(constructor?.ContainingType, node);
                    CheckSymbol(constructor, node);
                    break;
                case BinaryExpressionSyntax _:
                case PrefixUnaryExpressionSyntax _:
                case PostfixUnaryExpressionSyntax _:
                case AssignmentExpressionSyntax _:
                case CastExpressionSyntax _:
                    // Operators and explicit conversions declared by framework types (built-in ones have no IL call).
                    if (model.GetSymbolInfo(node).Symbol is IMethodSymbol op && op.MethodKind != MethodKind.BuiltinOperator)
                    {
                        CheckSymbol(op, node);
                    }
                    break;
                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                    foreach (var element in initializer.Expressions)
                    {
                        CheckSymbol(model.GetCollectionInitializerSymbolInfo(element).Symbol, element);
                    }
                    break;
                case CommonForEachStatementSyntax forEach:
                    CheckForEach(forEach);
                    break;
                case ClassDeclarationSyntax declaration:
                    CheckImplicitBaseConstructors(declaration);
                    break;
            }

            if (node is ExpressionSyntax expression)
            {
                var conversion = model.GetConversion(expression);
                if (conversion.IsUserDefined)
                {
                    CheckSymbol(conversion.MethodSymbol, node);
                }
            }
        }

        private ISymbol SymbolOf(SyntaxNode node)
        {
            var info = model.GetSymbolInfo(node);
            if (info.Symbol != null)
            {
                return info.Symbol;
            }
            // A method group (as in nameof(Math.Abs)) needs any one overload on the device.
            return info.CandidateSymbols.FirstOrDefault(c => allowList.Contains(DocId(c)))
                ?? info.CandidateSymbols.FirstOrDefault();
        }

        private void CheckForEach(CommonForEachStatementSyntax forEach)
        {
            var collectionType = model.GetTypeInfo(forEach.Expression).Type;
            if (collectionType is IArrayTypeSymbol)
            {
                return; // arrays are indexed directly; no enumerator is called
            }
            var info = model.GetForEachStatementInfo(forEach);
            var at = forEach.Expression;
            CheckSymbol(info.GetEnumeratorMethod, at);
            if (collectionType?.SpecialType == SpecialType.System_String)
            {
                // Binding needs GetEnumerator, but strings are lowered to the indexer and Length; the host's
                // CharEnumerator members are never called.
                return;
            }
            CheckSymbol(info.MoveNextMethod, at);
            CheckSymbol(info.CurrentProperty, at);
        }

        private void CheckImplicitBaseConstructors(ClassDeclarationSyntax declaration)
        {
            if (!(model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type) || type.IsStatic)
            {
                return;
            }
            var baseType = type.BaseType;
            if (baseType == null || baseType.SpecialType == SpecialType.System_Object || IsSource(baseType))
            {
                return;
            }
            var baseConstructor = baseType.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.IsImplicitlyDeclared)
                {
                    CheckSymbol(baseConstructor, declaration.Identifier.GetLocation());
                    continue;
                }
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is ConstructorDeclarationSyntax syntax
                        && syntax.SyntaxTree == model.SyntaxTree
                        && declaration.Span.Contains(syntax.Span)
                        && syntax.Initializer == null)
                    {
                        CheckSymbol(baseConstructor, syntax.Identifier.GetLocation());
                    }
                }
            }
        }

        private void CheckSymbol(ISymbol symbol, SyntaxNode at)
        {
            CheckSymbol(symbol, at.GetLocation());
        }

        private void CheckSymbol(ISymbol symbol, Location at)
        {
            if (symbol is IAliasSymbol alias)
            {
                symbol = alias.Target;
            }
            switch (symbol)
            {
                case INamespaceSymbol ns:
                    if (IsLinqNamespace(ns))
                    {
                        Report(at, RuleIds.Linq, $"namespace {ns}: nanoFramework has no LINQ; write a loop");
                    }
                    break;
                case ITypeSymbol type:
                    CheckType(type, at);
                    break;
                case IMethodSymbol _:
                case IPropertySymbol _:
                case IFieldSymbol _:
                case IEventSymbol _:
                    CheckMember(symbol, at);
                    break;
                // Locals, parameters, labels, range variables, type parameters and discards are the code's own.
            }
        }

        private void CheckType(ITypeSymbol type, Location at)
        {
            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank > 1)
                {
                    Report(at, RuleIds.MultiDimensionalArray, $"multi-dimensional array {array}: not supported on nanoFramework 1.x; use a jagged array or a flat array with an index");
                }
                CheckType(array.ElementType, at);
                return;
            }
            if (type is IPointerTypeSymbol pointer)
            {
                CheckType(pointer.PointedAtType, at);
                return;
            }
            if (type.TypeKind == TypeKind.Dynamic)
            {
                Report(at, RuleIds.NotAllowListed, "'dynamic' needs the dynamic language runtime, which nanoFramework lacks; use object and casts");
                return;
            }
            if (!(type is INamedTypeSymbol named) || named.IsAnonymousType || type is IErrorTypeSymbol)
            {
                return; // type parameters are reported where declared, anonymous types where created
            }
            var definition = named.OriginalDefinition;
            if (ReportForbiddenType(definition, named.ToDisplayString(), at) || IsPrimitiveKeywordType(definition))
            {
                return;
            }
            if (IsGeneric(named))
            {
                ReportGenericUnlessAllowListed(definition, named, at);
                return;
            }
            if (!IsSource(definition))
            {
                RequireAllowListed(definition, at);
            }
        }

        private void CheckMember(ISymbol member, Location at)
        {
            if (member is IMethodSymbol method)
            {
                if (method.MethodKind == MethodKind.BuiltinOperator)
                {
                    return;
                }
                member = method.ReducedFrom ?? method; // extension methods are checked as declared
            }
            var definition = member.OriginalDefinition;
            var containing = definition.ContainingType;
            if (containing == null || containing.IsAnonymousType)
            {
                return;
            }
            if (ReportForbiddenType(containing, member.ToDisplayString(), at) || ReportNamedBan(definition, at))
            {
                return;
            }
            if ((member is IMethodSymbol m && m.IsGenericMethod) || IsGeneric(containing))
            {
                ReportGenericUnlessAllowListed(definition, member, at);
                return;
            }
            if (!IsSource(definition))
            {
                RequireAllowListed(definition, at);
            }
        }

        /// <summary>Types whose whole feature is missing on nanoFramework 1.x, with a rule of their own.</summary>
        private bool ReportForbiddenType(INamedTypeSymbol definition, string used, Location at)
        {
            var name = MetadataName(definition);
            if (IsLinqNamespace(definition.ContainingNamespace))
            {
                Report(at, RuleIds.Linq, $"{used}: nanoFramework has no LINQ; write a loop");
            }
            else if (name == "System.Span`1" || name == "System.ReadOnlySpan`1" || name == "System.Memory`1" || name == "System.ReadOnlyMemory`1")
            {
                Report(at, RuleIds.Span, $"{used}: Span<T>/Memory<T> are missing on nanoFramework 1.x; use arrays with offset and count (SpanByte only at the device APIs)");
            }
            else if (name == "System.Nullable`1")
            {
                Report(at, RuleIds.NullableValueType, $"{used}: nullable value types are not supported on nanoFramework 1.x; use a flag or a sentinel value");
            }
            else if (definition.SpecialType == SpecialType.System_Decimal)
            {
                Report(at, RuleIds.Decimal, $"{used}: 'decimal' is not supported on nanoFramework 1.x; use scaled integers");
            }
            else if (name == "System.Index" || name == "System.Range")
            {
                Report(at, RuleIds.Range, $"{used}: System.Index/System.Range are missing on nanoFramework 1.x; use explicit indexes");
            }
            else if (definition.IsTupleType || name.StartsWith("System.ValueTuple", System.StringComparison.Ordinal))
            {
                Report(at, RuleIds.Tuple, $"{used}: tuples are missing on nanoFramework 1.x; use out parameters or a small struct");
            }
            else
            {
                return false;
            }
            return true;
        }

        /// <summary>Members NANOFRAMEWORK.md names as missing get a rule and message of their own.</summary>
        private bool ReportNamedBan(ISymbol definition, Location at)
        {
            var type = MetadataName(definition.ContainingType);
            string rule = null, advice = null;
            if (type == "System.String" && definition.Name == "Join")
            {
                rule = RuleIds.StringJoin;
                advice = "string.Join is missing on nanoFramework; append the parts in a loop";
            }
            else if (type == "System.String" && definition.Name == "Replace")
            {
                rule = RuleIds.StringReplace;
                advice = "string.Replace is missing on nanoFramework; rebuild the string with IndexOf/Substring";
            }
            else if (type == "System.GC" && definition.Name == "Collect")
            {
                rule = RuleIds.GcCollect;
                advice = "GC.Collect is missing on nanoFramework; nanoFramework.Runtime.Native's GC.Run(bool) is the device call, and steady state should not allocate";
            }
            else if (type == "System.Enum" && definition.Name == "IsDefined")
            {
                rule = RuleIds.EnumIsDefined;
                advice = "Enum.IsDefined is missing on nanoFramework; compare against the enum's first and last members";
            }
            else if (type == "System.Enum" && definition.Name == "GetValues")
            {
                rule = RuleIds.EnumGetValues;
                advice = "Enum.GetValues is missing on nanoFramework; keep an explicit array of the values";
            }
            if (rule == null)
            {
                return false;
            }
            Report(at, rule, $"{definition.ToDisplayString()}: {advice}");
            return true;
        }

        private void ReportGenericUnlessAllowListed(ISymbol definition, ISymbol used, Location at)
        {
            var id = DocId(definition);
            if (allowList.Contains(id))
            {
                UseEntry(id, at);
                return;
            }
            var hint = IsSource(definition)
                ? string.Empty
                : $" (a host-only generic member standing for non-generic nanoFramework overloads, like MSTest's Assert.AreEqual<T>, may be allow-listed with the line '{id}')";
            Report(at, RuleIds.GenericUse, $"{used.ToDisplayString()} is generic: nanoFramework 1.x has no generics at run time; use arrays, ArrayList/Hashtable or a non-generic type{hint}");
        }

        private void RequireAllowListed(ISymbol definition, Location at)
        {
            var id = DocId(definition);
            if (allowList.Contains(id))
            {
                UseEntry(id, at);
                return;
            }
            if (id != null)
            {
                findings.MissingEntries.Add(id);
            }
            Report(at, RuleIds.NotAllowListed, $"{id ?? definition.ToDisplayString()} is not in {RepoPaths.AllowListRelativePath}; " +
                $"if the nanoFramework sources have it, add the line '{id}' under a '# nanoframework/<repo>: <file>' comment naming where");
        }

        private void UseEntry(string id, Location at)
        {
            findings.UsedEntries.Add(id);
            var package = allowList.PackageOf(id);
            if (!packages.Has(package))
            {
                Report(at, RuleIds.MissingPackage, $"{id} comes from {package} (the repository its allow-list block names), " +
                    $"which {packages.Where} does not list; add the package and its HintPath to the project, or avoid the member");
            }
        }

        private bool IsSource(ISymbol symbol) =>
            symbol.ContainingAssembly != null && sourceAssemblies.Contains(symbol.ContainingAssembly.Name);

        private static bool IsGeneric(INamedTypeSymbol type)
        {
            for (var t = type; t != null; t = t.ContainingType)
            {
                if (t.IsGenericType)
                {
                    return true;
                }
            }
            return false;
        }

        // The C# keywords for primitives: allowed as types without entries (their members still need entries).
        private static bool IsPrimitiveKeywordType(INamedTypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_String:
                case SpecialType.System_Object:
                case SpecialType.System_Void:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsLinqNamespace(INamespaceSymbol ns)
        {
            var name = ns?.ToDisplayString();
            return name == "System.Linq" || (name != null && name.StartsWith("System.Linq.", System.StringComparison.Ordinal));
        }

        private static string MetadataName(INamedTypeSymbol type)
        {
            if (type == null)
            {
                return string.Empty;
            }
            var ns = type.ContainingNamespace;
            var prefix = type.ContainingType != null
                ? MetadataName(type.ContainingType) + "+"
                : ns == null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";
            return prefix + type.MetadataName;
        }

        private static string DocId(ISymbol symbol) => symbol?.OriginalDefinition.GetDocumentationCommentId();

        private static string DeclarationName(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case BaseTypeDeclarationSyntax type: return type.Identifier.Text;
                case DelegateDeclarationSyntax del: return del.Identifier.Text;
                case MethodDeclarationSyntax method: return method.Identifier.Text;
                case LocalFunctionStatementSyntax local: return local.Identifier.Text;
                default: return declaration?.Kind().ToString();
            }
        }

        private void Report(SyntaxNode node, string rule, string detail)
        {
            Report(node.GetLocation(), rule, detail);
        }

        private void Report(Location location, string rule, string detail)
        {
            var span = location.GetLineSpan();
            findings.Violations.Add(new Violation(span.Path, span.StartLinePosition.Line + 1, rule, detail));
        }
    }
}
