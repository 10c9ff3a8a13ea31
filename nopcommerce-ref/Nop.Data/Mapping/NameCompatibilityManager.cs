namespace Nop.Data.Mapping;

public static partial class NameCompatibilityManager
{
    public static string GetTableName(Type type) => throw new NotImplementedException();

    public static string GetColumnName(Type type, string propertyName) => throw new NotImplementedException();
}
