using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Index
{
    public interface ICreateIndexForTableSyntax : IFluentSyntax
    {
        ICreateIndexOnColumnOrInSchemaSyntax OnTable(string tableName);
    }

    public interface ICreateIndexOnColumnOrInSchemaSyntax : ICreateIndexOnColumnSyntax
    {
    }

    public interface ICreateIndexOnColumnSyntax : IFluentSyntax
    {
        ICreateIndexColumnOptionsSyntax OnColumn(string columnName);

        ICreateIndexOptionsSyntax WithOptions();
    }

    public interface ICreateIndexColumnOptionsSyntax : IFluentSyntax
    {
        ICreateIndexMoreColumnOptionsSyntax Ascending();
    }

    public interface ICreateIndexMoreColumnOptionsSyntax : ICreateIndexOnColumnSyntax
    {
    }

    public interface ICreateIndexOptionsSyntax : IFluentSyntax
    {
        ICreateIndexOnColumnSyntax Unique();
    }
}
