namespace Nop.Services.Helpers;

public partial interface IDateTimeHelper
{
    Task<DateTime> ConvertToUserTimeAsync(DateTime dt, DateTimeKind sourceDateTimeKind);

    TimeZoneInfo DefaultStoreTimeZone
    {
        get;
    }
}
