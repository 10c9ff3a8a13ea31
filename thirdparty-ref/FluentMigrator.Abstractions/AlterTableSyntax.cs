using FluentMigrator.Builders.Alter.Table;
using FluentMigrator.Infrastructure;

namespace FluentMigrator.Builders.Alter
{
    public interface IAlterExpressionRoot : IFluentSyntax
    {
        IAlterTableAddColumnOrAlterColumnOrSchemaOrDescriptionSyntax Table(string tableName);
    }
}

namespace FluentMigrator.Builders.Alter.Table
{
    public interface IAlterTableAddColumnOrAlterColumnSyntax : IFluentSyntax
    {
        IAlterTableColumnAsTypeSyntax AddColumn(string name);
    }

    public interface IAlterTableAddColumnOrAlterColumnOrSchemaSyntax : IAlterTableAddColumnOrAlterColumnSyntax
    {
    }

    public interface IAlterTableAddColumnOrAlterColumnOrSchemaOrDescriptionSyntax : IAlterTableAddColumnOrAlterColumnOrSchemaSyntax
    {
    }

    public interface IAlterTableColumnAsTypeSyntax : IColumnTypeSyntax<IAlterTableColumnOptionOrAddColumnOrAlterColumnSyntax>
    {
    }

    public interface IAlterTableColumnOptionOrAddColumnOrAlterColumnSyntax :
        IColumnOptionSyntax<IAlterTableColumnOptionOrAddColumnOrAlterColumnSyntax, IAlterTableColumnOptionOrAddColumnOrAlterColumnOrForeignKeyCascadeSyntax>,
        IAlterTableAddColumnOrAlterColumnSyntax
    {
    }

    // Upstream also derives from IForeignKeyCascadeSyntax<,>, which nothing here uses.
    public interface IAlterTableColumnOptionOrAddColumnOrAlterColumnOrForeignKeyCascadeSyntax : IAlterTableColumnOptionOrAddColumnOrAlterColumnSyntax
    {
    }
}
