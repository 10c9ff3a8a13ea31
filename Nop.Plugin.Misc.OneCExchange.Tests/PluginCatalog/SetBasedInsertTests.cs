using NUnit.Framework;
using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>The SQL a batch insert emits on PostgreSQL, and that MySQL and SQL Server keep nopCommerce's own list insert.</summary>
public class SetBasedInsertTests
{
    private static readonly SqlColumn[] Columns =
        [new("Id", typeof(int)), new("Price", typeof(decimal)), new("Name", typeof(string)), new("CreatedOnUtc", typeof(DateTime)), new("DownloadId", typeof(int?))];

    [Test]
    public void PostgreSQL_inserts_all_rows_from_one_typed_array_parameter_per_column()
    {
        var now = new DateTime(2026, 12, 7, 2, 30, 0, DateTimeKind.Utc);

        var statement = BatchInsertSql.Insert("Product", Columns, [[1, 10.5m, "A", now, 3], [2, 20m, null, now, null]]);

        Assert.That(statement.Sql, Is.EqualTo(
            "INSERT INTO \"Product\" (\"Id\", \"Price\", \"Name\", \"CreatedOnUtc\", \"DownloadId\") SELECT * FROM unnest(" +
            "CAST(@p0 AS integer[]), CAST(@p1 AS numeric[]), CAST(@p2 AS citext[]), CAST(@p3 AS timestamp[]), CAST(@p4 AS integer[]))"));
        Assert.That(statement.Parameters.Select(p => p.Key), Is.EqualTo(new[] { "p0", "p1", "p2", "p3", "p4" }));
        Assert.That(statement.Parameters[0].Value, Is.EqualTo(new[] { 1, 2 }).And.TypeOf<int[]>());
        Assert.That(statement.Parameters[1].Value, Is.EqualTo(new[] { 10.5m, 20m }).And.TypeOf<decimal[]>());
        Assert.That(statement.Parameters[2].Value, Is.EqualTo(new[] { "A", null }).And.TypeOf<string[]>());
        Assert.That(statement.Parameters[4].Value, Is.EqualTo(new int?[] { 3, null }).And.TypeOf<int?[]>());
        var times = (DateTime[])statement.Parameters[3].Value!;
        Assert.That(times.Select(t => (t.Ticks, t.Kind)), Is.All.EqualTo((now.Ticks, DateTimeKind.Unspecified)),
            "UTC values go as they are into columns without a time zone, never shifted by the session's time zone");
    }

    [Test]
    public void PostgreSQL_takes_the_new_ids_from_the_tables_sequence()
    {
        var statement = BatchInsertSql.NextIds("Product", "Id", 500);

        Assert.That(statement.Sql, Is.EqualTo(
            "SELECT CAST(nextval(CAST(@p0 AS regclass)) AS integer) FROM generate_series(1, @p1)"));
        Assert.That(statement.Parameters.Select(p => p.Value), Is.EqualTo(new object[] { "\"Product_Id_seq\"", 500 }));
    }

    [Test]
    public void Inserted_values_are_parameters_never_text_of_the_statement()
    {
        const string hostile = "x'); DROP TABLE \"Product\"; --";

        var statement = BatchInsertSql.Insert("Product", Columns, [[1, 1m, hostile, DateTime.UtcNow, null]]);

        Assert.That(statement.Sql, Does.Not.Contain("DROP"));
        Assert.That(statement.Parameters[2].Value, Is.EqualTo(new[] { hostile }));
    }

    [Test]
    public async Task On_PostgreSQL_the_updater_inserts_every_column_in_one_statement_gives_the_ids_and_publishes_nopCommerces_events()
    {
        var provider = new FakeDataProvider("PostgreSQL.9.2");
        var events = new FakeEventPublisher();
        var repository = new InMemoryRepository<Product>();
        var products = Enumerable.Range(1, 3).Select(i => new Product { Price = i, Name = "P" + i, Sku = "S" + i }).ToList();

        await new ConventionNamedUpdater(provider, events).InsertAsync(repository, products, publishEvents: true);

        Assert.That(provider.Executed.Select(e => e.Sql[..21]), Is.EqualTo(new[] { "SELECT CAST(nextval(C", "INSERT INTO \"Product\"" }));
        Assert.That(products.Select(p => p.Id), Is.EqualTo(new[] { 1, 2, 3 }), "the ids the sequence gave");
        var (sql, parameters) = provider.Executed[1];
        Assert.That(sql, Does.StartWith("INSERT INTO \"Product\" (\"Id\", "));
        Assert.That(sql, Does.Contain("\"Sku\"").And.Contain("\"ManageInventoryMethodId\"").And.Contain("\"UpdatedOnUtc\""));
        Assert.That(sql, Does.Not.Contain("\"ManageInventoryMethod\"").And.Not.Contain("\"ProductType\""),
            "properties that wrap a column are not columns");
        Assert.That(parameters[0].Value, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(parameters.Select(p => p.Value), Has.Some.EqualTo(new[] { "S1", "S2", "S3" }));
        Assert.That(repository.Rows, Is.Empty, "the statement is the insert (recorded here), not the repository");
        Assert.That(events.Published.OfType<EntityInsertedEvent<Product>>().Select(e => e.Entity.Id), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task On_MySQL_and_SQL_Server_the_updater_uses_the_repositorys_list_insert()
    {
        foreach (var name in new[] { "MySqlConnector", "SqlServer.2012" })
        {
            var provider = new FakeDataProvider(name);
            var repository = new InMemoryRepository<Product>();

            await new ConventionNamedUpdater(provider, new FakeEventPublisher()).InsertAsync(repository, [new Product { Name = "P" }], publishEvents: false);

            Assert.That(provider.Executed, Is.Empty, name);
            Assert.That(repository.Rows.Single().Name, Is.EqualTo("P"), name);
        }
    }

    [Test]
    public async Task A_new_batch_of_products_on_PostgreSQL_costs_the_same_statements_whatever_its_size()
    {
        async Task<List<string>> NewProductsAsync(int count)
        {
            var h = new StoreHarness(publishEntityEvents: false, dataProviderName: "PostgreSQL.9.2");
            var categoryId = await h.IdOf(new UpsertCategory { Key = "c", Name = "C" });
            h.DataProvider.Executed.Clear();
            var commands = Enumerable.Range(0, count).Select(i => (CatalogCommand)new UpsertProduct
            {
                Key = "p" + i, Name = "P" + i, Sku = "S" + i, Slug = "p-" + i, CategoryIds = [categoryId], Hash = "h"
            }).ToArray();

            var result = await h.ApplyAsync(commands);

            Assert.That(result.Outcomes.Select(o => (o.EntityId, o.Created)), Is.EqualTo(Enumerable.Range(1, count).Select(id => (id, true))));
            Assert.That(h.Db.Rows<Product>(), Is.Empty, "written by the recorded statements");
            return h.DataProvider.Executed.Select(e => e.Sql.Split(" (")[0]).ToList();
        }

        var few = await NewProductsAsync(3);
        var many = await NewProductsAsync(500);

        Assert.That(many, Is.EqualTo(few));
        Assert.That(many.Count(s => s.StartsWith("INSERT", StringComparison.Ordinal)), Is.EqualTo(4),
            "products, their slugs, their category rows and their 1C mappings: one statement each");
    }
}
