using System;
using FluentMigrator.Builders.Alter;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.IfDatabase;
using FluentMigrator.Builders.Schema;

namespace FluentMigrator
{
    public abstract class MigrationBase : IMigration
    {
        public IAlterExpressionRoot Alter => throw new NotImplementedException();

        public ICreateExpressionRoot Create => throw new NotImplementedException();

        public ISchemaExpressionRoot Schema => throw new NotImplementedException();

        public IIfDatabaseExpressionRoot IfDatabase(params string[] databaseType) => throw new NotImplementedException();

        public abstract void Up();

        public abstract void Down();
    }
}
