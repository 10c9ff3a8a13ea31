namespace Nop.Services.Helpers;

public partial interface IDateTimeHelper
{
    TimeZoneInfo DefaultStoreTimeZone
    {
        get;
    }
}
