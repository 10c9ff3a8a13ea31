using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders
{
    public interface IColumnTypeSyntax<TNext> : IFluentSyntax
        where TNext : IFluentSyntax
    {
        TNext AsString(int size);
    }

    public interface IColumnOptionSyntax<TNext, TNextFk> : IFluentSyntax
        where TNext : IFluentSyntax
        where TNextFk : IFluentSyntax
    {
        TNext Nullable();

        TNext NotNullable();
    }
}
