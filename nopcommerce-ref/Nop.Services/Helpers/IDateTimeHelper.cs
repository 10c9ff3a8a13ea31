namespace Nop.Services.Helpers;

public partial interface IDateTimeHelper
{
    DateTime ConvertToUtcTime(DateTime dt, TimeZoneInfo sourceTimeZone);

    TimeZoneInfo DefaultStoreTimeZone
    {
        get;
    }
}
