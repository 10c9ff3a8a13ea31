using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Create.Table
{
    public interface ICreateTableWithColumnSyntax : IFluentSyntax
    {
        ICreateTableColumnAsTypeSyntax WithColumn(string name);
    }

    public interface ICreateTableColumnAsTypeSyntax : IColumnTypeSyntax<ICreateTableColumnOptionOrWithColumnSyntax>
    {
    }

    public interface ICreateTableColumnOptionOrWithColumnSyntax :
        IColumnOptionSyntax<ICreateTableColumnOptionOrWithColumnSyntax, ICreateTableColumnOptionOrForeignKeyCascadeOrWithColumnSyntax>,
        ICreateTableWithColumnSyntax
    {
    }

    // Upstream also derives from IForeignKeyCascadeSyntax<,>, which nothing here uses.
    public interface ICreateTableColumnOptionOrForeignKeyCascadeOrWithColumnSyntax : ICreateTableColumnOptionOrWithColumnSyntax
    {
    }
}
