using NUnit.Framework;
using Nop.Plugin.Misc.OneCExchange.Domain;
using Nop.Plugin.Misc.OneCExchange.Services.Catalog;
using OneCExchange.Core.Catalog;
using OneCExchange.Tests.Fakes;

namespace OneCExchange.Tests.PluginCatalog;

/// <summary>
/// Mapping rows of entities that already exist (an offers-only exchange rewrites a hash per changed price or stock)
/// are updated in place, matched on kind, entity and exact key, without a lookup; the rest is looked up and written.
/// </summary>
public class MappingInPlaceWriteTests
{
    private static readonly SqlColumn[] Match =
        [new("EntityTypeId", typeof(int)), new("EntityId", typeof(int)), new("OneCId", typeof(string))];

    private static readonly SqlColumn[] Hash = [new("ContentHash", typeof(string))];

    private static readonly DateTime Now = new(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc);

    private static readonly List<object?[]> TwoRows = [[12, 7, "a", "h1"], [12, 8, "b", "h2"]];

    [Test]
    public void PostgreSQL_matches_the_integer_columns_through_their_index_and_the_key_as_exact_text()
    {
        var statement = BatchUpdateSql.BuildMatched(SqlDialect.PostgreSql, "OneCMapping", Match, Hash, TwoRows,
            [(new SqlColumn("UpdatedOnUtc", typeof(DateTime)), Now)]).Single();

        Assert.That(statement.Sql, Is.EqualTo(
            "UPDATE \"OneCMapping\" AS t SET \"ContentHash\" = v.\"ContentHash\", \"UpdatedOnUtc\" = CAST(@p8 AS timestamp) FROM (VALUES " +
            "(CAST(@p0 AS integer), CAST(@p1 AS integer), CAST(@p2 AS text), CAST(@p3 AS citext)), " +
            "(CAST(@p4 AS integer), CAST(@p5 AS integer), CAST(@p6 AS text), CAST(@p7 AS citext))) " +
            "AS v(\"EntityTypeId\", \"EntityId\", \"OneCId\", \"ContentHash\") WHERE t.\"EntityTypeId\" IN (CAST(@p0 AS integer)) " +
            "AND t.\"EntityId\" IN (CAST(@p1 AS integer), CAST(@p5 AS integer)) AND t.\"EntityTypeId\" = v.\"EntityTypeId\" " +
            "AND t.\"EntityId\" = v.\"EntityId\" AND CAST(t.\"OneCId\" AS text) = v.\"OneCId\""));
        Assert.That(statement.Parameters.Select(p => p.Value), Is.EqualTo(new object[] { 12, 7, "a", "h1", 12, 8, "b", "h2", Now }));
    }

    [Test]
    public void MySQL_and_MariaDB_join_a_union_of_parameters_on_all_match_columns()
    {
        var statement = BatchUpdateSql.BuildMatched(SqlDialect.MySql, "OneCMapping", Match, Hash, TwoRows,
            [(new SqlColumn("UpdatedOnUtc", typeof(DateTime)), Now)]).Single();

        Assert.That(statement.Sql, Is.EqualTo(
            "UPDATE `OneCMapping` AS t JOIN (SELECT @p0 AS `EntityTypeId`, @p1 AS `EntityId`, @p2 AS `OneCId`, @p3 AS `ContentHash` " +
            "UNION ALL SELECT @p4, @p5, @p6, @p7) AS v ON t.`EntityTypeId` = v.`EntityTypeId` AND t.`EntityId` = v.`EntityId` " +
            "AND CAST(t.`OneCId` AS BINARY) = CAST(v.`OneCId` AS BINARY) SET t.`ContentHash` = v.`ContentHash`, t.`UpdatedOnUtc` = @p8 " +
            "WHERE t.`EntityTypeId` IN (@p0) AND t.`EntityId` IN (@p1, @p5)"));
        Assert.That(statement.Parameters.Select(p => p.Value), Is.EqualTo(new object[] { 12, 7, "a", "h1", 12, 8, "b", "h2", Now }));
    }

    [Test]
    public void Matched_values_are_parameters_and_SQL_Server_is_left_to_the_repository()
    {
        const string hostile = "x'); DROP TABLE \"OneCMapping\"; --";
        foreach (var dialect in new[] { SqlDialect.PostgreSql, SqlDialect.MySql })
        {
            var statements = BatchUpdateSql.BuildMatched(dialect, "OneCMapping", Match, Hash,
                Enumerable.Range(1, 10).Select(i => new object?[] { 12, i, hostile, hostile }).ToList(), [], maxParameters: 16).ToList();
            Assert.That(statements.Select(s => s.Parameters.Count), Is.EqualTo(new[] { 16, 16, 8 }), "split at the parameter limit");
            Assert.That(statements.Select(s => s.Sql), Has.None.Contains("DROP"));
        }
        Assert.Throws<ArgumentException>(() => BatchUpdateSql.BuildMatched(SqlDialect.Repository, "OneCMapping", Match, Hash, TwoRows, []).ToList());
    }

    [Test]
    public async Task Offer_hashes_of_existing_rows_are_one_statement_without_a_lookup_and_keep_the_session_they_were_last_seen_in()
    {
        var (table, provider, rows) = Table("PostgreSQL.9.2");
        provider.RowsAffected = sql => sql.StartsWith("UPDATE \"OneCMapping\" AS t", StringComparison.Ordinal) ? 2 : 0;

        await table.WriteAsync([Write(CatalogEntityKind.OfferPrices, "o1", 7, "new1"), Write(CatalogEntityKind.OfferStock, "o1", 7, "new2")],
            [], "session-2", Now);

        Assert.That(rows.RoundTrips, Is.Zero, "no lookup, no repository write");
        var (sql, parameters) = provider.Executed.Single();
        Assert.That(sql, Does.StartWith("UPDATE \"OneCMapping\" AS t SET \"ContentHash\" = v.\"ContentHash\", \"UpdatedOnUtc\" = CAST("));
        Assert.That(sql, Does.Not.Contain("LastSeenSessionId"), "an indexed column the update leaves alone keeps it HOT");
        Assert.That(parameters.Select(p => p.Value), Is.EqualTo(new object[]
        {
            CatalogMappingTypes.IdOf(CatalogEntityKind.OfferPrices), 7, "o1", "new1",
            CatalogMappingTypes.IdOf(CatalogEntityKind.OfferStock), 7, "o1", "new2", Now
        }));
    }

    [Test]
    public async Task Keys_not_all_found_in_place_are_looked_up_and_written_and_only_products_record_the_session()
    {
        var (table, provider, rows) = Table("PostgreSQL.9.2");

        // None found in place: the offer now points to another product, "o2" is new (and p1 is written by the lookup here).
        await table.WriteAsync([Write(CatalogEntityKind.Product, "p1", 1, "h1"), Write(CatalogEntityKind.OfferPrices, "o1", 9, "h9"),
            Write(CatalogEntityKind.OfferPrices, "o2", 2, "h2")], [], "session-2", Now);

        var updates = provider.Executed.Where(e => e.Sql.StartsWith("UPDATE", StringComparison.Ordinal)).ToList();
        Assert.That(updates, Has.Count.EqualTo(3));
        Assert.That(updates[0].Sql, Does.Contain("\"LastSeenSessionId\" = CAST("), "products in place record the session");
        Assert.That(updates[1].Sql, Does.Not.Contain("LastSeenSessionId"), "offers in place do not");
        Assert.That(updates[2].Parameters.Select(p => p.Value).Skip(1), Is.EqualTo(new object[]
        {
            1, "h1", "session-2", Now, Rows(rows, "o1").Id, 9, "h9", "session-1", Now
        }), "the lookup's update: the product is seen in session-2, the offer keeps the session it was last seen in");
        Assert.That((Inserted(provider, "OneCId"), Inserted(provider, "EntityId"), Inserted(provider, "ContentHash"), Inserted(provider, "LastSeenSessionId")),
            Is.EqualTo((new object[] { "o2" }, new object[] { 2 }, new object[] { "h2" }, new object[] { "session-2" })), "a new row is inserted");
    }

    [Test]
    public async Task Rows_of_created_entities_are_not_tried_in_place_and_SQL_Server_uses_the_repository()
    {
        var (table, provider, rows) = Table("PostgreSQL.9.2");
        provider.RowsAffected = sql => sql.StartsWith("UPDATE \"OneCMapping\" AS t", StringComparison.Ordinal) ? 1 : 0;

        await table.WriteAsync([new MappingWrite(new EntityKey(CatalogEntityKind.Product, "p9"), 90, "h", Created: true),
            Write(CatalogEntityKind.Product, "p1", 1, "h1")], [], "session-2", Now);

        var (_, parameters) = provider.Executed.Single(e => e.Sql.StartsWith("UPDATE", StringComparison.Ordinal));
        Assert.That(parameters.Select(p => p.Value), Does.Contain("p1").And.Not.Contains("p9"));
        Assert.That((Inserted(provider, "OneCId"), Inserted(provider, "EntityId"), Inserted(provider, "LastSeenSessionId")),
            Is.EqualTo((new object[] { "p9" }, new object[] { 90 }, new object[] { "session-2" })));

        (table, provider, rows) = Table("SqlServer.2012");
        await table.WriteAsync([Write(CatalogEntityKind.OfferStock, "o1", 8, "h8")], [], "session-2", Now);
        Assert.That(provider.Executed, Is.Empty);
        Assert.That((Rows(rows, "o1", CatalogEntityKind.OfferStock).EntityId, Rows(rows, "o1", CatalogEntityKind.OfferStock).ContentHash),
            Is.EqualTo((8, "h8")));
    }

    [Test]
    public async Task Unmapped_keys_are_inserted_without_a_lookup_or_an_in_place_update()
    {
        var (table, provider, rows) = Table("PostgreSQL.9.2");

        await table.WriteAsync([new MappingWrite(new EntityKey(CatalogEntityKind.Product, "p9"), 90, "h9", Created: true, Unmapped: true),
            new MappingWrite(new EntityKey(CatalogEntityKind.OfferPrices, "p9"), 90, "h10", Unmapped: true),
            new MappingWrite(new EntityKey(CatalogEntityKind.OfferPrices, "p9"), 90, "h11", Unmapped: true)], [], "session-2", Now);

        Assert.That(rows.RoundTrips, Is.Zero, "no lookup, no repository write");
        Assert.That(provider.Executed.Where(e => !e.Sql.StartsWith("SELECT CAST(nextval", StringComparison.Ordinal)).Select(e => e.Sql[..25]),
            Is.EqualTo(new[] { "INSERT INTO \"OneCMapping\"" }), "one insert, no update");
        Assert.That((Inserted(provider, "EntityTypeId"), Inserted(provider, "OneCId"), Inserted(provider, "ContentHash")), Is.EqualTo((
            new object[] { CatalogMappingTypes.IdOf(CatalogEntityKind.Product), CatalogMappingTypes.IdOf(CatalogEntityKind.OfferPrices) },
            new object[] { "p9", "p9" }, new object[] { "h9", "h11" })), "the last write of a key wins");
    }

    private static OneCMapping Rows(InMemoryRepository<OneCMapping> rows, string key, CatalogEntityKind kind = CatalogEntityKind.OfferPrices) =>
        rows.Rows.Single(r => r.OneCId == key && (key.StartsWith('p') || r.EntityTypeId == CatalogMappingTypes.IdOf(kind)));

    /// <summary>The values of <paramref name="column"/> in the one set-based insert into the mapping table (PostgreSQL).</summary>
    private static object?[] Inserted(FakeDataProvider provider, string column)
    {
        var (sql, parameters) = provider.Executed.Single(e => e.Sql.StartsWith("INSERT INTO \"OneCMapping\"", StringComparison.Ordinal));
        var columns = sql[(sql.IndexOf('(') + 1)..sql.IndexOf(')')].Split(", ");
        return ((Array)parameters[Array.IndexOf(columns, $"\"{column}\"")].Value!).Cast<object?>().ToArray();
    }

    private static MappingWrite Write(CatalogEntityKind kind, string key, int entityId, string hash) =>
        new(new EntityKey(kind, key), entityId, hash);

    /// <summary>A mapping table holding product p1 (entity 1) and offer o1 (entity 7) prices and stock, last seen in session-1.</summary>
    private static (OneCMappingTable Table, FakeDataProvider Provider, InMemoryRepository<OneCMapping> Rows) Table(string providerName)
    {
        var provider = new FakeDataProvider(providerName);
        var rows = new InMemoryRepository<OneCMapping>();
        foreach (var (kind, key, entityId) in new[] { (CatalogEntityKind.Product, "p1", 1), (CatalogEntityKind.OfferPrices, "o1", 7),
                     (CatalogEntityKind.OfferStock, "o1", 7) })
            rows.Add(new OneCMapping
            {
                EntityTypeId = CatalogMappingTypes.IdOf(kind), OneCId = key, EntityId = entityId, ContentHash = "old", LastSeenSessionId = "session-1"
            });
        return (new OneCMappingTable(rows, new ConventionNamedUpdater(provider, new FakeEventPublisher())), provider, rows);
    }
}
