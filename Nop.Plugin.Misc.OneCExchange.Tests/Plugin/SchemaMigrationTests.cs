using NUnit.Framework;
using Nop.Core;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Misc.OneCExchange.Data.Migrations;
using OneCExchange.Tests.Support;

namespace OneCExchange.Tests.Plugin;

/// <summary>Every table the plugin's services use is created on install, with sized (indexable) string columns.</summary>
public class SchemaMigrationTests
{
    private static readonly Type[] Entities = typeof(SchemaMigration).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(BaseEntity)))
        .OrderBy(t => t.Name)
        .ToArray();

    // The base schema and the later migrations that create tables on install too.
    private static string MigrationSource => string.Concat(Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "Nop.Plugin.Misc.OneCExchange",
        "Data", "Migrations"), "*.cs").Order().Select(File.ReadAllText));

    [Test]
    public void The_plugin_has_its_entities() =>
        Assert.That(Entities.Select(t => t.Name), Is.SupersetOf(new[] { "OneCMapping", "OneCExchangeSession", "OneCOrderExport" }));

    [TestCaseSource(nameof(Entities))]
    public void The_install_migration_creates_the_table_of(Type entity) =>
        Assert.That(MigrationSource, Does.Contain($"Create.TableFor<{entity.Name}>()"));

    [TestCaseSource(nameof(Entities))]
    public void Every_indexed_column_of_the_table_is_declared_with_a_size_by_its_builder(Type entity)
    {
        var builder = typeof(SchemaMigration).Assembly.GetTypes()
            .SingleOrDefault(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(NopEntityBuilder<>)
                && b.GetGenericArguments()[0] == entity);
        var indexed = System.Text.RegularExpressions.Regex.Matches(MigrationSource, $@"Index<{entity.Name}>\((.*?)\);", System.Text.RegularExpressions.RegexOptions.Singleline)
            .SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.Groups[1].Value, @"nameof\(\w+\.(\w+)\)").Select(n => n.Groups[1].Value))
            .Distinct()
            .Where(p => entity.GetProperty(p)!.PropertyType == typeof(string))
            .ToList();
        if (indexed.Count == 0)
            return;
        Assert.That(builder, Is.Not.Null, $"{entity.Name} has indexed string columns but no NopEntityBuilder");
        var builderSource = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Nop.Plugin.Misc.OneCExchange", "Data", "Mapping", builder!.Name + ".cs"));
        foreach (var property in indexed)
            Assert.That(builderSource, Does.Match($@"WithColumn\(nameof\({entity.Name}\.{property}\)\)\.AsString\("),
                $"{entity.Name}.{property} is indexed, so it needs a size (nopCommerce maps strings to unbounded columns)");
    }
}
