using FluentMigrator;
using Nop.Data.Mapping;
using Nop.Data.Migrations;
using Nop.Plugin.Misc.OneCExchange.Domain;

namespace Nop.Plugin.Misc.OneCExchange.Data.Migrations;

/// <summary>
/// On PostgreSQL the mapping table's pages are filled to half only, so that rewriting a row's content hash (every
/// changed price or stock does) fits the new row version beside the old one: PostgreSQL then updates it in place
/// (HOT) without a new entry in each of the table's four indexes, the costliest part of an offers-only exchange. Rows
/// written before this migration get the room as they are next rewritten. Other databases are left as they are.
/// </summary>
[NopMigration("2026/12/07 03:00:00", "Misc.OneCExchange 1.1 mapping table pages with room for updates", MigrationProcessType.NoMatter)]
public class MappingFillFactorMigration : MigrationBase
{
    /// <summary>The share of each page PostgreSQL fills with new rows (its default is 100).</summary>
    public const int FillFactor = 50;

    /// <summary>
    /// FluentMigrator's PostgreSQL processor names and aliases (nopCommerce 4.90 runs "Postgres92"); IfDatabase compares
    /// them whole.
    /// </summary>
    public static readonly string[] PostgresProcessors =
        ["Postgres", "PostgreSQL", "Postgres92", "PostgreSQL92", "Postgres10_0", "PostgreSQL10_0", "Postgres11_0", "PostgreSQL11_0",
         "Postgres15_0", "PostgreSQL15_0"];

    public override void Up()
    {
        var table = NameCompatibilityManager.GetTableName(typeof(OneCMapping)).Replace("\"", "\"\"");
        IfDatabase(PostgresProcessors).Execute.Sql($"ALTER TABLE \"{table}\" SET (fillfactor = {FillFactor})");
    }

    /// <summary>Nothing: uninstall drops the whole table through the base schema.</summary>
    public override void Down()
    {
    }
}
