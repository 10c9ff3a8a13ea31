using FluentMigrator.Builders.Delete.Index;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Delete
{
    public interface IDeleteExpressionRoot
    {
        IDeleteIndexForTableSyntax Index(string indexName);
    }
}

namespace FluentMigrator.Builders.Delete.Index
{
    public interface IDeleteIndexForTableSyntax : IFluentSyntax
    {
        IDeleteIndexOnColumnOrInSchemaSyntax OnTable(string tableName);
    }

    public interface IDeleteIndexOnColumnOrInSchemaSyntax
    {
    }
}
