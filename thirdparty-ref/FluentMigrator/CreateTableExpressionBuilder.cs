using System;

namespace FluentMigrator.Builders.Create.Table
{
    // Upstream derives from ExpressionBuilderWithColumnTypesBase<CreateTableExpression, ICreateTableColumnOptionOrWithColumnSyntax>
    // and implements the create-table syntax interfaces; only the member the plugin calls is declared here.
    public class CreateTableExpressionBuilder
    {
        public virtual ICreateTableColumnAsTypeSyntax WithColumn(string name) => throw new NotImplementedException();
    }
}
