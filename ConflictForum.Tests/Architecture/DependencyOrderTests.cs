using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;

namespace ConflictForum.Tests.Architecture;

/// <summary>
/// Dependencies run one way, in the order the README's architecture section states: a layer may use the layers before
/// it and never one after it. Read from the compiled assembly, so a type used through a Razor file's <c>@using</c>
/// counts as much as one named in C#. <c>ForumGuardian</c> (one partial class, a part per feature) and
/// <c>ForumDbContext</c> (every feature's tables) are the two places that know every feature by design. A feature's folder
/// holds its components beside its services (DESIGN.md), but they are a layer of their own: the panels of the features
/// that a dispute's page composes may show what any later feature adds, and no service may use a component.
/// </summary>
public sealed class DependencyOrderTests
{
    /// <summary>Lowest first: each layer is the types of the namespaces matching its pattern, of the kind it names.</summary>
    public static readonly (string Layer, string Namespaces, Kind Kind)[] Order =
    [
        ("Data", @"^ConflictForum\.(Data|Migrations\.\w+)$", Kind.Any),
        ("Platform", @"^ConflictForum\.Platform(\..+)?$", Kind.Any),
        ("Accounts", @"^ConflictForum\.Features\.Accounts(\.Shared)?$", Kind.Any),
        ("Content", @"^ConflictForum\.Features\.Content$", Kind.Any),
        ("Timeline", @"^ConflictForum\.Features\.Timeline$", Kind.Service),
        ("Organisations", @"^ConflictForum\.Features\.Organisations$", Kind.Service),
        ("Disputes", @"^ConflictForum\.Features\.Disputes$", Kind.Service),
        ("Deliberation", @"^ConflictForum\.Features\.Deliberation$", Kind.Service),
        ("Settlements", @"^ConflictForum\.Features\.Settlements$", Kind.Service),
        ("Track records", @"^ConflictForum\.Features\.TrackRecords$", Kind.Service),
        ("Moderation", @"^ConflictForum\.Features\.Moderation$", Kind.Any),
        ("Mediations", @"^ConflictForum\.Features\.Mediations$", Kind.Service),
        ("Notifications", @"^ConflictForum\.Features\.Notifications$", Kind.Any),
        ("Record", @"^ConflictForum\.Features\.Record$", Kind.Any),
        ("Panels", @"^ConflictForum\.Features\.(Timeline|Disputes|Deliberation|Settlements|Mediations|Organisations|TrackRecords)$",
            Kind.Component),
        ("Feature pages and the readers' stream", @"^ConflictForum\.Features\.(\w+\.Pages(\..+)?|Live(\..+)?|Admin)$", Kind.Any),
        ("Shell", @"^ConflictForum\.Components(\..+)?$", Kind.Any),
    ];

    /// <summary>Which types of its namespaces a layer holds.</summary>
    public enum Kind
    {
        Any,

        /// <summary>Everything but the Razor components.</summary>
        Service,

        /// <summary>The Razor components.</summary>
        Component,
    }

    /// <summary>Every type of the app declared in a namespace (nested types go with theirs), but the guardian's, which is shared
    /// by design (see the class summary).</summary>
    private static readonly Type[] AppTypes = [.. typeof(Program).Assembly.GetTypes()
        .Where(t => !t.IsNested && t.Namespace is { } n && n.StartsWith("ConflictForum.", StringComparison.Ordinal)
            && n != typeof(ConflictForum.Features.ForumGuardian).Namespace)];

    public static TheoryData<string> Layers => [.. Order.Select(o => o.Layer)];

    [Fact]
    public void Every_type_of_the_app_has_its_layer()
    {
        var unplaced = AppTypes.Where(t => Order.Count(o => Holds(o.Namespaces, o.Kind, t)) != 1).Select(t => t.FullName);
        Assert.Empty(unplaced);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_never_uses_a_layer_after_it(string layer)
    {
        var index = Array.FindIndex(Order, o => o.Layer == layer);
        var (namespaces, kind) = (Order[index].Namespaces, Order[index].Kind);
        // Named by their full names: a later layer's types, and the app's entry points.
        var after = Order[(index + 1)..].SelectMany(o => AppTypes.Where(t => Holds(o.Namespaces, o.Kind, t)))
            .Select(t => t.FullName!)
            .Append(typeof(Program).FullName!).Append("ConflictForum.StartupCommands").Append("ConflictForum.DemoSeeder")
            .ToArray();
        var types = Types.InAssembly(typeof(Program).Assembly).That().ResideInNamespaceMatching(namespaces);
        if (kind == Kind.Service) types = types.And().DoNotInherit(typeof(ComponentBase));
        if (kind == Kind.Component) types = types.And().Inherit(typeof(ComponentBase));
        if (layer == "Data") types = types.And().DoNotHaveNameMatching("ForumDbContext$");

        var result = types.ShouldNot().HaveDependencyOnAny(after).GetResult();

        Assert.True(result.IsSuccessful, $"{layer} uses a layer after it:\n  " + string.Join("\n  ", result.FailingTypeNames ?? []));
    }

    private static bool Holds(string namespaces, Kind kind, Type type) =>
        Regex.IsMatch(type.Namespace!, namespaces) && kind switch
        {
            Kind.Service => !type.IsSubclassOf(typeof(ComponentBase)),
            Kind.Component => type.IsSubclassOf(typeof(ComponentBase)),
            _ => true,
        };
}
