using NUnit.Framework;
using Nop.Core.Domain.Catalog;
using Nop.Core.Events;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using Nop.Plugin.Misc.OneCExchange.Services.Events;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.Fakes;
using OneCExchange.Tests.PluginCatalog.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>The SQL a batch update emits on each database nopCommerce runs on, and when it is used.</summary>
public class SetBasedWriteTests
{
    private static readonly SqlColumn Id = new("Id", typeof(int));
    private static readonly SqlColumn[] PriceAndName = [new("Price", typeof(decimal)), new("Name", typeof(string))];

    [Test]
    public void PostgreSQL_updates_all_rows_from_a_values_list_of_typed_parameters()
    {
        var statement = BatchUpdateSql.Build(SqlDialect.PostgreSql, "Product", Id, PriceAndName,
            [[1, 10.5m, "A"], [2, 20m, null]]).Single();

        Assert.That(statement.Sql, Is.EqualTo(
            "UPDATE \"Product\" AS t SET \"Price\" = v.\"Price\", \"Name\" = v.\"Name\" FROM (VALUES " +
            "(CAST(@p0 AS integer), CAST(@p1 AS numeric), CAST(@p2 AS citext)), " +
            "(CAST(@p3 AS integer), CAST(@p4 AS numeric), CAST(@p5 AS citext))) " +
            "AS v(\"Id\", \"Price\", \"Name\") WHERE t.\"Id\" = v.\"Id\""));
        Assert.That(statement.Parameters.Select(p => (p.Key, p.Value)), Is.EqualTo(new (string, object?)[]
        {
            ("p0", 1), ("p1", 10.5m), ("p2", "A"), ("p3", 2), ("p4", 20m), ("p5", null)
        }));
    }

    [Test]
    public void MySQL_and_MariaDB_update_all_rows_joined_to_a_union_of_parameters()
    {
        var statement = BatchUpdateSql.Build(SqlDialect.MySql, "Product", Id, PriceAndName,
            [[1, 10.5m, "A"], [2, 20m, null]]).Single();

        Assert.That(statement.Sql, Is.EqualTo(
            "UPDATE `Product` AS t JOIN (SELECT @p0 AS `Id`, @p1 AS `Price`, @p2 AS `Name` UNION ALL SELECT @p3, @p4, @p5) " +
            "AS v ON t.`Id` = v.`Id` SET t.`Price` = v.`Price`, t.`Name` = v.`Name`"));
        Assert.That(statement.Parameters.Select(p => p.Value), Is.EqualTo(new object?[] { 1, 10.5m, "A", 2, 20m, null }));
    }

    [Test]
    public void SQL_Server_is_left_to_nopCommerces_own_list_update()
    {
        Assert.Throws<ArgumentException>(() => BatchUpdateSql.Build(SqlDialect.Repository, "Product", Id, PriceAndName, [[1, 1m, "A"]]).ToList());
        Assert.That(SetBasedUpdater.DialectOf("SqlServer.2012"), Is.EqualTo(SqlDialect.Repository));
        Assert.That(SetBasedUpdater.DialectOf("SqlServer.2016.MS"), Is.EqualTo(SqlDialect.Repository));
        Assert.That(SetBasedUpdater.DialectOf("PostgreSQL.9.2"), Is.EqualTo(SqlDialect.PostgreSql));
        Assert.That(SetBasedUpdater.DialectOf("MySqlConnector"), Is.EqualTo(SqlDialect.MySql));
        Assert.That(SetBasedUpdater.DialectOf("MySql.Official"), Is.EqualTo(SqlDialect.MySql));
    }

    [Test]
    public void Values_are_parameters_never_text_of_the_statement()
    {
        const string hostile = "x'); DROP TABLE \"Product\"; --";
        foreach (var dialect in new[] { SqlDialect.PostgreSql, SqlDialect.MySql })
        {
            var statement = BatchUpdateSql.Build(dialect, "Product", Id, PriceAndName, [[7, 1m, hostile]]).Single();
            Assert.That(statement.Sql, Does.Not.Contain("DROP"));
            Assert.That(statement.Parameters.Select(p => p.Value), Does.Contain(hostile));
        }
    }

    [Test]
    public void Rows_are_split_only_where_a_statement_would_pass_the_parameter_limit()
    {
        var rows = Enumerable.Range(1, 10).Select(i => new object?[] { i, 1m, "n" }).ToList();

        var statements = BatchUpdateSql.Build(SqlDialect.PostgreSql, "Product", Id, PriceAndName, rows, maxParameters: 12).ToList();

        Assert.That(statements.Select(s => s.Parameters.Count), Is.EqualTo(new[] { 12, 12, 6 }));
        Assert.That(BatchUpdateSql.Build(SqlDialect.PostgreSql, "Product", Id, PriceAndName, rows).Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task On_PostgreSQL_the_updater_writes_only_the_named_columns_in_one_statement_and_publishes_nopCommerces_events()
    {
        var provider = new FakeDataProvider("PostgreSQL.9.2");
        var events = new FakeEventPublisher();
        var repository = new InMemoryRepository<Product>();
        var products = Enumerable.Range(1, 3).Select(i => new Product { Id = i, Price = i, Name = "P" + i, Sku = "S" }).ToList();

        await new ConventionNamedUpdater(provider, events).UpdateAsync(repository, products, ["Price"], publishEvents: true);

        var (sql, parameters) = provider.Executed.Single();
        Assert.That(sql, Does.StartWith("UPDATE \"Product\" AS t SET \"Price\" = v.\"Price\" FROM (VALUES"));
        Assert.That(sql, Does.Not.Contain("\"Sku\""));
        Assert.That(parameters.Select(p => p.Value), Is.EqualTo(new object[] { 1, 1m, 2, 2m, 3, 3m }));
        Assert.That(repository.UpdateCount, Is.Zero);
        Assert.That(events.Published.OfType<EntityUpdatedEvent<Product>>().Select(e => e.Entity.Id), Is.EqualTo(new[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Properties_that_wrap_a_column_are_not_written()
    {
        var provider = new FakeDataProvider("PostgreSQL.9.2");
        var product = new Product { Id = 3, ManageInventoryMethodId = (int)ManageInventoryMethod.ManageStockByAttributes };

        await new ConventionNamedUpdater(provider, new FakeEventPublisher()).UpdateAsync(new InMemoryRepository<Product>(), [product],
            [nameof(Product.ManageInventoryMethod), nameof(Product.ManageInventoryMethodId)], publishEvents: false);

        Assert.That(provider.Executed.Single().Sql, Does.StartWith(
            "UPDATE \"Product\" AS t SET \"ManageInventoryMethodId\" = v.\"ManageInventoryMethodId\" FROM"));
    }

    [Test]
    public async Task On_SQL_Server_the_updater_uses_the_repositorys_list_update()
    {
        var provider = new FakeDataProvider("SqlServer.2012");
        var repository = new InMemoryRepository<Product>();
        var product = new Product { Name = "P" };
        await repository.InsertAsync(product, false);
        product.Price = 5;

        await new ConventionNamedUpdater(provider, new FakeEventPublisher()).UpdateAsync(repository, [product], ["Price"], publishEvents: false);

        Assert.That(provider.Executed, Is.Empty);
        Assert.That(repository.Rows.Single().Price, Is.EqualTo(5m));
    }

    [Test]
    public async Task Unchanged_items_cost_no_read_and_one_seen_mark_for_all_products_of_the_batch()
    {
        var h = new StoreHarness(dataProviderName: "PostgreSQL.9.2");
        var keys = Enumerable.Range(0, 500).Select(i => new EntityKey(CatalogEntityKind.Product, "p" + i))
            .Concat(Enumerable.Range(0, 500).Select(i => new EntityKey(CatalogEntityKind.OfferPrices, "p" + i))).ToList();
        var mappings = await SeenInAnOldSessionAsync(h, keys);
        h.Db.ResetCounters();

        await h.ApplyAsync(StoreHarness.Session, [], [.. keys]);

        Assert.That(h.Db.RoundTrips, Is.Zero, string.Join(", ", h.Db.RoundTripsByOperation));
        var (sql, parameters) = h.DataProvider.Executed.Single();
        Assert.That(sql, Does.StartWith("UPDATE \"OneCMapping\" SET \"LastSeenSessionId\" = CAST(@p0 AS citext) WHERE \"EntityTypeId\" = CAST(@p1 AS integer) AND \"OneCId\" IN (CAST(@p2 AS citext), "));
        Assert.That(sql, Does.EndWith(") AND (\"LastSeenSessionId\" IS NULL OR \"LastSeenSessionId\" <> CAST(@p0 AS citext))"));
        Assert.That(parameters.Select(p => p.Value), Is.EqualTo(new object[] { StoreHarness.Session, CatalogMappingTypes.IdOf(CatalogEntityKind.Product) }
            .Concat(keys.Take(500).Select(k => k.Key))), "offers are not marked: a full exchange only sweeps categories and products");
    }

    [Test]
    public async Task Unpublishing_the_products_a_full_exchange_missed_is_two_statements_without_reading_them()
    {
        var h = new StoreHarness(publishEntityEvents: false, dataProviderName: "PostgreSQL.9.2");
        h.DataProvider.RowsAffected = sql => sql.StartsWith("UPDATE \"Product\"", StringComparison.Ordinal) ? 2007 : 1500;

        var unpublished = await h.Store.UnpublishNotSeenAsync(StoreHarness.Session, [CatalogEntityKind.Product], CancellationToken.None);

        Assert.That(unpublished, Is.EqualTo(2007), "the count is the products statement's row count");
        Assert.That(h.Db.RoundTrips, Is.Zero, string.Join(", ", h.Db.RoundTripsByOperation));
        Assert.That(h.DataProvider.Executed.Select(e => e.Sql[..20]), Is.EqualTo(new[] { "UPDATE \"OneCMapping\"", "UPDATE \"Product\" SET" }),
            "hashes are forgotten while the products are still published, then the products are unpublished");
        Assert.That(h.CacheCleaner.Cleared, Is.EqualTo(new[] { typeof(Product) }));
        var applied = h.Events.Published.OfType<OneCCatalogNotSeenUnpublishedEvent>().Single();
        Assert.That((applied.SessionId, applied.Kind, applied.Count), Is.EqualTo((StoreHarness.Session, CatalogEntityKind.Product, 2007)));
        Assert.That(h.Events.Published.OfType<EntityUpdatedEvent<Product>>(), Is.Empty);
    }

    [Test]
    public void PostgreSQL_unpublishes_what_a_session_did_not_see_with_typed_parameters()
    {
        var now = new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc);
        var statements = BatchUpdateSql.UnpublishNotSeen(SqlDialect.PostgreSql, ProductTables, 6, "s-1", now);

        Assert.That(statements.Select(s => s.Sql), Is.EqualTo(new[]
        {
            "UPDATE \"OneCMapping\" SET \"ContentHash\" = NULL, \"UpdatedOnUtc\" = CAST(@p0 AS timestamp) WHERE \"EntityTypeId\" = CAST(@p1 AS integer) " +
            "AND (\"LastSeenSessionId\" IS NULL OR \"LastSeenSessionId\" <> CAST(@p2 AS citext)) AND \"ContentHash\" IS NOT NULL AND \"EntityId\" IN " +
            "(SELECT \"Id\" FROM \"Product\" WHERE \"Published\" = CAST(@p3 AS boolean) AND \"Deleted\" = CAST(@p4 AS boolean))",
            "UPDATE \"Product\" SET \"Published\" = CAST(@p0 AS boolean), \"UpdatedOnUtc\" = CAST(@p1 AS timestamp) WHERE \"Published\" = CAST(@p2 AS boolean) " +
            "AND \"Deleted\" = CAST(@p3 AS boolean) AND \"Id\" IN (SELECT \"EntityId\" FROM \"OneCMapping\" WHERE \"EntityTypeId\" = CAST(@p4 AS integer) " +
            "AND (\"LastSeenSessionId\" IS NULL OR \"LastSeenSessionId\" <> CAST(@p5 AS citext)))"
        }));
        Assert.That(statements[0].Parameters.Select(p => p.Value), Is.EqualTo(new object[] { now, 6, "s-1", true, false }));
        Assert.That(statements[1].Parameters.Select(p => p.Value), Is.EqualTo(new object[] { false, now, true, false, 6, "s-1" }));
    }

    [Test]
    public void MySQL_unpublishes_what_a_session_did_not_see_with_plain_parameters()
    {
        var now = new DateTime(2026, 12, 7, 1, 0, 0, DateTimeKind.Utc);
        var statements = BatchUpdateSql.UnpublishNotSeen(SqlDialect.MySql, ProductTables, 6, "s-1", now);

        Assert.That(statements.Select(s => s.Sql), Is.EqualTo(new[]
        {
            "UPDATE `OneCMapping` SET `ContentHash` = NULL, `UpdatedOnUtc` = @p0 WHERE `EntityTypeId` = @p1 " +
            "AND (`LastSeenSessionId` IS NULL OR `LastSeenSessionId` <> @p2) AND `ContentHash` IS NOT NULL AND `EntityId` IN " +
            "(SELECT `Id` FROM `Product` WHERE `Published` = @p3 AND `Deleted` = @p4)",
            "UPDATE `Product` SET `Published` = @p0, `UpdatedOnUtc` = @p1 WHERE `Published` = @p2 AND `Deleted` = @p3 AND `Id` IN " +
            "(SELECT `EntityId` FROM `OneCMapping` WHERE `EntityTypeId` = @p4 AND (`LastSeenSessionId` IS NULL OR `LastSeenSessionId` <> @p5))"
        }));
        Assert.That(statements[1].Parameters.Select(p => p.Value), Is.EqualTo(new object[] { false, now, true, false, 6, "s-1" }));
        Assert.Throws<ArgumentException>(() => BatchUpdateSql.UnpublishNotSeen(SqlDialect.Repository, ProductTables, 6, "s-1", now));
    }

    [Test]
    public async Task On_SQL_Server_or_with_entity_events_unpublishing_reads_the_rows_page_by_page()
    {
        foreach (var (events, provider) in new[] { (false, "SqlServer.2016.MS"), (true, "PostgreSQL.9.2") })
        {
            var h = new StoreHarness(publishEntityEvents: events, dataProviderName: provider);
            var count = OneCMappingTable.PageSize + 7;
            var products = Enumerable.Range(0, count).Select(i => new Product { Name = "P" + i, Published = true }).ToList();
            await h.Db.Table<Product>().InsertAsync(products, false);
            await h.Db.Table<OneCMapping>().InsertAsync(products.Select(p => new OneCMapping
            {
                EntityTypeId = CatalogMappingTypes.IdOf(CatalogEntityKind.Product), OneCId = "k" + p.Id, EntityId = p.Id, ContentHash = "h", LastSeenSessionId = "old"
            }).ToList(), false);

            var unpublished = await h.Store.UnpublishNotSeenAsync(StoreHarness.Session, [CatalogEntityKind.Product], CancellationToken.None);

            Assert.That(unpublished, Is.EqualTo(count), provider);
            Assert.That(h.Db.Rows<Product>().Count(p => p.Published), events ? Is.EqualTo(count) : Is.Zero,
                "on PostgreSQL the recorded statements are not run; on SQL Server the repository writes");
            Assert.That(h.DataProvider.Executed.Any(e => e.Sql.Contains("IN (SELECT", StringComparison.Ordinal)), Is.False);
            Assert.That(h.Events.Published.OfType<EntityUpdatedEvent<Product>>().Count(), Is.EqualTo(events ? count : 0), provider);
            Assert.That(h.Events.Published.OfType<OneCCatalogNotSeenUnpublishedEvent>().Single().Count, Is.EqualTo(count));
        }
    }

    private static readonly UnpublishTables ProductTables = new("Product", "Id", "Published", "Deleted", "UpdatedOnUtc",
        "OneCMapping", "EntityTypeId", "EntityId", "LastSeenSessionId", "ContentHash", "UpdatedOnUtc");

    [Test]
    public void MySQL_marks_keys_seen_with_plain_parameters()
    {
        var statement = BatchUpdateSql.SetWhereKeyIn(SqlDialect.MySql, "OneCMapping", new SqlColumn("EntityTypeId", typeof(int)), 6,
            new SqlColumn("OneCId", typeof(string)), ["a", "b"], new SqlColumn("LastSeenSessionId", typeof(string)), "s").Single();

        Assert.That(statement.Sql, Is.EqualTo("UPDATE `OneCMapping` SET `LastSeenSessionId` = @p0 WHERE `EntityTypeId` = @p1 " +
            "AND `OneCId` IN (@p2, @p3) AND (`LastSeenSessionId` IS NULL OR `LastSeenSessionId` <> @p0)"));
        Assert.That(statement.Parameters.Select(p => p.Value), Is.EqualTo(new object[] { "s", 6, "a", "b" }));
    }

    [Test]
    public async Task On_SQL_Server_unchanged_items_are_marked_seen_by_one_read_and_one_list_update_per_batch()
    {
        var h = new StoreHarness(dataProviderName: "SqlServer.2012");
        var keys = Enumerable.Range(0, 500).Select(i => new EntityKey(CatalogEntityKind.Product, "p" + i)).ToList();
        var mappings = await SeenInAnOldSessionAsync(h, keys);
        h.Db.ResetCounters();

        await h.ApplyAsync(StoreHarness.Session, [], [.. keys]);

        Assert.Multiple(() =>
        {
            Assert.That(h.DataProvider.Executed, Is.Empty, "no hand-written SQL on SQL Server: nopCommerce's repository");
            Assert.That(h.Db.RoundTrips, Is.EqualTo(2), string.Join(", ", h.Db.RoundTripsByOperation));
            Assert.That(mappings.Rows.Select(m => m.LastSeenSessionId), Is.All.EqualTo(StoreHarness.Session));
        });
    }

    [Test]
    public async Task On_SQL_Server_unpublishing_the_products_a_full_exchange_missed_costs_the_same_round_trips_per_page()
    {
        async Task<(int Unpublished, int RoundTrips, int Published)> UnpublishAsync(int count)
        {
            var h = new StoreHarness(publishEntityEvents: false, dataProviderName: "SqlServer.2012");
            var products = Enumerable.Range(0, count).Select(i => new Product { Name = "P" + i, Published = true }).ToList();
            await h.Db.Table<Product>().InsertAsync(products, false);
            await h.Db.Table<OneCMapping>().InsertAsync(products.Select(p => new OneCMapping
            {
                EntityTypeId = CatalogMappingTypes.IdOf(CatalogEntityKind.Product), OneCId = "k" + p.Id, EntityId = p.Id, ContentHash = "h", LastSeenSessionId = "old"
            }).ToList(), false);
            h.Db.ResetCounters();
            var unpublished = await h.Store.UnpublishNotSeenAsync(StoreHarness.Session, [CatalogEntityKind.Product], CancellationToken.None);
            Assert.That(h.DataProvider.Executed, Is.Empty);
            return (unpublished, h.Db.RoundTrips, h.Db.Table<Product>().Rows.Count(p => p.Published));
        }

        var onePage = await UnpublishAsync(OneCMappingTable.PageSize);
        var threePages = await UnpublishAsync(OneCMappingTable.PageSize * 2 + 7);

        Assert.Multiple(() =>
        {
            Assert.That((onePage.Unpublished, onePage.Published), Is.EqualTo((OneCMappingTable.PageSize, 0)));
            Assert.That((threePages.Unpublished, threePages.Published), Is.EqualTo((OneCMappingTable.PageSize * 2 + 7, 0)));
            Assert.That(threePages.RoundTrips, Is.LessThanOrEqualTo(3 * onePage.RoundTrips), "per page, not per product");
        });
    }

    /// <summary>Mappings of the keys, last seen by an earlier session.</summary>
    private static async Task<InMemoryRepository<OneCMapping>> SeenInAnOldSessionAsync(StoreHarness h, IEnumerable<EntityKey> keys)
    {
        var mappings = h.Db.Table<OneCMapping>();
        await mappings.InsertAsync(keys.Select(key => new OneCMapping
        {
            EntityTypeId = CatalogMappingTypes.IdOf(key.Kind), OneCId = key.Key, EntityId = 1, ContentHash = "h", LastSeenSessionId = "old"
        }).ToList(), false);
        return mappings;
    }
}
