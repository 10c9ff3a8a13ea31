using System.Collections;
using System.Data;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Data.Mapping;
using Nop.Plugin.Misc.OneCExchange.Data.Migrations;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace OneCExchange.Tests.Plugin;

/// <summary>
/// The plugin compiles against thirdparty-ref's FluentMigrator facade; in the store it runs against the real
/// FluentMigrator. Here the plugin is loaded beside the real assemblies (the 8.0.1 NuGet serves; its fluent API is
/// the one 7.1.0 has): its migration and entity builder must load and JIT-compile, and the builder must define the
/// columns through the real FluentMigrator.
/// </summary>
public class FluentMigratorBindingTests
{
    private sealed class StoreLoadContext(string testDir, IReadOnlyDictionary<string, string> real) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            if (real.TryGetValue(name.Name!, out var path))
                return LoadFromAssemblyPath(path);
            var local = Path.Combine(testDir, name.Name + ".dll");
            return name.Name!.StartsWith("Nop.", StringComparison.Ordinal) || name.Name.StartsWith("OneCExchange.", StringComparison.Ordinal)
                ? LoadFromAssemblyPath(local)
                : null;
        }
    }

    private StoreLoadContext _context = null!;
    private Assembly _plugin = null!;
    private Assembly _realFluentMigrator = null!;

    [OneTimeSetUp]
    public void LoadBesideRealFluentMigrator()
    {
        var real = typeof(FluentMigratorBindingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith("RealFluentMigrator", StringComparison.Ordinal))
            .ToDictionary(a => a.Key["Real".Length..], a => a.Value!);
        foreach (var path in real.Values)
            if (!File.Exists(path))
                Assert.Ignore($"The real FluentMigrator is not in the NuGet cache ({path}); restore the test project.");

        _context = new StoreLoadContext(AppContext.BaseDirectory, real);
        _plugin = _context.LoadFromAssemblyPath(typeof(SchemaMigration).Assembly.Location);
        _realFluentMigrator = _context.LoadFromAssemblyName(new AssemblyName("FluentMigrator"));
        Assume.That(_realFluentMigrator.Location, Is.EqualTo(real["FluentMigrator"]), "the real FluentMigrator is loaded");
    }

    [OneTimeTearDown]
    public void Unload() => _context?.Unload();

    [TestCase(typeof(SchemaMigration), "Up")]
    [TestCase(typeof(ExchangeGuardMigration), "Up")]
    [TestCase(typeof(SessionSupersedeMigration), "Up")]
    [TestCase(typeof(MappingFillFactorMigration), "Up")]
    [TestCase(typeof(MappingSeenIndexMigration), "Up")]
    [TestCase(typeof(OneCMappingBuilder), nameof(OneCMappingBuilder.MapEntity))]
    public void Migration_code_binds_to_the_real_FluentMigrator(Type type, string method)
    {
        var loaded = _plugin.GetType(type.FullName!, throwOnError: true)!;
        var body = loaded.GetMethod(method)!;
        Assert.DoesNotThrow(() => RuntimeHelpers.PrepareMethod(body.MethodHandle), "every FluentMigrator member it calls exists");
        Assert.That(loaded.BaseType!.Assembly.GetName().Name, Is.AnyOf("FluentMigrator", "Nop.Data"));
    }

    [Test]
    public void Builder_defines_the_string_columns_through_the_real_FluentMigrator()
    {
        var abstractions = _context.LoadFromAssemblyName(new AssemblyName("FluentMigrator.Abstractions"));
        var expressionType = abstractions.GetType("FluentMigrator.Expressions.CreateTableExpression", throwOnError: true)!;
        var builderType = _realFluentMigrator.GetType("FluentMigrator.Builders.Create.Table.CreateTableExpressionBuilder", throwOnError: true)!;
        var expression = Activator.CreateInstance(expressionType)!;
        var builder = Activator.CreateInstance(builderType, expression, null)!;

        var entityBuilder = Activator.CreateInstance(_plugin.GetType(typeof(OneCMappingBuilder).FullName!, throwOnError: true)!)!;
        entityBuilder.GetType().GetMethod(nameof(OneCMappingBuilder.MapEntity))!.Invoke(entityBuilder, [builder]);

        var columns = ((IEnumerable)expressionType.GetProperty("Columns")!.GetValue(expression)!).Cast<object>()
            .Select(c => (Name: (string)Get(c, "Name")!, Type: (DbType?)Get(c, "Type"), Size: (int?)Get(c, "Size"), IsNullable: (bool?)Get(c, "IsNullable")))
            .ToList();

        Assert.That(columns, Is.EqualTo(new[]
        {
            (nameof(OneCMapping.OneCId), (DbType?)DbType.String, (int?)OneCMapping.OneCIdMaxLength, (bool?)false),
            (nameof(OneCMapping.ContentHash), DbType.String, OneCMapping.ContentHashMaxLength, true),
            (nameof(OneCMapping.LastSeenSessionId), DbType.String, OneCMapping.SessionIdMaxLength, true)
        }));
    }

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);
}
