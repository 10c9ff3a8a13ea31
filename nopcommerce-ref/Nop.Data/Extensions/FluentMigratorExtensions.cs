using FluentMigrator.Builders.Create;
using Nop.Core;

namespace Nop.Data.Extensions;

public static class FluentMigratorExtensions
{
    public static void TableFor<TEntity>(this ICreateExpressionRoot expressionRoot) where TEntity : BaseEntity => throw new NotImplementedException();
}
