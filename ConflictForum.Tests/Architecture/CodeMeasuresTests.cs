using System.Text.RegularExpressions;
using ConflictForum.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace ConflictForum.Tests.Architecture;

/// <summary>
/// The sizes a newcomer can hold in their head: no hand-written file of the app over 300 lines, no method over 60
/// (generated migrations and the demo seeder aside), no line over 140 characters anywhere. Each test prints the figures.
/// </summary>
public sealed partial class CodeMeasuresTests(ITestOutputHelper output)
{
    private const int MaxFileLines = 300;
    private const int MaxMethodLines = 60;
    private const int MaxLineLength = 140;
    private const string App = "ConflictForum";
    private static readonly string[] Projects = [App, "ConflictForum.Tests", "ConflictForum.Benchmarks"];

    [Fact]
    public void No_file_of_the_app_runs_past_300_lines()
    {
        var sizes = SourceTree.In(App).Select(f => (File: f, Lines: LinesOf(SourceTree.Read(App, f)).Length))
            .OrderByDescending(s => s.Lines).ToList();

        output.WriteLine($"{sizes.Count} files in {App}/; the largest:");
        foreach (var (file, lines) in sizes.Take(5)) output.WriteLine($"  {lines,4}  {file}");
        Assert.Empty(sizes.Where(s => s.Lines > MaxFileLines).Select(s => $"{s.File}: {s.Lines} lines"));
    }

    [Fact]
    public void No_method_of_the_app_runs_past_60_lines()
    {
        var methods = SourceTree.In(App).Where(f => f != "DemoSeeder.cs")
            .SelectMany(f => MethodsOf(SourceTree.Read(App, f), f))
            .OrderByDescending(m => m.Lines).ToList();

        output.WriteLine($"{methods.Count} methods, accessors and local functions in {App}/; the longest:");
        foreach (var (name, lines) in methods.Take(5)) output.WriteLine($"  {lines,4}  {name}");
        Assert.Empty(methods.Where(m => m.Lines > MaxMethodLines).Select(m => $"{m.Name}: {m.Lines} lines"));
    }

    [Fact]
    public void No_line_runs_past_140_characters()
    {
        var longLines = Projects
            .SelectMany(p => SourceTree.In(p).SelectMany(f => LinesOf(SourceTree.Read(p, f))
                .Select((line, i) => (Where: $"{p}/{f}:{i + 1}", line.Length))))
            .Where(l => l.Length > MaxLineLength).ToList();

        output.WriteLine($"{longLines.Count} lines over {MaxLineLength} characters in {string.Join(", ", Projects)}.");
        Assert.Empty(longLines.Select(l => $"{l.Where} ({l.Length} characters)"));
    }

    [Fact]
    public void Each_file_of_the_app_holds_one_public_type_and_is_named_for_it()
    {
        var misfiled = SourceTree.In(App).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)).SelectMany(f =>
        {
            var types = CSharpSyntaxTree.ParseText(SourceTree.Read(App, f)).GetRoot().DescendantNodes()
                .OfType<BaseTypeDeclarationSyntax>()
                .Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax).ToList();
            var named = Path.GetFileNameWithoutExtension(f).Split('.')[0];
            var publicTypes = types.Where(t => t.Modifiers.Any(SyntaxKind.PublicKeyword)).Select(t => t.Identifier.Text)
                .Distinct().ToList();
            return publicTypes.Count > 1 ? [$"{f}: {string.Join(", ", publicTypes)}"]
                : types.Count > 0 && !types.Exists(t => t.Identifier.Text == named) ? [$"{f}: no type named {named}"]
                : Array.Empty<string>();
        }).ToList();

        output.WriteLine($"{misfiled.Count} files of {App}/ hold more than one public type or none named like the file.");
        Assert.Empty(misfiled);
    }

    private static string[] LinesOf(string text) => text.TrimEnd('\n').Split('\n');

    /// <summary>Every body in a C# file, or in a Razor file's <c>@code</c> blocks, with its length in lines.</summary>
    private static IEnumerable<(string Name, int Lines)> MethodsOf(string text, string file)
    {
        var code = file.EndsWith(".razor", StringComparison.Ordinal)
            ? "class Page {\n" + string.Join("\n", CodeBlock().Matches(text).Select(m => m.Groups["body"].Value)) + "\n}"
            : text;
        var root = CSharpSyntaxTree.ParseText(code).GetRoot();
        return root.DescendantNodes()
            .Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
            .Select(n => ($"{file} {NameOf(n)}", n.GetLocation().GetLineSpan() is var span
                ? span.EndLinePosition.Line - span.StartLinePosition.Line + 1 : 0));
    }

    private static string NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text + " (constructor)",
        LocalFunctionStatementSyntax l => l.Identifier.Text,
        AccessorDeclarationSyntax a => $"{(a.Parent?.Parent as PropertyDeclarationSyntax)?.Identifier.Text}.{a.Keyword.Text}",
        _ => node.Kind().ToString(),
    };

    /// <summary>A Razor <c>@code { ... }</c> block running to the closing brace at the start of a line.</summary>
    [GeneratedRegex(@"^@code\s*\{(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
