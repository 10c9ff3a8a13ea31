using System;
using FluentMigrator.Builders.Create;

namespace FluentMigrator
{
    public abstract class MigrationBase : IMigration
    {
        public ICreateExpressionRoot Create => throw new NotImplementedException();

        public abstract void Up();

        public abstract void Down();
    }
}
