using FluentMigrator.Builders.Execute;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.IfDatabase
{
    public interface IIfDatabaseExpressionRoot
    {
        IExecuteExpressionRoot Execute { get; }
    }
}

namespace FluentMigrator.Builders.Execute
{
    public interface IExecuteExpressionRoot : IFluentSyntax
    {
        void Sql(string sqlStatement);
    }
}
