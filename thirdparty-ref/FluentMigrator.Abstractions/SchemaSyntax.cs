using FluentMigrator.Builders.Schema.Index;
using FluentMigrator.Builders.Schema.Table;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Schema
{
    public interface ISchemaExpressionRoot : IFluentSyntax
    {
        ISchemaTableSyntax Table(string tableName);
    }
}

namespace FluentMigrator.Builders.Schema.Table
{
    public interface ISchemaTableSyntax : IFluentSyntax
    {
        ISchemaIndexSyntax Index(string indexName);
    }
}

namespace FluentMigrator.Builders.Schema.Index
{
    public interface ISchemaIndexSyntax : IFluentSyntax
    {
        bool Exists();
    }
}
