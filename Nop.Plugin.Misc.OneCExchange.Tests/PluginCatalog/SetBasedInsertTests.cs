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

    [Test]
    public async Task New_pictures_on_PostgreSQL_are_one_statement_per_table_with_the_binaries_as_an_array_parameter()
    {
        var folder = Directory.CreateTempSubdirectory("onec-pictures-").FullName;
        try
        {
            async Task<StoreHarness> NewProductsWithPicturesAsync(int count)
            {
                var h = new StoreHarness(publishEntityEvents: false, dataProviderName: "PostgreSQL.9.2");
                var commands = Enumerable.Range(0, count).Select(i =>
                {
                    var path = Path.Combine(folder, $"{count}-{i}.jpg");
                    File.WriteAllBytes(path, [(byte)i, 7]);
                    return (CatalogCommand)new UpsertProduct
                    {
                        Key = "p" + i, Name = "P" + i, Slug = "p-" + i, Hash = "h",
                        Pictures = [new OneCExchange.Core.Catalog.ProductPicture(PictureAction.Add, $"p{i}|{i}.jpg", null, path, $"{i}.jpg", "hash" + i,
                            "image/jpeg", "p-" + i, 0, null)],
                    };
                }).ToArray();
                await h.ApplyAsync(commands);
                return h;
            }

            var few = await NewProductsWithPicturesAsync(3);
            var many = await NewProductsWithPicturesAsync(60);

            // What each statement does to which table (an UPDATE's parameter names grow with its rows).
            string[] Statements(StoreHarness h) => h.DataProvider.Executed.Select(e => string.Join(' ', e.Sql.Split(' ').Take(3))).ToArray();
            Assert.That(Statements(many), Is.EqualTo(Statements(few)), "as many statements for 60 products as for 3");
            Assert.That(Statements(many).Where(s => s.StartsWith("INSERT", StringComparison.Ordinal)),
                Is.SupersetOf(new[] { "INSERT INTO \"Picture\"", "INSERT INTO \"PictureBinary\"", "INSERT INTO \"ProductPicture\"" }), "(the test names tables by convention)");
            var (sql, parameters) = many.DataProvider.Executed.Single(e => e.Sql.StartsWith("INSERT INTO \"PictureBinary\"", StringComparison.Ordinal));
            Assert.That(sql, Does.Contain("AS bytea[]"));
            Assert.That(parameters.Select(p => p.Value).OfType<byte[][]>().Single(), Is.EqualTo(Enumerable.Range(0, 60).Select(i => new byte[] { (byte)i, 7 })),
                "the validated files, bound as one parameter");
            Assert.That(many.Pictures.Validated, Has.Count.EqualTo(60), "each file validated by nopCommerce's picture service");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
