using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookRunner.Export;

/// <summary>
/// Puts the cells of a notebook into one scope, as a file-based app's top-level statements need. In the kernel each cell
/// is its own submission: a later cell may declare a variable again (it hides the earlier one), and a block inside a cell
/// may reuse the name of another cell's variable. In one scope both are errors, so a variable declared again becomes
/// <c>name_N</c> (N its cell) from there on, and a block's variable that reuses a top-level name becomes <c>name_</c>.
/// Lambdas and local functions may reuse names in C#, so their parameters and locals keep theirs.
/// </summary>
internal static class CellScopes
{
    private static readonly CSharpParseOptions TopLevel = new(LanguageVersion.Latest, kind: SourceCodeKind.Regular);

    /// <summary>The cells' statements with the names changed; <paramref name="cells"/> holds each cell's number and statements.</summary>
    public static List<string> Flatten(IReadOnlyList<(int CellNumber, string Statements)> cells)
    {
        var roots = cells.Select(c => CSharpSyntaxTree.ParseText(c.Statements, TopLevel).GetRoot()).ToList();

        // Every name the program scope will hold, once renamed: a block may not reuse any of them.
        var declaredBefore = new HashSet<string>(StringComparer.Ordinal);
        var renames = new List<Dictionary<string, string>>();
        foreach (var (root, number) in roots.Zip(cells.Select(c => c.CellNumber)))
        {
            var cellRenames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in Declarations(root).Where(d => d.Scope is null).Select(d => d.Token.ValueText).Distinct())
            {
                cellRenames[name] = declaredBefore.Add(name) ? name : $"{name}_{number}";
            }

            renames.Add(cellRenames);
        }

        var programNames = new HashSet<string>(renames.SelectMany(r => r.Keys.Concat(r.Values)), StringComparer.Ordinal);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<string>();
        for (var i = 0; i < roots.Count; i++)
        {
            foreach (var (name, emitted) in renames[i])
            {
                current[name] = emitted;
            }

            result.Add(Rename(roots[i], current, programNames));
        }

        return result;
    }

    private static string Rename(SyntaxNode root, Dictionary<string, string> current, HashSet<string> programNames)
    {
        var inner = Declarations(root).Where(d => d.Scope is not null).ToLookup(d => d.Scope!, d => d.Token.ValueText);
        var tokens = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && IsVariableName(t)).ToList();
        return root.ReplaceTokens(tokens, (original, _) =>
        {
            var name = original.ValueText;
            var scope = original.Parent!.Ancestors().FirstOrDefault(a => inner[a].Contains(name));
            var emitted = scope is null ? current.GetValueOrDefault(name, name)
                        : programNames.Contains(name) && !InsideFunction(scope) ? name + "_"
                        : name;
            return emitted == name ? original : SyntaxFactory.Identifier(original.LeadingTrivia, emitted, original.TrailingTrivia);
        }).ToFullString();
    }

    // Each declared name with the node that scopes it; null for the program scope (a top-level statement's own locals).
    private static IEnumerable<(SyntaxToken Token, SyntaxNode? Scope)> Declarations(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case ParameterSyntax parameter when parameter.Ancestors().FirstOrDefault(IsFunction) is { } function:
                    yield return (parameter.Identifier, function);
                    break;
                case ForEachStatementSyntax loop:
                    yield return (loop.Identifier, loop);
                    break;
                case CatchDeclarationSyntax caught when caught.Identifier.ValueText.Length > 0:
                    yield return (caught.Identifier, caught.Parent!);
                    break;
                case VariableDeclaratorSyntax variable when variable.Parent?.Parent is ForStatementSyntax or UsingStatementSyntax or FixedStatementSyntax:
                    yield return (variable.Identifier, variable.Parent.Parent);
                    break;
                case VariableDeclaratorSyntax variable:
                    yield return (variable.Identifier, EnclosingScope(variable));
                    break;
                case SingleVariableDesignationSyntax designation:
                    yield return (designation.Identifier, EnclosingScope(designation));
                    break;
                case LocalFunctionStatementSyntax function:
                    yield return (function.Identifier, EnclosingScope(function));
                    break;
            }
        }
    }

    // The block, switch section or function a local belongs to; null when it is a top-level statement's.
    private static SyntaxNode? EnclosingScope(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is BlockSyntax or SwitchSectionSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax
                                                  or GlobalStatementSyntax) is { } scope and not GlobalStatementSyntax
            ? scope
            : null;

    private static bool InsideFunction(SyntaxNode scope) => scope.AncestorsAndSelf().Any(IsFunction);

    private static bool IsFunction(SyntaxNode node) => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    // Identifiers that name a local or a parameter: declarations and simple names, not members (x.Name, Name = in an
    // initializer, name: in a call) or the right side of a qualified name.
    private static bool IsVariableName(SyntaxToken token) => token.Parent switch
    {
        IdentifierNameSyntax name => name.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression == name,
            MemberBindingExpressionSyntax or NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax => false,
            AssignmentExpressionSyntax assignment => !(assignment.Left == name && assignment.Parent is InitializerExpressionSyntax),
            _ => true,
        },
        VariableDeclaratorSyntax or ParameterSyntax or ForEachStatementSyntax or CatchDeclarationSyntax or SingleVariableDesignationSyntax
            or LocalFunctionStatementSyntax => true,
        _ => false,
    };
}
