using FluentMigrator.Builders.Create.Index;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create
{
    public interface ICreateExpressionRoot : IFluentSyntax
    {
        ICreateIndexForTableSyntax Index(string indexName);
    }
}
