using NetArchTest.Rules;

namespace ConflictForum.Tests.Architecture;

/// <summary>
/// Dependencies run one way, in the order the README's architecture section states: each layer may use the layers
/// before it and never one after it. Read from the compiled assembly, so a type used through a Razor file's
/// <c>@using</c> counts as much as one named in C#.
/// </summary>
public sealed class DependencyOrderTests
{
    /// <summary>Lowest first. <c>ConflictForum</c> itself (the composition root) and the shell come last.</summary>
    public static readonly string[] Order =
    [
        "ConflictForum.Platform",
        "ConflictForum.Features.Accounts",
        "ConflictForum.Features.Timeline",
        "ConflictForum.Features.Disputes",
        "ConflictForum.Features.Deliberation",
        "ConflictForum.Features.Moderation",
        "ConflictForum.Features.Live",
        "ConflictForum.Features.Admin",
        "ConflictForum.Components",
    ];

    public static TheoryData<string> Layers => [.. Order];

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_never_uses_a_layer_above_it(string layer)
    {
        var above = Order.SkipWhile(l => l != layer).Skip(1).Append("ConflictForum.Data.DemoSeeder").ToArray();
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace(layer)
            .ShouldNot().HaveDependencyOnAny(above)
            .GetResult();

        Assert.True(result.IsSuccessful, $"{layer} uses a layer above it:\n  " + string.Join("\n  ", result.FailingTypeNames ?? []));
    }

    /// <summary>The data layer lists every feature's entities in ForumDbContext, and nothing else in it knows a feature.</summary>
    [Fact]
    public void Only_the_database_context_in_Data_knows_the_features()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespace("ConflictForum.Data")
            .And().DoNotHaveNameMatching("ForumDbContext")
            .ShouldNot().HaveDependencyOnAny(Order[1..])
            .GetResult();

        Assert.True(result.IsSuccessful, "Data uses a feature:\n  " + string.Join("\n  ", result.FailingTypeNames ?? []));
    }
}
