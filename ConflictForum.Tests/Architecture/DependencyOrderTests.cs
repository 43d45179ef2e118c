using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace ConflictForum.Tests.Architecture;

/// <summary>
/// Dependencies run one way, in the order the README's architecture section states: a layer may use the layers before
/// it and never one after it. Read from the compiled assembly, so a type used through a Razor file's <c>@using</c>
/// counts as much as one named in C#. <c>ForumGuardian</c> (one partial class, a part per feature) and
/// <c>ForumDbContext</c> (every feature's tables) are the two places that know every feature by design.
/// </summary>
public sealed class DependencyOrderTests
{
    /// <summary>Lowest first: each layer is the namespaces matching its pattern.</summary>
    public static readonly (string Layer, string Namespaces)[] Order =
    [
        ("Data", @"^ConflictForum\.(Data|Migrations\.\w+)$"),
        ("Platform", @"^ConflictForum\.Platform(\..+)?$"),
        ("Accounts", @"^ConflictForum\.Features\.Accounts(\.Shared)?$"),
        ("Content", @"^ConflictForum\.Features\.Content$"),
        ("Timeline", @"^ConflictForum\.Features\.Timeline$"),
        ("Organisations", @"^ConflictForum\.Features\.Organisations$"),
        ("Disputes", @"^ConflictForum\.Features\.Disputes$"),
        ("Deliberation", @"^ConflictForum\.Features\.Deliberation$"),
        ("Settlements", @"^ConflictForum\.Features\.Settlements$"),
        ("Track records", @"^ConflictForum\.Features\.TrackRecords$"),
        ("Moderation", @"^ConflictForum\.Features\.Moderation(\.Components)?$"),
        ("Mediations", @"^ConflictForum\.Features\.Mediations$"),
        ("Notifications", @"^ConflictForum\.Features\.Notifications$"),
        ("Record", @"^ConflictForum\.Features\.Record$"),
        ("Panels",
            @"^ConflictForum\.Features\.(Timeline|Disputes|Deliberation|Settlements|Mediations|Organisations|TrackRecords)\.Components$"),
        ("Feature pages and the readers' stream", @"^ConflictForum\.Features\.(\w+\.Pages(\..+)?|Live(\..+)?|Admin)$"),
        ("Shell", @"^ConflictForum\.Components(\..+)?$"),
    ];

    /// <summary>Every namespace of the app but the guardian's, which is shared by design (see the class summary).</summary>
    private static readonly string[] Namespaces = [.. typeof(Program).Assembly.GetTypes()
        .Select(t => t.Namespace).OfType<string>()
        .Where(n => n.StartsWith("ConflictForum.", StringComparison.Ordinal) && n != typeof(ConflictForum.Features.ForumGuardian).Namespace)
        .Distinct()];

    public static TheoryData<string> Layers => [.. Order.Select(o => o.Layer)];

    [Fact]
    public void Every_namespace_of_the_app_has_its_layer()
    {
        var placed = Namespaces.Where(n => Order.Count(o => Regex.IsMatch(n, o.Namespaces)) == 1);
        Assert.Equal(Namespaces.Order(), placed.Order());
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_never_uses_a_layer_after_it(string layer)
    {
        var index = Array.FindIndex(Order, o => o.Layer == layer);
        var after = Order[(index + 1)..].SelectMany(o => Namespaces.Where(n => Regex.IsMatch(n, o.Namespaces)))
            .Append(typeof(Program).FullName!).Append("ConflictForum.StartupCommands").Append("ConflictForum.DemoSeeder")
            .ToArray();
        var types = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespaceMatching(Order[index].Namespaces);
        if (layer == "Data") types = types.And().DoNotHaveNameMatching("ForumDbContext$");

        var result = types.ShouldNot().HaveDependencyOnAny(after).GetResult();

        Assert.True(result.IsSuccessful, $"{layer} uses a layer after it:\n  " + string.Join("\n  ", result.FailingTypeNames ?? []));
    }
}
