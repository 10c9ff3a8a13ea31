using FluentMigrator;

namespace Nop.Data.Migrations;

public partial class NopMigrationAttribute : MigrationAttribute
{
    public NopMigrationAttribute(string dateTime, string description, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter) :
        base(0, description) => throw new NotImplementedException();
}
