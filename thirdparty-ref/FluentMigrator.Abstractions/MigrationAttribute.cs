using System;

namespace FluentMigrator
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public class MigrationAttribute : Attribute
    {
        public MigrationAttribute(long version, string description) => throw new NotImplementedException();
    }
}
