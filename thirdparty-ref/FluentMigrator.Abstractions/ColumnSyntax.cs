using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders
{
    public interface IColumnTypeSyntax<TNext> : IFluentSyntax
        where TNext : IFluentSyntax
    {
        TNext AsBoolean();

        TNext AsString(int size);
    }

    public interface IColumnOptionSyntax<TNext, TNextFk> : IFluentSyntax
        where TNext : IFluentSyntax
        where TNextFk : IFluentSyntax
    {
        TNext WithDefaultValue(object value);

        TNext Nullable();

        TNext NotNullable();
    }
}
