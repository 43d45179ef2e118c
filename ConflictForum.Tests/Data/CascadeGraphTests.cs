using ConflictForum.Data;
using Microsoft.EntityFrameworkCore;

namespace ConflictForum.Tests.Data;

/// <summary>
/// SQL Server refuses cascade cycles and two cascade paths to one table at migration time; SQLite does not, so this checks the model.
/// </summary>
public sealed class CascadeGraphTests
{
    [Fact]
    public void Cascade_deletes_form_no_cycle_and_reach_each_table_by_one_path_at_most()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var cascades = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade)
            .Select(fk => (Principal: fk.PrincipalEntityType.GetTableName()!, Dependent: fk.DeclaringEntityType.GetTableName()!))
            .ToList();
        Assert.All(cascades, edge => Assert.NotEqual(edge.Principal, edge.Dependent));

        foreach (var root in cascades.Select(c => c.Principal).Distinct())
        {
            var paths = new Dictionary<string, int>();
            void Walk(string table, HashSet<string> onPath)
            {
                foreach (var (_, dependent) in cascades.Where(c => c.Principal == table))
                {
                    Assert.False(onPath.Contains(dependent), $"Cascade cycle through {dependent}.");
                    paths[dependent] = paths.GetValueOrDefault(dependent) + 1;
                    Assert.True(paths[dependent] == 1, $"Deleting from {root} reaches {dependent} by two cascade paths.");
                    Walk(dependent, [.. onPath, dependent]);
                }
            }
            Walk(root, [root]);
        }
    }
}
