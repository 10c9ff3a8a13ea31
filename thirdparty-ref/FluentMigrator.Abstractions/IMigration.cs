namespace FluentMigrator
{
    public interface IMigration
    {
    }
}
