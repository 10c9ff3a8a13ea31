namespace Nop.Data;

public partial class DataSettingsManager
{
    public static bool IsDatabaseInstalled() => throw new NotImplementedException();
}
